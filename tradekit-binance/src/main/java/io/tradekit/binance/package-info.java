/**
 * The Binance spot adapter: {@link io.tradekit.binance.BinanceAdapter}, made by the {@code binance}
 * provider from {@link io.tradekit.binance.BinanceConfig}. The simulator that speaks the same protocol
 * lives in {@link io.tradekit.binance.sim}.
 */
package io.tradekit.binance;
