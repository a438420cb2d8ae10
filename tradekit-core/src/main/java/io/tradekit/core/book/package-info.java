/**
 * Order-book conditions for gating a strategy's decisions: {@link io.tradekit.core.book.BookGate} holds the
 * thresholds (spread, depth near the mid, imbalance, age of the book) and says whether a
 * {@link io.tradekit.api.OrderBook} meets them, and if not, why.
 */
package io.tradekit.core.book;
