/**
 * The Bybit v5 adapter, spot or linear (USDT perpetuals, one-way mode): {@link io.tradekit.bybit.BybitAdapter},
 * made by the {@code bybit} provider ({@link io.tradekit.bybit.BybitAdapterProvider}) from
 * {@link io.tradekit.bybit.BybitConfig}. The loopback simulator that speaks the same protocol is a
 * separate artifact, {@code tradekit-bybit-simulator}, never part of this jar.
 */
package io.tradekit.bybit;
