package io.tradekit.grid;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a {@link GridStrategy} is told. Grid values left empty are settled when the grid is built
 * on the first bar after warmup: the centre is the price (or the middle of {@code lower}..{@code upper}
 * when the price is outside them); spacing and levels come from {@code lower}/{@code upper} when both
 * bounds and one of them are given, else from the {@link GridHeuristic} on the warmup bars; without a
 * budget or size per level the grid gets 95 % of the bot's free cash. Rebalancing, adaptive spacing,
 * risk limits and post-only apply to every grid the strategy builds. On a perpetual the grid trades as
 * {@code perp} says ({@link PerpGrid#neutral()} when empty); on a spot instrument {@code perp} must be empty.
 *
 * <pre>{@code GridSettings s = GridSettings.builder().spacing(new BigDecimal("0.5"), SpacingUnit.PERCENT).levels(10)
 *     .budget(new BigDecimal("5000")).rebalancing(new Rebalancing(RebalanceMode.RECENTER, 2, 30)).build();}</pre>
 *
 * @param center       the centre price; empty: the price when the grid is built (or the middle of lower..upper when the price is outside them)
 * @param spacing      the distance between levels in {@code spacingUnit}; empty: from the bounds or the heuristic
 * @param spacingUnit  whether {@code spacing} is a price distance or a percent
 * @param spacingMode  whether levels step arithmetically or geometrically
 * @param levelsDown   levels below the centre; empty: from the bounds or the heuristic
 * @param levelsUp     levels above the centre; empty: from the bounds or the heuristic
 * @param lower        no level below this price
 * @param upper        no level above this price
 * @param budget       a total quote budget split over the levels by {@code sizeMode}
 * @param sizePerLevel a size for every level, in {@code sizeMode}'s unit
 * @param sizeMode     the unit of {@code budget} or {@code sizePerLevel}
 * @param rebalancing  what the grid does when the price leaves it
 * @param adaptive     spacing that follows volatility, if any
 * @param limits       the grid's own stop and take-profit prices and inventory limits
 * @param postOnly     whether level orders are post-only (LIMIT_MAKER)
 * @param makerFeeBps  the maker fee the grid plans with, in basis points
 * @param takerFeeBps  the taker fee the grid plans with, in basis points
 * @param heuristic    how spacing and levels left empty are chosen from the warmup bars
 * @param perp         how the grid trades a perpetual; empty for spot (neutral on a perpetual)
 */
public record GridSettings(Optional<BigDecimal> center, Optional<BigDecimal> spacing, SpacingUnit spacingUnit, SpacingMode spacingMode,
                           OptionalInt levelsDown, OptionalInt levelsUp, Optional<BigDecimal> lower, Optional<BigDecimal> upper,
                           Optional<BigDecimal> budget, Optional<BigDecimal> sizePerLevel, SizeMode sizeMode,
                           Rebalancing rebalancing, Optional<AdaptiveSpacing> adaptive, GridRiskLimits limits, boolean postOnly,
                           BigDecimal makerFeeBps, BigDecimal takerFeeBps, GridHeuristic heuristic, Optional<PerpGrid> perp) {

    /** More levels than this on one side is a mistake, not a grid. */
    public static final int MAX_LEVELS_PER_SIDE = 10_000;
    /** The fee a grid assumes when none is given: 10 bps, what most spot venues charge a maker. */
    public static final BigDecimal DEFAULT_FEE_BPS = BigDecimal.TEN;

    /** The share of free cash a grid without a budget uses; the rest pays fees and rounding. */
    public static final BigDecimal DEFAULT_CASH_SHARE = new BigDecimal("0.95");

    /** Checks every value given, naming the field of the first that is wrong. */
    public GridSettings {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(spacingUnit, "spacingUnit");
        Objects.requireNonNull(spacingMode, "spacingMode");
        Objects.requireNonNull(levelsDown, "levelsDown");
        Objects.requireNonNull(levelsUp, "levelsUp");
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(sizePerLevel, "sizePerLevel");
        Objects.requireNonNull(sizeMode, "sizeMode");
        Objects.requireNonNull(rebalancing, "rebalancing");
        Objects.requireNonNull(adaptive, "adaptive");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(makerFeeBps, "makerFeeBps");
        Objects.requireNonNull(takerFeeBps, "takerFeeBps");
        Objects.requireNonNull(heuristic, "heuristic");
        Objects.requireNonNull(perp, "perp");
        center.ifPresent(v -> requirePositive(v, "center"));
        spacing.ifPresent(v -> requirePositive(v, "spacing"));
        lower.ifPresent(v -> requirePositive(v, "lower"));
        upper.ifPresent(v -> requirePositive(v, "upper"));
        budget.ifPresent(v -> requirePositive(v, "budget"));
        sizePerLevel.ifPresent(v -> requirePositive(v, "size-per-level"));
        levelsDown.ifPresent(n -> requireLevels(n));
        levelsUp.ifPresent(n -> requireLevels(n));
        if (budget.isPresent() && sizePerLevel.isPresent()) {
            throw new InvalidInputException("grid: give 'budget' or 'size-per-level', not both");
        }
        if (lower.isPresent() && upper.isPresent() && lower.get().compareTo(upper.get()) >= 0) {
            throw new InvalidInputException("grid: 'lower' " + lower.get().toPlainString() + " must be below 'upper' " + upper.get().toPlainString());
        }
        center.ifPresent(c -> {
            if (lower.isPresent() && c.compareTo(lower.get()) <= 0) {
                throw new InvalidInputException("grid: 'center' " + c.toPlainString() + " must be above 'lower' " + lower.get().toPlainString());
            }
            if (upper.isPresent() && c.compareTo(upper.get()) >= 0) {
                throw new InvalidInputException("grid: 'center' " + c.toPlainString() + " must be below 'upper' " + upper.get().toPlainString());
            }
        });
        limits.stopPrice().ifPresent(stop -> lower.ifPresent(l -> {
            if (stop.compareTo(l) >= 0) {
                throw new InvalidInputException("grid: 'stop-price' " + stop.toPlainString() + " must be below 'lower' " + l.toPlainString());
            }
        }));
        limits.takeProfitPrice().ifPresent(tp -> upper.ifPresent(u -> {
            if (tp.compareTo(u) <= 0) {
                throw new InvalidInputException("grid: 'take-profit-price' " + tp.toPlainString() + " must be above 'upper' " + u.toPlainString());
            }
        }));
        // The settled grid checks its fees fully (internal.GridShape); check the sign here too so a bad value fails at creation.
        if (makerFeeBps.signum() < 0 || takerFeeBps.signum() < 0) {
            throw new InvalidInputException("grid: fees must not be negative, got maker " + makerFeeBps + " bps, taker " + takerFeeBps + " bps");
        }
    }

    /**
     * A builder with the defaults: percent arithmetic spacing, post-only, 10 bps fees, standard rebalancing and heuristic.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How much each level trades, when the settings say it: a budget split over the levels, or a size per level,
     * each in {@link #sizeMode()}'s unit.
     *
     * @return the sizing, or empty when the grid takes {@link #DEFAULT_CASH_SHARE} of the free cash
     */
    public Optional<LevelSizing> sizing() {
        if (budget.isPresent()) return Optional.of(LevelSizing.budget(budget.get(), sizeMode));
        return sizePerLevel.map(size -> LevelSizing.perLevel(size, sizeMode));
    }

    /**
     * Whether spacing or levels come from the heuristic (and so need {@link GridHeuristic#windowBars()} of history).
     *
     * @return true when the settings leave spacing or levels to the heuristic
     */
    public boolean needsHeuristic() {
        boolean bounded = lower.isPresent() && upper.isPresent();
        boolean levelsKnown = levelsDown.isPresent() && levelsUp.isPresent();
        boolean spacingKnown = spacing.isPresent() || (bounded && levelsKnown);
        return !spacingKnown || !(levelsKnown || bounded);
    }

    /**
     * The bars of history the strategy needs before it builds its first grid.
     *
     * @return at least 1
     */
    public int warmupBars() {
        int bars = 1;
        if (needsHeuristic()) bars = Math.max(bars, heuristic.windowBars());
        if (adaptive.isPresent()) bars = Math.max(bars, adaptive.get().barsNeeded());
        return bars;
    }

    private static void requirePositive(BigDecimal v, String field) {
        if (v.signum() <= 0) throw new InvalidInputException("grid: '" + field + "' must be positive, got " + v.toPlainString());
    }

    private static void requireLevels(int n) {
        if (n < 1 || n > MAX_LEVELS_PER_SIDE) {
            throw new InvalidInputException("grid: 'levels' is " + n + ", expected 1 to " + MAX_LEVELS_PER_SIDE);
        }
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private BigDecimal center;
        private BigDecimal spacing;
        private SpacingUnit spacingUnit = SpacingUnit.PERCENT;
        private SpacingMode spacingMode = SpacingMode.ARITHMETIC;
        private Integer levelsDown;
        private Integer levelsUp;
        private BigDecimal lower;
        private BigDecimal upper;
        private BigDecimal budget;
        private BigDecimal sizePerLevel;
        private SizeMode sizeMode = SizeMode.QUOTE;
        private Rebalancing rebalancing = Rebalancing.standard();
        private AdaptiveSpacing adaptive;
        private GridRiskLimits limits = GridRiskLimits.none();
        private boolean postOnly = true;
        private BigDecimal makerFeeBps = DEFAULT_FEE_BPS;
        private BigDecimal takerFeeBps = DEFAULT_FEE_BPS;
        private GridHeuristic heuristic = GridHeuristic.standard();
        private PerpGrid perp;

        private Builder() {
        }

        /**
         * The centre price.
         *
         * @param center a positive price
         * @return this builder
         */
        public Builder center(BigDecimal center) {
            this.center = center;
            return this;
        }

        /**
         * The distance between levels.
         *
         * @param spacing a positive distance
         * @param unit    a price distance or a percent
         * @return this builder
         */
        public Builder spacing(BigDecimal spacing, SpacingUnit unit) {
            this.spacing = spacing;
            this.spacingUnit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /**
         * Whether the spacing is a price distance or a percent.
         *
         * @param unit the unit
         * @return this builder
         */
        public Builder spacingUnit(SpacingUnit unit) {
            this.spacingUnit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /**
         * Whether levels step arithmetically or geometrically.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder spacingMode(SpacingMode mode) {
            this.spacingMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The same number of levels below and above the centre.
         *
         * @param perSide 1 to {@value #MAX_LEVELS_PER_SIDE}
         * @return this builder
         */
        public Builder levels(int perSide) {
            this.levelsDown = perSide;
            this.levelsUp = perSide;
            return this;
        }

        /**
         * Levels below the centre.
         *
         * @param levels 1 to {@value #MAX_LEVELS_PER_SIDE}
         * @return this builder
         */
        public Builder levelsDown(int levels) {
            this.levelsDown = levels;
            return this;
        }

        /**
         * Levels above the centre.
         *
         * @param levels 1 to {@value #MAX_LEVELS_PER_SIDE}
         * @return this builder
         */
        public Builder levelsUp(int levels) {
            this.levelsUp = levels;
            return this;
        }

        /**
         * No level below this price.
         *
         * @param lower a positive price below the centre
         * @return this builder
         */
        public Builder lower(BigDecimal lower) {
            this.lower = lower;
            return this;
        }

        /**
         * No level above this price.
         *
         * @param upper a positive price above the centre
         * @return this builder
         */
        public Builder upper(BigDecimal upper) {
            this.upper = upper;
            return this;
        }

        /**
         * A total budget split over the levels by {@link #sizeMode}.
         *
         * @param budget a positive amount
         * @return this builder
         */
        public Builder budget(BigDecimal budget) {
            this.budget = budget;
            return this;
        }

        /**
         * A size for every level, in the unit of {@link #sizeMode}.
         *
         * @param size a positive amount
         * @return this builder
         */
        public Builder sizePerLevel(BigDecimal size) {
            this.sizePerLevel = size;
            return this;
        }

        /**
         * The unit of the budget or the size per level.
         *
         * @param mode base or quote
         * @return this builder
         */
        public Builder sizeMode(SizeMode mode) {
            this.sizeMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * What the grid does when the price leaves it.
         *
         * @param rebalancing the rebalancing
         * @return this builder
         */
        public Builder rebalancing(Rebalancing rebalancing) {
            this.rebalancing = Objects.requireNonNull(rebalancing, "rebalancing");
            return this;
        }

        /**
         * Spacing that follows volatility.
         *
         * @param adaptive the adaptive spacing, or null for none
         * @return this builder
         */
        public Builder adaptive(AdaptiveSpacing adaptive) {
            this.adaptive = adaptive;
            return this;
        }

        /**
         * The grid's own stop and take-profit prices and inventory limits.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(GridRiskLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Post-only (LIMIT_MAKER) orders on the levels; on by default.
         *
         * @param postOnly whether level orders are post-only
         * @return this builder
         */
        public Builder postOnly(boolean postOnly) {
            this.postOnly = postOnly;
            return this;
        }

        /**
         * The fees the grid plans with (spacing must pay them), in basis points.
         *
         * @param makerBps the maker fee
         * @param takerBps the taker fee
         * @return this builder
         */
        public Builder fees(BigDecimal makerBps, BigDecimal takerBps) {
            this.makerFeeBps = makerBps;
            this.takerFeeBps = takerBps;
            return this;
        }

        /**
         * How spacing and levels left empty are chosen from the warmup bars.
         *
         * @param heuristic the heuristic
         * @return this builder
         */
        public Builder heuristic(GridHeuristic heuristic) {
            this.heuristic = Objects.requireNonNull(heuristic, "heuristic");
            return this;
        }

        /**
         * How the grid trades a perpetual: its mode and inventory limits in contracts.
         *
         * @param perp the perpetual grid, or null for spot
         * @return this builder
         */
        public Builder perp(PerpGrid perp) {
            this.perp = perp;
            return this;
        }

        /**
         * The settings, checked.
         *
         * @return the settings
         * @throws io.tradekit.api.InvalidInputException naming the field of the first value that is wrong
         */
        public GridSettings build() {
            return new GridSettings(Optional.ofNullable(center), Optional.ofNullable(spacing), spacingUnit, spacingMode,
                    levelsDown == null ? OptionalInt.empty() : OptionalInt.of(levelsDown),
                    levelsUp == null ? OptionalInt.empty() : OptionalInt.of(levelsUp), Optional.ofNullable(lower), Optional.ofNullable(upper),
                    Optional.ofNullable(budget), Optional.ofNullable(sizePerLevel), sizeMode, rebalancing, Optional.ofNullable(adaptive),
                    limits, postOnly, makerFeeBps, takerFeeBps, heuristic, Optional.ofNullable(perp));
        }
    }
}
