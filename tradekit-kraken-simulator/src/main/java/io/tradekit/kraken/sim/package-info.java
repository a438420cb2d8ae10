/**
 * A Kraken spot venue on loopback: REST ({@code /0/public}, {@code /0/private}) and WebSocket v2
 * (public {@code ohlc}, {@code ticker}; authenticated {@code executions}), matched by core's
 * {@link io.tradekit.core.paper.MatchingEngine}. Signatures and nonces are checked with this module's own
 * code. Entry point: {@link io.tradekit.kraken.sim.KrakenSimulator}.
 */
package io.tradekit.kraken.sim;
