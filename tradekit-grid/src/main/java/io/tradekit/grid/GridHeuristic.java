package io.tradekit.grid;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Instrument;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Proposes grid parameters from a volatility estimate and a budget.
 * <ul>
 * <li>Spacing: a random walk with per-bar deviation σ needs about {@code (spacing / σ)²} bars to move one
 * level, so {@code σ * sqrt(barsPerCrossing)} crosses a level every {@code barsPerCrossing} bars. It is
 * never below four maker fees, so that fees take at most half of a round trip's gross, and it is
 * rounded up to 0.01 %.</li>
 * <li>Levels per side: enough to cover {@code rangeSigmas} standard deviations of the move expected over
 * {@code horizonBars}, that is {@code ceil(rangeSigmas * σ * sqrt(horizonBars) / spacing)}, between 1
 * and {@code maxLevelsPerSide}; fewer when the budget would make a level smaller than the
 * instrument's minimums.</li>
 * <li>Size: the budget split equally in quote over the {@code 2 * levels} pairs, rounded down to 0.01.</li>
 * </ul>
 * {@code windowBars} is how much history the estimate is taken from.
 *
 * <pre>{@code GridProposal p = GridHeuristic.standard()
 *     .propose(VolatilityEstimator.estimate(bars), price, new BigDecimal("1000"), new BigDecimal("10"), instrument);}</pre>
 *
 * @param windowBars       bars of history the volatility estimate is taken from, at least 3
 * @param horizonBars      bars ahead whose expected move the levels should cover, at least 1
 * @param barsPerCrossing  how many bars, on average, the price should take to cross one level, at least 1
 * @param rangeSigmas      how many standard deviations of the horizon's move the levels cover, more than 0
 * @param maxLevelsPerSide the most levels on each side, 1 to the grid's maximum of levels per side
 */
public record GridHeuristic(int windowBars, int horizonBars, double barsPerCrossing, double rangeSigmas, int maxLevelsPerSide) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal BPS = new BigDecimal("10000");
    private static final BigDecimal FEE_MULTIPLE = new BigDecimal("4");
    private static final MathContext TEN_DIGITS = new MathContext(10);

    /**
     * Checks the ranges.
     *
     * @throws io.tradekit.api.InvalidInputException if a component is out of its range, naming it
     */
    public GridHeuristic {
        if (windowBars < 3) throw new InvalidInputException("grid heuristic: windowBars is " + windowBars + ", expected 3 or more");
        if (horizonBars < 1) throw new InvalidInputException("grid heuristic: horizonBars is " + horizonBars + ", expected 1 or more");
        if (!(barsPerCrossing >= 1)) throw new InvalidInputException("grid heuristic: barsPerCrossing is " + barsPerCrossing + ", expected 1 or more");
        if (!(rangeSigmas > 0)) throw new InvalidInputException("grid heuristic: rangeSigmas is " + rangeSigmas + ", expected more than 0");
        if (maxLevelsPerSide < 1 || maxLevelsPerSide > GridSettings.MAX_LEVELS_PER_SIDE) {
            throw new InvalidInputException("grid heuristic: maxLevelsPerSide is " + maxLevelsPerSide + ", expected 1 to " + GridSettings.MAX_LEVELS_PER_SIDE);
        }
    }

    /**
     * 100 bars of history, a level crossed every 4 bars, 2 σ of a 1440-bar horizon covered, at most 50 levels a side.
     *
     * @return {@code new GridHeuristic(100, 1440, 4, 2, 50)}
     */
    public static GridHeuristic standard() {
        return new GridHeuristic(100, 1440, 4, 2, 50);
    }

    /**
     * The spacing in percent: {@code 100 * σ * sqrt(barsPerCrossing)}, at least four maker fees, rounded up to 0.01 %.
     *
     * @param vol         the volatility estimate; its per-bar standard deviation is used
     * @param makerFeeBps the maker fee in basis points (10 = 0.1 %)
     * @return the spacing in percent of the price (0.5 = 0.5 %), at least 0.01
     */
    public BigDecimal spacingPercent(VolatilityEstimate vol, BigDecimal makerFeeBps) {
        BigDecimal fromVolatility = BigDecimal.valueOf(vol.perBarStdDev() * Math.sqrt(barsPerCrossing)).multiply(HUNDRED).round(TEN_DIGITS);
        BigDecimal feeFloor = makerFeeBps.multiply(FEE_MULTIPLE).multiply(HUNDRED).divide(BPS);
        BigDecimal spacing = fromVolatility.max(feeFloor).setScale(2, RoundingMode.CEILING);
        return spacing.signum() > 0 ? spacing : new BigDecimal("0.01");
    }

    /**
     * The levels on each side that cover the expected range at {@code spacingPercent}.
     *
     * @param vol            the volatility estimate; its per-bar standard deviation is used
     * @param spacingPercent the spacing in percent of the price, positive
     * @return {@code ceil(rangeSigmas * σ * sqrt(horizonBars) / spacing)}, between 1 and {@code maxLevelsPerSide}
     */
    public int levelsPerSide(VolatilityEstimate vol, BigDecimal spacingPercent) {
        double range = rangeSigmas * vol.perBarStdDev() * Math.sqrt(horizonBars);
        double levels = Math.ceil(range / (spacingPercent.doubleValue() / 100.0) - 1e-9);
        return (int) Math.max(1, Math.min(maxLevelsPerSide, levels));
    }

    /**
     * The whole proposal for a grid around {@code price}, funded by {@code budget} in the quote asset:
     * {@link #spacingPercent}, then {@link #levelsPerSide} cut down by {@link #fitLevels}, then the budget's
     * equal share per pair rounded down to 0.01.
     *
     * @param vol         the volatility estimate
     * @param price       the price the grid is centred on, in the quote asset
     * @param budget      the quote the grid may spend in all
     * @param makerFeeBps the maker fee in basis points (10 = 0.1 %)
     * @param instrument  the instrument's filters: step size, minimum quantity and minimum notional
     * @return the proposal
     * @throws InvalidInputException naming {@code budget} when not even one level per side fits the instrument's minimums
     */
    public GridProposal propose(VolatilityEstimate vol, BigDecimal price, BigDecimal budget, BigDecimal makerFeeBps, Instrument instrument) {
        BigDecimal spacing = spacingPercent(vol, makerFeeBps);
        int levels = fitLevels(levelsPerSide(vol, spacing), price, spacing, budget, instrument);
        return new GridProposal(spacing, levels, quotePerLevel(budget, levels));
    }

    /**
     * The most levels per side, up to {@code wanted}, whose equal share of {@code budget} meets the instrument's
     * minimums at both the grid's lowest and highest price.
     *
     * @param wanted         the levels per side the volatility asks for
     * @param price          the price the grid is centred on, in the quote asset
     * @param spacingPercent the spacing in percent of the price
     * @param budget         the quote the grid may spend in all
     * @param instrument     the instrument's filters: step size, minimum quantity and minimum notional
     * @return the levels per side, 1 to {@code wanted}
     * @throws InvalidInputException naming {@code budget} when not even one level per side fits
     */
    public int fitLevels(int wanted, BigDecimal price, BigDecimal spacingPercent, BigDecimal budget, Instrument instrument) {
        for (int levels = wanted; levels >= 1; levels--) {
            if (fits(levels, price, spacingPercent, budget, instrument)) return levels;
        }
        throw new InvalidInputException("grid: 'budget' " + budget.toPlainString() + " " + instrument.quoteAsset()
                + " is too small for a grid on " + instrument.symbol() + ": even one level per side gives less than the minimum order ("
                + instrument.minQuantity().toPlainString() + " " + instrument.baseAsset() + ", " + instrument.minNotional().toPlainString()
                + " " + instrument.quoteAsset() + ")");
    }

    private static boolean fits(int levels, BigDecimal price, BigDecimal spacingPercent, BigDecimal budget, Instrument instrument) {
        BigDecimal perLevel = quotePerLevel(budget, levels);
        BigDecimal reach = spacingPercent.multiply(BigDecimal.valueOf(levels)).divide(HUNDRED);
        BigDecimal top = price.multiply(BigDecimal.ONE.add(reach));
        BigDecimal bottom = price.multiply(BigDecimal.ONE.subtract(reach).max(new BigDecimal("0.01")));
        BigDecimal atTop = perLevel.divide(top.multiply(instrument.stepSize()), 0, RoundingMode.FLOOR).multiply(instrument.stepSize());
        BigDecimal atBottom = perLevel.divide(bottom.multiply(instrument.stepSize()), 0, RoundingMode.FLOOR).multiply(instrument.stepSize());
        return atTop.signum() > 0 && atTop.compareTo(instrument.minQuantity()) >= 0
                && atBottom.multiply(bottom).compareTo(instrument.minNotional()) >= 0
                && atTop.multiply(top).compareTo(instrument.minNotional()) >= 0;
    }

    private static BigDecimal quotePerLevel(BigDecimal budget, int levelsPerSide) {
        return budget.divide(BigDecimal.valueOf(2L * levelsPerSide), 2, RoundingMode.FLOOR);
    }
}
