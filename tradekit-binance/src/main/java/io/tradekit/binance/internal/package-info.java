/**
 * How the Binance adapter works inside: signing, the REST client, the market and user-data streams,
 * wire mapping and error mapping. Not a public API; the simulator shares the endpoint table and signer.
 */
package io.tradekit.binance.internal;
