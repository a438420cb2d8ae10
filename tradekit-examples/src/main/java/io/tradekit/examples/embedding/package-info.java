/**
 * How a host service embeds tradekit without the command line: {@link io.tradekit.examples.embedding.EmbeddedBotService}
 * builds a bot with the fluent builder, listens to its events, feeds it bars and stops it on shutdown.
 */
package io.tradekit.examples.embedding;
