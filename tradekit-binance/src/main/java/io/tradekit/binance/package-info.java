/**
 * The Binance spot adapter: {@link io.tradekit.binance.BinanceAdapter}, made by the {@code binance}
 * provider from {@link io.tradekit.binance.BinanceConfig}. The simulator that speaks the same protocol
 * lives in its own artifact, {@code tradekit-binance-simulator} (package {@code io.tradekit.binance.sim}), never in this jar.
 */
package io.tradekit.binance;
