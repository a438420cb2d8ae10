package io.tradekit.risk;

/** The correlation of two symbols' returns over the last {@code observations} common periods; NaN when undefined. */
public record PairCorrelation(String first, String second, int observations, double correlation) {
}
