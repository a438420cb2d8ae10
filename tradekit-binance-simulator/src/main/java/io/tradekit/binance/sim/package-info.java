/**
 * {@link io.tradekit.binance.sim.BinanceSimulator}: a local Binance spot venue on loopback that speaks the
 * documented protocol (REST, market streams, WebSocket API user data), backed by core's
 * {@link io.tradekit.core.paper.MatchingEngine}, with fault injection for tests. It runs inside tests and
 * as its own process ({@code BinanceSimulator.main}).
 */
package io.tradekit.binance.sim;
