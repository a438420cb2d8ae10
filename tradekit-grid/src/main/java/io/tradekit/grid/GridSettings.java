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
 */
public record GridSettings(Optional<BigDecimal> center, Optional<BigDecimal> spacing, SpacingUnit spacingUnit, SpacingMode spacingMode,
                           OptionalInt levelsDown, OptionalInt levelsUp, Optional<BigDecimal> lower, Optional<BigDecimal> upper,
                           Optional<BigDecimal> budget, Optional<BigDecimal> sizePerLevel, SizeMode sizeMode,
                           Rebalancing rebalancing, Optional<AdaptiveSpacing> adaptive, GridRiskLimits limits, boolean postOnly,
                           BigDecimal makerFeeBps, BigDecimal takerFeeBps, GridHeuristic heuristic, Optional<PerpGrid> perp) {

    /** The share of free cash a grid without a budget uses; the rest pays fees and rounding. */
    public static final BigDecimal DEFAULT_CASH_SHARE = new BigDecimal("0.95");

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
        // A fixed grid's fees are checked by GridConfig; check them here too so a bad value fails at creation.
        if (makerFeeBps.signum() < 0 || takerFeeBps.signum() < 0) {
            throw new InvalidInputException("grid: fees must not be negative, got maker " + makerFeeBps + " bps, taker " + takerFeeBps + " bps");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset to exactly {@code config} (centre included); rebalancing, limits and post-only keep their defaults. */
    public static Builder of(GridConfig config) {
        Builder b = builder().center(config.center()).spacing(config.spacing(), config.spacingUnit()).spacingMode(config.spacingMode())
                .levelsDown(config.levelsDown()).levelsUp(config.levelsUp()).fees(config.makerFeeBps(), config.takerFeeBps());
        config.lower().ifPresent(b::lower);
        config.upper().ifPresent(b::upper);
        if (config.sizing() instanceof LevelSizing.Budget budget) b.budget(budget.amount()).sizeMode(budget.mode());
        else b.sizePerLevel(config.sizing().amount()).sizeMode(config.sizing().mode());
        return b;
    }

    /** Whether spacing or levels come from the heuristic (and so need {@link GridHeuristic#windowBars()} of history). */
    public boolean needsHeuristic() {
        boolean bounded = lower.isPresent() && upper.isPresent();
        boolean levelsKnown = levelsDown.isPresent() && levelsUp.isPresent();
        boolean spacingKnown = spacing.isPresent() || (bounded && levelsKnown);
        return !spacingKnown || !(levelsKnown || bounded);
    }

    /** The bars of history the strategy needs before it builds its first grid. */
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
        if (n < 1 || n > GridConfig.MAX_LEVELS_PER_SIDE) {
            throw new InvalidInputException("grid: 'levels' is " + n + ", expected 1 to " + GridConfig.MAX_LEVELS_PER_SIDE);
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
        private BigDecimal makerFeeBps = GridConfig.DEFAULT_FEE_BPS;
        private BigDecimal takerFeeBps = GridConfig.DEFAULT_FEE_BPS;
        private GridHeuristic heuristic = GridHeuristic.standard();
        private PerpGrid perp;

        private Builder() {
        }

        public Builder center(BigDecimal center) {
            this.center = center;
            return this;
        }

        public Builder spacing(BigDecimal spacing, SpacingUnit unit) {
            this.spacing = spacing;
            this.spacingUnit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        public Builder spacingUnit(SpacingUnit unit) {
            this.spacingUnit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        public Builder spacingMode(SpacingMode mode) {
            this.spacingMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The same number of levels below and above the centre. */
        public Builder levels(int perSide) {
            this.levelsDown = perSide;
            this.levelsUp = perSide;
            return this;
        }

        public Builder levelsDown(int levels) {
            this.levelsDown = levels;
            return this;
        }

        public Builder levelsUp(int levels) {
            this.levelsUp = levels;
            return this;
        }

        public Builder lower(BigDecimal lower) {
            this.lower = lower;
            return this;
        }

        public Builder upper(BigDecimal upper) {
            this.upper = upper;
            return this;
        }

        /** A total quote budget split over the levels by {@link #sizeMode}. */
        public Builder budget(BigDecimal budget) {
            this.budget = budget;
            return this;
        }

        /** A size for every level, in the unit of {@link #sizeMode}. */
        public Builder sizePerLevel(BigDecimal size) {
            this.sizePerLevel = size;
            return this;
        }

        public Builder sizeMode(SizeMode mode) {
            this.sizeMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder rebalancing(Rebalancing rebalancing) {
            this.rebalancing = Objects.requireNonNull(rebalancing, "rebalancing");
            return this;
        }

        public Builder adaptive(AdaptiveSpacing adaptive) {
            this.adaptive = adaptive;
            return this;
        }

        public Builder limits(GridRiskLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Post-only (LIMIT_MAKER) orders on the levels; on by default. */
        public Builder postOnly(boolean postOnly) {
            this.postOnly = postOnly;
            return this;
        }

        /** The fees the grid plans with (spacing must pay them), in basis points. */
        public Builder fees(BigDecimal makerBps, BigDecimal takerBps) {
            this.makerFeeBps = makerBps;
            this.takerFeeBps = takerBps;
            return this;
        }

        public Builder heuristic(GridHeuristic heuristic) {
            this.heuristic = Objects.requireNonNull(heuristic, "heuristic");
            return this;
        }

        /** How the grid trades a perpetual: its mode and inventory limits in contracts. */
        public Builder perp(PerpGrid perp) {
            this.perp = perp;
            return this;
        }

        public GridSettings build() {
            return new GridSettings(Optional.ofNullable(center), Optional.ofNullable(spacing), spacingUnit, spacingMode,
                    levelsDown == null ? OptionalInt.empty() : OptionalInt.of(levelsDown),
                    levelsUp == null ? OptionalInt.empty() : OptionalInt.of(levelsUp), Optional.ofNullable(lower), Optional.ofNullable(upper),
                    Optional.ofNullable(budget), Optional.ofNullable(sizePerLevel), sizeMode, rebalancing, Optional.ofNullable(adaptive),
                    limits, postOnly, makerFeeBps, takerFeeBps, heuristic, Optional.ofNullable(perp));
        }
    }
}
