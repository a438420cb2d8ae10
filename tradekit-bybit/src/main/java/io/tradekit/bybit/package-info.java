/**
 * The Bybit v5 spot adapter: {@link io.tradekit.bybit.BybitAdapter}, made by the {@code bybit} provider
 * from {@link io.tradekit.bybit.BybitConfig}. The loopback simulator that speaks the same protocol is a
 * separate artifact, {@code tradekit-bybit-simulator}, never part of this jar.
 */
package io.tradekit.bybit;
