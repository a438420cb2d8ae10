package io.tradekit.grid.internal;

import io.tradekit.api.InvalidInputException;
import io.tradekit.grid.GridSettings;
import io.tradekit.grid.LevelSizing;
import io.tradekit.grid.SizeMode;
import io.tradekit.grid.SpacingMode;
import io.tradekit.grid.SpacingUnit;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The exact shape of one grid, as {@link GridSettings} settle into it once every value is known (the centre from
 * the price, spacing and levels from the heuristic, the sizing from the cash): not a configuration a host writes
 * (that is {@link GridSettings}), but what the ladder, the order tags and the saved state hold. Its centre price, the spacing between levels (a price distance or a
 * percent, stepped arithmetically or geometrically), how many levels below and above the centre,
 * optional hard bounds that cut levels off, how much each level trades, and the fees (in basis points)
 * that a round trip must beat. Every value is validated when the record is made, and an error names the
 * field. Prices of the levels come from {@link io.tradekit.grid.GridLadder#build}.
 *
 * <pre>{@code GridShape config = GridShape.builder()
 *     .center(new BigDecimal("100")).spacing(new BigDecimal("1"), SpacingUnit.ABSOLUTE)
 *     .levels(2).sizing(LevelSizing.perLevel(BigDecimal.ONE, SizeMode.BASE))
 *     .build();}</pre>
 */
public record GridShape(BigDecimal center, BigDecimal spacing, SpacingUnit spacingUnit, SpacingMode spacingMode,
                         int levelsDown, int levelsUp, Optional<BigDecimal> lower, Optional<BigDecimal> upper,
                         LevelSizing sizing, BigDecimal makerFeeBps, BigDecimal takerFeeBps) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal BPS = new BigDecimal("10000");

    public GridShape {
        requirePositive(center, "center");
        requirePositive(spacing, "spacing");
        Objects.requireNonNull(spacingUnit, "spacingUnit");
        Objects.requireNonNull(spacingMode, "spacingMode");
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        Objects.requireNonNull(sizing, "sizing");
        if (spacingUnit == SpacingUnit.PERCENT && spacing.compareTo(HUNDRED) >= 0) {
            throw new InvalidInputException("grid: 'spacing' is " + spacing.toPlainString() + " %, expected less than 100 %");
        }
        if (spacingUnit == SpacingUnit.ABSOLUTE && spacing.compareTo(center) >= 0) {
            throw new InvalidInputException("grid: 'spacing' " + spacing.toPlainString() + " must be smaller than the center "
                    + center.toPlainString());
        }
        requireLevels(levelsDown, "levels-down");
        requireLevels(levelsUp, "levels-up");
        lower.ifPresent(l -> {
            requirePositive(l, "lower");
            if (l.compareTo(center) >= 0) {
                throw new InvalidInputException("grid: 'lower' " + l.toPlainString() + " must be below the center " + center.toPlainString());
            }
        });
        upper.ifPresent(u -> {
            requirePositive(u, "upper");
            if (u.compareTo(center) <= 0) {
                throw new InvalidInputException("grid: 'upper' " + u.toPlainString() + " must be above the center " + center.toPlainString());
            }
        });
        String sizeField = sizing instanceof LevelSizing.Budget ? "budget" : "size-per-level";
        requirePositive(sizing.amount(), sizeField);
        requireFee(makerFeeBps, "maker-fee-bps");
        requireFee(takerFeeBps, "taker-fee-bps");
    }

    /**
     * The exact grid {@code settings} give when every value of the shape is there: centre, spacing, levels on both
     * sides, and a budget or a size per level. An exact grid a host gives ({@link io.tradekit.grid.GridLadder#build})
     * is this; the strategy settles the values left empty first.
     *
     * @throws InvalidInputException naming the first value that is missing or wrong, as a grid's configuration does
     */
    public static GridShape of(GridSettings settings) {
        Builder b = builder().spacingMode(settings.spacingMode()).fees(settings.makerFeeBps(), settings.takerFeeBps());
        settings.center().ifPresent(b::center);
        if (settings.spacing().isPresent()) b.spacing(settings.spacing().get(), settings.spacingUnit());
        if (settings.levelsDown().isEmpty() || settings.levelsUp().isEmpty()) {
            throw new InvalidInputException("grid: 'levels' is required for an exact grid");
        }
        b.levelsDown(settings.levelsDown().getAsInt()).levelsUp(settings.levelsUp().getAsInt());
        settings.lower().ifPresent(b::lower);
        settings.upper().ifPresent(b::upper);
        settings.sizing().ifPresent(b::sizing);
        return b.build();
    }

    /** This exact grid as settings, every value of the shape present; rebalancing, limits and post-only keep their defaults. */
    public GridSettings.Builder toSettingsBuilder() {
        GridSettings.Builder b = GridSettings.builder().center(center).spacing(spacing, spacingUnit).spacingMode(spacingMode)
                .levelsDown(levelsDown).levelsUp(levelsUp).fees(makerFeeBps, takerFeeBps);
        lower.ifPresent(b::lower);
        upper.ifPresent(b::upper);
        if (sizing instanceof LevelSizing.Budget budget) b.budget(budget.amount()).sizeMode(budget.mode());
        else b.sizePerLevel(sizing.amount()).sizeMode(sizing.mode());
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The maker fee as a fraction (10 bps = 0.001). */
    public BigDecimal makerFeeRate() {
        return makerFeeBps.divide(BPS);
    }

    /** The taker fee as a fraction. */
    public BigDecimal takerFeeRate() {
        return takerFeeBps.divide(BPS);
    }

    /** A copy centred elsewhere, with the same spacing, levels, bounds, sizing and fees. */
    public GridShape withCenter(BigDecimal newCenter) {
        return new GridShape(newCenter, spacing, spacingUnit, spacingMode, levelsDown, levelsUp, lower, upper, sizing,
                makerFeeBps, takerFeeBps);
    }

    public Builder toBuilder() {
        Builder b = new Builder().center(center).spacing(spacing, spacingUnit).spacingMode(spacingMode)
                .levelsDown(levelsDown).levelsUp(levelsUp).sizing(sizing).fees(makerFeeBps, takerFeeBps);
        lower.ifPresent(b::lower);
        upper.ifPresent(b::upper);
        return b;
    }

    private static void requirePositive(BigDecimal value, String field) {
        if (value == null) throw new InvalidInputException("grid: '" + field + "' is required");
        if (value.signum() <= 0) throw new InvalidInputException("grid: '" + field + "' must be positive, got " + value.toPlainString());
    }

    private static void requireLevels(int levels, String field) {
        if (levels < 1 || levels > GridSettings.MAX_LEVELS_PER_SIDE) {
            throw new InvalidInputException("grid: '" + field + "' is " + levels + ", expected 1 to " + GridSettings.MAX_LEVELS_PER_SIDE);
        }
    }

    private static void requireFee(BigDecimal bps, String field) {
        if (bps == null) throw new InvalidInputException("grid: '" + field + "' is required");
        if (bps.signum() < 0 || bps.compareTo(BPS) >= 0) {
            throw new InvalidInputException("grid: '" + field + "' is " + bps.toPlainString() + ", expected 0 to 9999 basis points");
        }
    }

    /** Collects a grid's values; {@link #build()} validates them. Levels default to 5 on each side, fees to 10 bps. */
    public static final class Builder {
        private BigDecimal center;
        private BigDecimal spacing;
        private SpacingUnit spacingUnit = SpacingUnit.PERCENT;
        private SpacingMode spacingMode = SpacingMode.ARITHMETIC;
        private int levelsDown = 5;
        private int levelsUp = 5;
        private BigDecimal lower;
        private BigDecimal upper;
        private LevelSizing sizing;
        private BigDecimal makerFeeBps = GridSettings.DEFAULT_FEE_BPS;
        private BigDecimal takerFeeBps = GridSettings.DEFAULT_FEE_BPS;

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

        /** No level below this price. */
        public Builder lower(BigDecimal lower) {
            this.lower = lower;
            return this;
        }

        /** No level above this price. */
        public Builder upper(BigDecimal upper) {
            this.upper = upper;
            return this;
        }

        public Builder sizing(LevelSizing sizing) {
            this.sizing = sizing;
            return this;
        }

        public Builder sizePerLevel(BigDecimal amount, SizeMode mode) {
            return sizing(LevelSizing.perLevel(amount, mode));
        }

        public Builder budget(BigDecimal total, SizeMode split) {
            return sizing(LevelSizing.budget(total, split));
        }

        public Builder fees(BigDecimal makerBps, BigDecimal takerBps) {
            this.makerFeeBps = makerBps;
            this.takerFeeBps = takerBps;
            return this;
        }

        public GridShape build() {
            if (sizing == null) throw new InvalidInputException("grid: 'size-per-level' or 'budget' is required");
            return new GridShape(center, spacing, spacingUnit, spacingMode, levelsDown, levelsUp, Optional.ofNullable(lower),
                    Optional.ofNullable(upper), sizing, makerFeeBps, takerFeeBps);
        }
    }
}
