/**
 * Advice for running bots: proposals of parameter changes (from rules, language models or the
 * optimizer), notifications of what a bot does, and the parameter optimizer.
 */
package io.tradekit.advisor;
