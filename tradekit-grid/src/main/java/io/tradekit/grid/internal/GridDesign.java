package io.tradekit.grid.internal;

import io.tradekit.grid.GridSettings;
import io.tradekit.grid.LevelSizing;
import io.tradekit.grid.SpacingMode;
import io.tradekit.grid.SpacingUnit;
import io.tradekit.grid.VolatilityEstimate;
import io.tradekit.grid.VolatilityEstimator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Settles {@link GridSettings} into one exact {@link GridShape} for the market as it is now. The order
 * matters: spacing first (given, from both bounds and the levels, or from the heuristic), then the
 * adaptive blend, then levels (given, counted to a bound, or from the heuristic, fewer when the budget
 * is too small for them), then the centre (given, or the price, tilted along the trend), then sizing.
 */
public final class GridDesign {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final MathContext DIGITS = MathContext.DECIMAL64;

    /** The settled grid, and its spacing before the adaptive blend (what a recentered grid blends again from). */
    public record Design(GridShape config, BigDecimal baseSpacing, SpacingUnit baseUnit) {
    }

    private GridDesign() {
    }

    public static Design resolve(GridSettings s, MarketView m) {
        BigDecimal price = m.price();
        Optional<BigDecimal> lower = s.lower();
        Optional<BigDecimal> upper = s.upper();
        boolean bounded = lower.isPresent() && upper.isPresent();
        Integer down = s.levelsDown().isPresent() ? s.levelsDown().getAsInt() : null;
        Integer up = s.levelsUp().isPresent() ? s.levelsUp().getAsInt() : null;
        SpacingMode mode = s.spacingMode();
        SpacingUnit unit = s.spacingUnit();
        BigDecimal center = s.center().orElse(null);
        VolatilityEstimate[] vol = new VolatilityEstimate[1];

        BigDecimal spacing;
        if (s.spacing().isPresent()) {
            spacing = s.spacing().get();
        } else if (bounded && down != null && up != null) {
            // Levels that span the bounds exactly: the bounds are the first and last level.
            int n = down + up;
            if (mode == SpacingMode.ARITHMETIC) {
                unit = SpacingUnit.ABSOLUTE;
                spacing = upper.get().subtract(lower.get()).divide(BigDecimal.valueOf(n), DIGITS);
                if (center == null) center = lower.get().add(spacing.multiply(BigDecimal.valueOf(down)));
            } else {
                unit = SpacingUnit.PERCENT;
                double ratio = Math.pow(upper.get().doubleValue() / lower.get().doubleValue(), 1.0 / n);
                spacing = new BigDecimal((ratio - 1.0) * 100.0).round(new MathContext(10));
                if (center == null) center = lower.get().multiply(new BigDecimal(Math.pow(ratio, down)), DIGITS);
            }
        } else {
            unit = SpacingUnit.PERCENT;
            spacing = s.heuristic().spacingPercent(volatility(vol, m), s.makerFeeBps());
        }

        BigDecimal baseSpacing = spacing;
        SpacingUnit baseUnit = unit;
        int tilt = 0;
        if (s.adaptive().isPresent()) {
            int knownLevels = down != null && up != null ? Math.min(down, up) : s.heuristic().maxLevelsPerSide();
            AdaptiveGeometry.Adjustment adj = AdaptiveGeometry.adjust(m.series().get(), s.adaptive().get(), spacing, unit, price,
                    Math.max(1, knownLevels / 2));
            spacing = adj.spacing();
            tilt = adj.tiltLevels();
        }
        BigDecimal spacingPercent = unit == SpacingUnit.PERCENT ? spacing : spacing.multiply(HUNDRED).divide(price, DIGITS);

        if (center == null) {
            center = price;
            boolean belowLower = lower.isPresent() && price.compareTo(lower.get()) <= 0;
            boolean aboveUpper = upper.isPresent() && price.compareTo(upper.get()) >= 0;
            if (belowLower || aboveUpper) {
                BigDecimal step = stepInPrice(price, spacing, unit);
                center = bounded ? lower.get().add(upper.get()).divide(BigDecimal.TWO)
                        : belowLower ? lower.get().add(step) : upper.get().subtract(step);
            } else if (tilt != 0) {
                BigDecimal tilted = AdaptiveGeometry.shift(price, spacing, unit, tilt);
                boolean inside = tilted.signum() > 0 && (lower.isEmpty() || tilted.compareTo(lower.get()) > 0)
                        && (upper.isEmpty() || tilted.compareTo(upper.get()) < 0);
                if (inside) center = tilted;
            }
        }

        boolean heuristicLevels = false;
        if (down == null) {
            if (lower.isPresent()) {
                down = levelsTo(center, lower.get(), spacing, unit, mode);
            } else {
                down = s.heuristic().levelsPerSide(volatility(vol, m), spacingPercent);
                heuristicLevels = true;
            }
        }
        if (up == null) {
            if (upper.isPresent()) {
                up = levelsTo(center, upper.get(), spacing, unit, mode);
            } else {
                up = s.heuristic().levelsPerSide(volatility(vol, m), spacingPercent);
                heuristicLevels = true;
            }
        }

        LevelSizing sizing;
        if (s.sizePerLevel().isPresent()) {
            sizing = LevelSizing.perLevel(s.sizePerLevel().get(), s.sizeMode());
        } else {
            BigDecimal budget = s.budget().orElseGet(() -> m.cash().multiply(GridSettings.DEFAULT_CASH_SHARE).setScale(2, RoundingMode.FLOOR));
            sizing = LevelSizing.budget(budget, s.sizeMode());
            if (heuristicLevels && budget.signum() > 0) {
                int fitted = s.heuristic().fitLevels(Math.max(down, up), price, spacingPercent, budget, m.instrument());
                down = Math.min(down, fitted);
                up = Math.min(up, fitted);
            }
        }
        GridShape.Builder b = GridShape.builder().center(center).spacing(spacing, unit).spacingMode(mode).levelsDown(down).levelsUp(up)
                .sizing(sizing).fees(s.makerFeeBps(), s.takerFeeBps());
        lower.ifPresent(b::lower);
        upper.ifPresent(b::upper);
        return new Design(b.build(), baseSpacing, baseUnit);
    }

    private static VolatilityEstimate volatility(VolatilityEstimate[] cache, MarketView m) {
        if (cache[0] == null) cache[0] = VolatilityEstimator.estimate(m.bars());
        return cache[0];
    }

    private static BigDecimal stepInPrice(BigDecimal price, BigDecimal spacing, SpacingUnit unit) {
        return unit == SpacingUnit.ABSOLUTE ? spacing : price.multiply(spacing).divide(HUNDRED);
    }

    /** How many whole spacings fit between the centre and a bound (at least one; the ladder cuts what passes the bound). */
    private static int levelsTo(BigDecimal center, BigDecimal bound, BigDecimal spacing, SpacingUnit unit, SpacingMode mode) {
        double distance = Math.abs(bound.doubleValue() - center.doubleValue());
        double count;
        if (mode == SpacingMode.ARITHMETIC) {
            count = distance / stepInPrice(center, spacing, unit).doubleValue();
        } else {
            double fraction = unit == SpacingUnit.PERCENT ? spacing.doubleValue() / 100.0 : spacing.doubleValue() / center.doubleValue();
            count = Math.abs(Math.log(bound.doubleValue() / center.doubleValue())) / Math.log1p(fraction);
        }
        return (int) Math.max(1, Math.min(io.tradekit.grid.GridSettings.MAX_LEVELS_PER_SIDE, Math.floor(count + 1e-9)));
    }
}
