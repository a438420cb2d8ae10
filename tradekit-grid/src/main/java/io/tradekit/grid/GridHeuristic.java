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
 * @param windowBars       bars of history the volatility estimate is taken from
 * @param horizonBars      bars over which the expected move is covered by the levels
 * @param barsPerCrossing  bars between two crossings of a level the spacing aims at
 * @param rangeSigmas      standard deviations of the expected move the levels cover
 * @param maxLevelsPerSide the most levels on one side
 */
public record GridHeuristic(int windowBars, int horizonBars, double barsPerCrossing, double rangeSigmas, int maxLevelsPerSide) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal BPS = new BigDecimal("10000");
    private static final BigDecimal FEE_MULTIPLE = new BigDecimal("4");
    private static final MathContext TEN_DIGITS = new MathContext(10);

    /**
     * Checks the heuristic's bounds, naming the one that is wrong.
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
     * @return the heuristic
     */
    public static GridHeuristic standard() {
        return new GridHeuristic(100, 1440, 4, 2, 50);
    }

    /**
     * The spacing in percent, at least four maker fees, rounded up to 0.01 %.
     *
     * @param vol the volatility of the warmup bars
     * @param makerFeeBps the maker fee in basis points
     * @return the spacing in percent
     */
    public BigDecimal spacingPercent(VolatilityEstimate vol, BigDecimal makerFeeBps) {
        BigDecimal fromVolatility = BigDecimal.valueOf(vol.perBarStdDev() * Math.sqrt(barsPerCrossing)).multiply(HUNDRED).round(TEN_DIGITS);
        BigDecimal feeFloor = makerFeeBps.multiply(FEE_MULTIPLE).multiply(HUNDRED).divide(BPS);
        BigDecimal spacing = fromVolatility.max(feeFloor).setScale(2, RoundingMode.CEILING);
        return spacing.signum() > 0 ? spacing : new BigDecimal("0.01");
    }

    /**
     * The levels on each side that cover the expected range at {@code spacingPercent}.
     * @param vol the volatility of the warmup bars
     * @param spacingPercent the spacing in percent
     * @return the number of levels on each side
     */
    public int levelsPerSide(VolatilityEstimate vol, BigDecimal spacingPercent) {
        double range = rangeSigmas * vol.perBarStdDev() * Math.sqrt(horizonBars);
        double levels = Math.ceil(range / (spacingPercent.doubleValue() / 100.0) - 1e-9);
        return (int) Math.max(1, Math.min(maxLevelsPerSide, levels));
    }

    /**
     * The whole proposal for a grid around {@code price}, funded by {@code budget} in the quote asset.
     *
     * @throws InvalidInputException naming {@code budget} when not even one level per side fits the instrument's minimums
     * @param vol the volatility of the warmup bars
     * @param price the price now
     * @param budget the quote budget
     * @param makerFeeBps the maker fee in basis points
     * @param instrument the instrument traded
     * @return the proposed grid
     */
    public GridProposal propose(VolatilityEstimate vol, BigDecimal price, BigDecimal budget, BigDecimal makerFeeBps, Instrument instrument) {
        BigDecimal spacing = spacingPercent(vol, makerFeeBps);
        int levels = fitLevels(levelsPerSide(vol, spacing), price, spacing, budget, instrument);
        return new GridProposal(spacing, levels, quotePerLevel(budget, levels));
    }

    /**
     * The most levels per side, up to {@code wanted}, whose equal share of {@code budget} meets the instrument's minimums.
     * @param wanted the levels per side wanted
     * @param price the price now
     * @param spacingPercent the spacing in percent
     * @param budget the quote budget
     * @param instrument the instrument traded
     * @return the levels per side that fit
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
