/**
 * The Kraken spot adapter, {@link io.tradekit.kraken.KrakenAdapter}: REST ({@code /0/public}, {@code /0/private})
 * and WebSocket v2 (public {@code ohlc} and {@code ticker}, private {@code executions}). Found through
 * {@link java.util.ServiceLoader} as {@code kraken} ({@link io.tradekit.kraken.KrakenAdapterProvider});
 * configured by {@link io.tradekit.kraken.KrakenConfig}. The loopback simulator is a separate artifact,
 * {@code tradekit-kraken-simulator}.
 */
package io.tradekit.kraken;
