package io.tradekit.risk;

/**
 * The correlation of two symbols' returns over the last {@code observations} common periods, as
 * {@link Correlation#latest} computes it.
 *
 * @param first        the first symbol
 * @param second       the second symbol
 * @param observations how many returns the correlation was taken over
 * @param correlation  the Pearson correlation in [-1, 1]; NaN when fewer than 2 returns were available or
 *                     either symbol did not move
 */
public record PairCorrelation(String first, String second, int observations, double correlation) {
}
