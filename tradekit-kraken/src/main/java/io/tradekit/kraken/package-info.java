/**
 * The Kraken spot adapter: REST ({@code /0/public}, {@code /0/private}) and WebSocket v2 (public
 * {@code ohlc} and {@code ticker}, private {@code executions}). Found through {@link java.util.ServiceLoader}
 * as {@code kraken}; configured by {@link io.tradekit.kraken.KrakenConfig}.
 */
package io.tradekit.kraken;
