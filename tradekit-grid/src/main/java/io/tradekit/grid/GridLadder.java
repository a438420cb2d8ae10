package io.tradekit.grid;

import io.tradekit.api.InvalidInputException;
import io.tradekit.grid.internal.GridShape;
import io.tradekit.api.Instrument;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The levels of one grid on one instrument: every price on the tick, every quantity on the step and
 * above the instrument's minimums. Level {@code 0} is the lowest price. Pair {@code i} buys at level
 * {@code i} and sells what it bought at level {@code i + 1}; its quantity is {@link #quantity(int)}.
 * Immutable. Made by {@link #build}, which refuses a grid that cannot trade: levels that collapse onto
 * one tick, a price at or below zero, a size below the minimums, or a spacing that does not pay the fees.
 *
 * <pre>{@code GridLadder ladder = GridLadder.build(settings, instrument);
 * GridPlan plan = ladder.plan(lastPrice); // buys below, sells above, none at plan.anchor()}</pre>
 */
public final class GridLadder {

    /** Enough digits that {@code (1 + p)^i} is exact to far below any tick before it is rounded to one. */
    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final GridShape config;
    private final Instrument instrument;
    private final BigDecimal center;
    private final BigDecimal step;
    private final BigDecimal ratio;
    private final int firstOffset;
    private final BigDecimal[] prices;
    private final BigDecimal[] quantities;
    /**
     * Each level's price as an order's limit, made once: as {@link io.tradekit.core.sizing.OrderRounding} gives it
     * (trailing zeros stripped), so that every order placed at the level keeps this one number.
     */
    private final List<Optional<BigDecimal>> limits;

    private GridLadder(GridShape config, Instrument instrument, BigDecimal center, BigDecimal step, BigDecimal ratio,
                       int firstOffset, BigDecimal[] prices, BigDecimal[] quantities) {
        this.config = config;
        this.instrument = instrument;
        this.center = center;
        this.step = step;
        this.ratio = ratio;
        this.firstOffset = firstOffset;
        this.prices = prices;
        this.quantities = quantities;
        this.limits = Arrays.stream(prices).map(p -> Optional.of(p.stripTrailingZeros())).toList();
    }

    /**
     * Generates the levels of an exact grid on {@code instrument}'s tick and sizes them on its step.
     *
     * @param settings   the grid, with its centre, spacing, levels and a budget or size per level all given
     * @param instrument the instrument whose tick, step and minimums the levels keep
     * @return the ladder
     * @throws InvalidInputException naming the value that is missing, wrong, or cannot be traded on the instrument
     */
    public static GridLadder build(GridSettings settings, Instrument instrument) {
        return build(GridShape.of(settings), instrument);
    }

    /** The ladder of a settled grid (the strategy's, a restored one's). */
    static GridLadder build(GridShape config, Instrument instrument) {
        BigDecimal center = toTick(config.center(), instrument.tickSize());
        if (center.signum() <= 0) {
            throw new InvalidInputException("grid: 'center' " + config.center().toPlainString() + " rounds to zero on the tick "
                    + instrument.tickSize().toPlainString());
        }
        BigDecimal step = null;
        BigDecimal ratio = null;
        if (config.spacingMode() == SpacingMode.ARITHMETIC) {
            step = config.spacingUnit() == SpacingUnit.ABSOLUTE ? config.spacing() : center.multiply(config.spacing()).divide(HUNDRED);
        } else {
            BigDecimal fraction = config.spacingUnit() == SpacingUnit.PERCENT ? config.spacing().divide(HUNDRED)
                    : config.spacing().divide(center, EXACT_ENOUGH);
            ratio = BigDecimal.ONE.add(fraction);
        }
        List<BigDecimal> kept = new ArrayList<>();
        int firstOffset = Integer.MIN_VALUE;
        for (int k = -config.levelsDown(); k <= config.levelsUp(); k++) {
            BigDecimal price = toTick(generate(center, step, ratio, k), instrument.tickSize());
            if (config.lower().isPresent() && price.compareTo(config.lower().get()) < 0) continue;
            if (config.upper().isPresent() && price.compareTo(config.upper().get()) > 0) continue;
            if (price.signum() <= 0) {
                throw new InvalidInputException("grid: 'levels-down' " + config.levelsDown() + " with 'spacing' "
                        + config.spacing().toPlainString() + " puts level " + k + " at " + price.toPlainString()
                        + ", not a positive price; use fewer levels, a smaller spacing or geometric spacing");
            }
            if (!kept.isEmpty() && price.compareTo(kept.get(kept.size() - 1)) <= 0) {
                throw new InvalidInputException("grid: 'spacing' " + config.spacing().toPlainString() + " is too small for the tick "
                        + instrument.tickSize().toPlainString() + " of " + instrument.symbol() + ": two levels round to "
                        + price.toPlainString());
            }
            if (kept.isEmpty()) firstOffset = k;
            kept.add(price);
        }
        if (kept.size() < 2) {
            throw new InvalidInputException("grid: 'lower'/'upper' leave " + kept.size() + " level(s) of the grid; at least 2 are needed");
        }
        BigDecimal[] prices = kept.toArray(new BigDecimal[0]);
        BigDecimal[] quantities = size(config, instrument, prices);
        GridLadder ladder = new GridLadder(config, instrument, center, step, ratio, firstOffset, prices, quantities);
        ladder.requireProfitablePairs();
        return ladder;
    }

    private static BigDecimal generate(BigDecimal center, BigDecimal step, BigDecimal ratio, int k) {
        if (step != null) return center.add(step.multiply(BigDecimal.valueOf(k)));
        if (k >= 0) return center.multiply(ratio.pow(k, EXACT_ENOUGH), EXACT_ENOUGH);
        return center.divide(ratio.pow(-k, EXACT_ENOUGH), EXACT_ENOUGH);
    }

    /** The nearest multiple of the tick (half-even): a level is one price for the buy and the sell that meet on it. */
    static BigDecimal toTick(BigDecimal price, BigDecimal tick) {
        return price.divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick);
    }

    private static BigDecimal[] size(GridShape config, Instrument instrument, BigDecimal[] prices) {
        int pairs = prices.length - 1;
        BigDecimal[] q = new BigDecimal[pairs];
        LevelSizing sizing = config.sizing();
        BigDecimal sumOfBuyPrices = BigDecimal.ZERO;
        for (int i = 0; i < pairs; i++) sumOfBuyPrices = sumOfBuyPrices.add(prices[i]);
        for (int i = 0; i < pairs; i++) {
            BigDecimal divisor = switch (sizing) {
                case LevelSizing.PerLevel p when p.mode() == SizeMode.BASE -> BigDecimal.ONE;
                case LevelSizing.PerLevel p -> prices[i];
                case LevelSizing.Budget b when b.mode() == SizeMode.QUOTE -> prices[i].multiply(BigDecimal.valueOf(pairs));
                case LevelSizing.Budget b -> sumOfBuyPrices;
            };
            q[i] = stripped(floorToStep(sizing.amount(), divisor, instrument.stepSize()));
            requireTradable(config, instrument, q[i], prices[i], i);
        }
        return q;
    }

    /**
     * Without trailing zeros after the point, as {@link io.tradekit.core.sizing.OrderRounding} gives an order's
     * quantity: every order placed from the level then shares this one number instead of keeping its own copy.
     */
    private static BigDecimal stripped(BigDecimal quantity) {
        BigDecimal s = quantity.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** {@code amount / divisor} rounded down to the step, exactly. */
    private static BigDecimal floorToStep(BigDecimal amount, BigDecimal divisor, BigDecimal stepSize) {
        return amount.divide(divisor.multiply(stepSize), 0, RoundingMode.FLOOR).multiply(stepSize);
    }

    private static void requireTradable(GridShape config, Instrument instrument, BigDecimal qty, BigDecimal price, int level) {
        String field = config.sizing() instanceof LevelSizing.Budget ? "budget" : "size-per-level";
        String what = "grid: '" + field + "' " + config.sizing().amount().toPlainString() + " (" + config.sizing().mode().name().toLowerCase()
                + ") gives " + qty.stripTrailingZeros().toPlainString() + " " + instrument.baseAsset() + " at level " + level
                + " (" + price.toPlainString() + ")";
        if (qty.signum() == 0) {
            throw new InvalidInputException(what + ", less than one step " + instrument.stepSize().toPlainString() + " of " + instrument.symbol());
        }
        if (qty.compareTo(instrument.minQuantity()) < 0) {
            throw new InvalidInputException(what + ", below the minimum quantity " + instrument.minQuantity().toPlainString()
                    + " of " + instrument.symbol());
        }
        if (qty.multiply(price).compareTo(instrument.minNotional()) < 0) {
            throw new InvalidInputException(what + ", below the minimum notional " + instrument.minNotional().toPlainString() + " "
                    + instrument.quoteAsset() + " of " + instrument.symbol());
        }
    }

    private void requireProfitablePairs() {
        for (int i = 0; i < pairs(); i++) {
            BigDecimal profit = expectedProfit(i);
            if (profit.signum() <= 0) {
                throw new InvalidInputException("grid: 'spacing' " + config.spacing().toPlainString()
                        + (config.spacingUnit() == SpacingUnit.PERCENT ? " %" : "") + " does not pay the fees: a round trip from "
                        + prices[i].toPlainString() + " to " + prices[i + 1].toPlainString() + " earns "
                        + profit.stripTrailingZeros().toPlainString() + " " + instrument.quoteAsset() + " after "
                        + config.makerFeeBps().toPlainString() + " bps maker fees on both sides");
            }
        }
    }

    /**
     * The exact grid this ladder was built from.
     *
     * @return its settings, every value of the shape present
     */
    public GridSettings config() {
        return config.toSettingsBuilder().build();
    }

    /** The exact grid, as the strategy and the report read it. */
    GridShape shape() {
        return config;
    }

    /**
     * The maker fee the grid plans with.
     *
     * @return the fee as a fraction (10 bps = 0.001)
     */
    public BigDecimal makerFeeRate() {
        return config.makerFeeRate();
    }

    /**
     * The instrument whose tick, step and minimums the levels keep.
     *
     * @return the instrument
     */
    public Instrument instrument() {
        return instrument;
    }

    /**
     * The centre price on the tick.
     *
     * @return the configured centre rounded to the tick, in the quote asset
     */
    public BigDecimal center() {
        return center;
    }

    /**
     * The index of the centre's level.
     *
     * @return the centre's index; it lies outside 0..size()-1 when the bounds cut the centre off
     */
    public int centerIndex() {
        return -firstOffset;
    }

    /**
     * How many levels.
     *
     * @return the number of levels, at least 2
     */
    public int size() {
        return prices.length;
    }

    /**
     * How many pairs (adjacent levels that trade together): one less than the levels.
     *
     * @return {@code size() - 1}
     */
    public int pairs() {
        return quantities.length;
    }

    /**
     * The price of one level.
     *
     * @param level the level's index, 0 to {@code size() - 1}
     * @return its price on the tick, in the quote asset
     * @throws ArrayIndexOutOfBoundsException if {@code level} is not a level of the ladder
     */
    public BigDecimal price(int level) {
        return prices[level];
    }

    /**
     * The price of one level as an order's limit price: {@link #price(int) price(level)} without trailing zeros, as an
     * order's limit is rounded. One instance per level, so that the orders a long run places there share it instead
     * of each keeping its own.
     *
     * @param level the level's index, 0 to {@code size() - 1}
     * @return the level's price, present, trailing zeros stripped
     * @throws IndexOutOfBoundsException if {@code level} is not a level of the ladder
     */
    public Optional<BigDecimal> limitPrice(int level) {
        return limits.get(level);
    }

    /**
     * The base quantity pair {@code pair} buys at level {@code pair} and sells at level {@code pair + 1}.
     *
     * @param pair the pair's index, 0 to {@code pairs() - 1}
     * @return the quantity on the step, in the base asset
     * @throws ArrayIndexOutOfBoundsException if {@code pair} is not a pair of the ladder
     */
    public BigDecimal quantity(int pair) {
        return quantities[pair];
    }

    /**
     * The lowest level's price.
     *
     * @return the price of level 0
     */
    public BigDecimal lowest() {
        return prices[0];
    }

    /**
     * The highest level's price.
     *
     * @return the price of level {@code size() - 1}
     */
    public BigDecimal highest() {
        return prices[prices.length - 1];
    }

    /**
     * Every level, lowest first.
     *
     * @return an unmodifiable list of {@code size()} levels
     */
    public List<GridLevel> levels() {
        List<GridLevel> out = new ArrayList<>(prices.length);
        for (int i = 0; i < prices.length; i++) out.add(new GridLevel(i, prices[i]));
        return Collections.unmodifiableList(out);
    }

    /**
     * The price of a level past either end of the ladder ({@code level < 0} or {@code >= size()}), on the
     * same spacing and tick; empty where an arithmetic ladder would reach zero. Inside the ladder it is
     * {@link #price(int)}.
     *
     * @param level a level index, possibly outside the ladder
     * @return the level's price on the tick, or empty when it would not be positive
     */
    public Optional<BigDecimal> extendedPrice(int level) {
        if (level >= 0 && level < prices.length) return Optional.of(prices[level]);
        BigDecimal price = toTick(generate(center, step, ratio, firstOffset + level), instrument.tickSize());
        return price.signum() > 0 ? Optional.of(price) : Optional.empty();
    }

    /**
     * The level nearest to {@code price} (the lower one on a tie); the first or last level outside the range.
     *
     * @param price a price, in the quote asset
     * @return the index of the nearest level
     */
    public int nearestLevel(BigDecimal price) {
        int lo = 0;
        int hi = prices.length - 1;
        if (price.compareTo(prices[lo]) <= 0) return lo;
        if (price.compareTo(prices[hi]) >= 0) return hi;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (prices[mid].compareTo(price) <= 0) lo = mid;
            else hi = mid;
        }
        // prices[lo] <= price < prices[hi]
        return price.subtract(prices[lo]).compareTo(prices[hi].subtract(price)) <= 0 ? lo : hi;
    }

    /**
     * The orders wanted at {@code price}: buys below the level the price sits on, sells above it.
     *
     * @param price the current price, in the quote asset
     * @return the plan anchored on {@link #nearestLevel}
     */
    public GridPlan plan(BigDecimal price) {
        return new GridPlan(nearestLevel(price), prices.length);
    }

    /**
     * What one round trip of pair {@code pair} earns after maker fees on both legs, if it fills at its levels.
     *
     * @param pair the pair's index, 0 to {@code pairs() - 1}
     * @return {@code (sell - buy) * q - (buy + sell) * q * makerFee}, in the quote asset
     * @throws ArrayIndexOutOfBoundsException if {@code pair} is not a pair of the ladder
     */
    public BigDecimal expectedProfit(int pair) {
        BigDecimal q = quantities[pair];
        BigDecimal buy = prices[pair];
        BigDecimal sell = prices[pair + 1];
        BigDecimal fees = buy.add(sell).multiply(q).multiply(config.makerFeeRate());
        return sell.subtract(buy).multiply(q).subtract(fees);
    }

    /**
     * The quote value of every pair at its buy price: the capital the grid ties up, in cash or inventory.
     *
     * @return the sum of each pair's quantity times its buy price, in the quote asset
     */
    public BigDecimal capital() {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < quantities.length; i++) total = total.add(quantities[i].multiply(prices[i]));
        return total;
    }

    @Override
    public String toString() {
        return "GridLadder[" + instrument.symbol() + " " + prices.length + " levels " + lowest().toPlainString() + ".."
                + highest().toPlainString() + "]";
    }
}
