/** Kraken wire details: signing, nonces, error table, REST client, WebSocket v2 streams. Not public API. */
package io.tradekit.kraken.internal;
