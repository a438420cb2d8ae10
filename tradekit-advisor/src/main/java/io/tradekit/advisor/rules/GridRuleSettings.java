package io.tradekit.advisor.rules;

import io.tradekit.advisor.ParameterRange;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds and ranges of {@link GridRuleSource}.
 *
 * @param minRoundTrips      round trips needed before the rules judge a grid (fewer: no proposal)
 * @param maxDrawdownPct     a drawdown above this (percent) makes the grid wider and shallower
 * @param lowWinRate         a win rate below this (0 to 1) makes the spacing wider
 * @param highWinRate        a win rate above this, with a drawdown under half the limit, makes the grid tighter and deeper
 * @param spacingStep        the factor a wider spacing is multiplied by (a tighter one is divided by it), above 1
 * @param levelsStep         levels added or taken per side
 * @param blendStep          how much the ATR blend moves (only for an adaptive grid)
 * @param levels             the declared range of {@code levels}
 * @param spacingPercent     the declared range of {@code spacing} in percent (a grid spaced in absolute prices keeps its spacing)
 * @param atrBlend           the declared range of {@code atr-blend}
 * @param ttl                how long a proposal waits for a decision
 */
public record GridRuleSettings(long minRoundTrips, BigDecimal maxDrawdownPct, double lowWinRate, double highWinRate,
                               BigDecimal spacingStep, int levelsStep, BigDecimal blendStep, ParameterRange levels,
                               ParameterRange spacingPercent, ParameterRange atrBlend, Duration ttl) {

    /**
     * Checks the settings.
     *
     * @throws NullPointerException if a reference component is null
     * @throws io.tradekit.api.InvalidInputException naming the setting when {@code minRoundTrips} or {@code levelsStep}
     *         is below 1, the win rates do not satisfy 0 &lt;= low &lt; high &lt;= 1, {@code spacingStep} is not above 1, or
     *         {@code blendStep} or {@code ttl} is not positive
     */
    public GridRuleSettings {
        Objects.requireNonNull(maxDrawdownPct, "maxDrawdownPct");
        Objects.requireNonNull(spacingStep, "spacingStep");
        Objects.requireNonNull(blendStep, "blendStep");
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(spacingPercent, "spacingPercent");
        Objects.requireNonNull(atrBlend, "atrBlend");
        Objects.requireNonNull(ttl, "ttl");
        if (minRoundTrips < 1) throw new InvalidInputException("grid-rules: 'min-round-trips' is " + minRoundTrips + ", expected 1 or more");
        if (!(lowWinRate >= 0 && lowWinRate < highWinRate && highWinRate <= 1)) {
            throw new InvalidInputException("grid-rules: 'low-win-rate' " + lowWinRate + " and 'high-win-rate' " + highWinRate
                    + " must satisfy 0 <= low < high <= 1");
        }
        if (spacingStep.compareTo(BigDecimal.ONE) <= 0) {
            throw new InvalidInputException("grid-rules: 'spacing-step' is " + spacingStep.toPlainString() + ", expected more than 1");
        }
        if (levelsStep < 1) throw new InvalidInputException("grid-rules: 'levels-step' is " + levelsStep + ", expected 1 or more");
        if (blendStep.signum() <= 0) throw new InvalidInputException("grid-rules: 'blend-step' must be positive");
        if (ttl.isNegative() || ttl.isZero()) throw new InvalidInputException("grid-rules: 'ttl' must be positive, got " + ttl);
    }

    /**
     * 10 round trips; drawdown limit 10 %; win rate below 0.5 or above 0.8; spacing ×1.25, 1 level, blend 0.1 a step;
     * levels 2 to 50, spacing 0.1 to 10 %, blend 0 to 1; proposals wait 4 hours.
     *
     * @return the standard settings
     */
    public static GridRuleSettings standard() {
        return new GridRuleSettings(10, BigDecimal.TEN, 0.5, 0.8, new BigDecimal("1.25"), 1, new BigDecimal("0.1"),
                ParameterRange.integers("levels", 2, 50), ParameterRange.decimals("spacing", new BigDecimal("0.1"), BigDecimal.TEN),
                ParameterRange.decimals("atr-blend", BigDecimal.ZERO, BigDecimal.ONE), Duration.ofHours(4));
    }

    /**
     * The settings {@code p} names, the rest standard: {@code min-round-trips}, {@code max-drawdown-pct},
     * {@code low-win-rate}, {@code high-win-rate}, {@code spacing-step}, {@code levels-step}, {@code blend-step},
     * {@code levels-min}, {@code levels-max}, {@code spacing-min}, {@code spacing-max}, {@code ttl-minutes}.
     *
     * @param p the source's settings as text
     * @return the settings
     * @throws io.tradekit.api.InvalidInputException naming the setting when one is unknown, not a number, or out of range
     */
    public static GridRuleSettings from(Params p) {
        p.requireOnly(java.util.Set.of("min-round-trips", "max-drawdown-pct", "low-win-rate", "high-win-rate", "spacing-step",
                "levels-step", "blend-step", "levels-min", "levels-max", "spacing-min", "spacing-max", "ttl-minutes"));
        GridRuleSettings s = standard();
        return new GridRuleSettings(p.longValue("min-round-trips", s.minRoundTrips()), p.decimal("max-drawdown-pct", s.maxDrawdownPct()),
                p.decimal("low-win-rate", BigDecimal.valueOf(s.lowWinRate())).doubleValue(),
                p.decimal("high-win-rate", BigDecimal.valueOf(s.highWinRate())).doubleValue(),
                p.decimal("spacing-step", s.spacingStep()), p.integer("levels-step", s.levelsStep()), p.decimal("blend-step", s.blendStep()),
                ParameterRange.integers("levels", p.integer("levels-min", s.levels().min().intValue()), p.integer("levels-max", s.levels().max().intValue())),
                ParameterRange.decimals("spacing", p.decimal("spacing-min", s.spacingPercent().min()), p.decimal("spacing-max", s.spacingPercent().max())),
                s.atrBlend(), Duration.ofMinutes(p.longValue("ttl-minutes", s.ttl().toMinutes())));
    }
}
