/** The Bybit adapter's insides: signing, the REST client, the error table, wire mappings and the two streams. Not public API. */
package io.tradekit.bybit.internal;
