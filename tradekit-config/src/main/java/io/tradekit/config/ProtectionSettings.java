package io.tradekit.config;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;
import io.tradekit.core.protection.Protections;
import io.tradekit.core.protection.StopDistance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The protections a bot's {@code risk} settings may carry beside its limits: {@code stop-loss} (a
 * fraction of the entry), {@code take-profit-rr} (a multiple of the stop distance) and
 * {@code trailing-stop} (a fraction behind the best price). The command line's {@code --stop-loss},
 * {@code --take-profit-rr} and {@code --trailing-stop} and a configuration's {@code risk} object both
 * come here, so they mean the same. They are core's {@link Protections}, not limits a policy enforces.
 */
public final class ProtectionSettings {

    /** The stop-loss distance below (long) or above (short) the entry, a fraction of the entry price in (0, 1). */
    public static final String STOP_LOSS = "stop-loss";
    /** The take-profit distance as a multiple of the stop-loss distance, positive; needs {@link #STOP_LOSS}. */
    public static final String TAKE_PROFIT_RR = "take-profit-rr";
    /** The trailing stop's distance behind the best price since entry, a fraction in (0, 1). */
    public static final String TRAILING_STOP = "trailing-stop";

    private ProtectionSettings() {
    }

    /**
     * The protections named in {@code risk}; an error names the field as {@code risk.NAME}.
     *
     * @param risk a configuration's {@code risk} values, limits and protections together
     * @return the protections; {@link Protections#none()} when it names none
     * @throws io.tradekit.api.InvalidInputException when a protection's value is not a number or out of range, or
     *                                               a take-profit is given without a stop-loss
     */
    public static Protections from(RiskLimits risk) {
        return of(fraction(risk, STOP_LOSS, "risk."), ratio(risk), fraction(risk, TRAILING_STOP, "risk."), "risk.");
    }

    /**
     * {@code risk} without the protections: the limits that risk policies enforce.
     *
     * @param risk a configuration's {@code risk} values
     * @return the same values without {@link #STOP_LOSS}, {@link #TAKE_PROFIT_RR} and {@link #TRAILING_STOP}
     */
    public static RiskLimits limitsOnly(RiskLimits risk) {
        Map<String, String> limits = new LinkedHashMap<>(risk.values());
        limits.keySet().removeAll(java.util.List.of(STOP_LOSS, TAKE_PROFIT_RR, TRAILING_STOP));
        return new RiskLimits(limits);
    }

    /**
     * The protections of the three settings; {@code prefix} is how the caller names them in an error
     * ({@code --} for flags, {@code risk.} for a configuration).
     *
     * @param stop     the stop-loss fraction, if any
     * @param rr       the take-profit multiple of the stop distance, if any
     * @param trailing the trailing-stop fraction, if any
     * @param prefix   how the caller names the settings in an error
     * @return the protections; {@link Protections#none()} when all three are empty
     * @throws io.tradekit.api.InvalidInputException when a fraction is not in (0, 1), the multiple is not positive,
     *                                               or a take-profit is given without a stop-loss
     */
    public static Protections of(Optional<BigDecimal> stop, Optional<BigDecimal> rr, Optional<BigDecimal> trailing, String prefix) {
        Protections p = Protections.none();
        stop.ifPresent(f -> requireFraction(prefix + STOP_LOSS, f));
        trailing.ifPresent(f -> requireFraction(prefix + TRAILING_STOP, f));
        if (stop.isPresent()) p = p.withStopLoss(StopDistance.percent(stop.get()));
        if (rr.isPresent()) {
            if (rr.get().signum() <= 0) {
                throw new InvalidInputException(prefix + TAKE_PROFIT_RR + " is " + rr.get().toPlainString() + ", expected a positive ratio");
            }
            if (stop.isEmpty()) {
                throw new InvalidInputException(prefix + TAKE_PROFIT_RR + " needs " + prefix + STOP_LOSS + ": the take-profit is a multiple of the stop distance");
            }
            p = p.takeProfitRR(rr.get());
        }
        if (trailing.isPresent()) p = p.trailing(StopDistance.percent(trailing.get()));
        return p;
    }

    private static void requireFraction(String name, BigDecimal f) {
        if (f.signum() <= 0 || f.compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidInputException(name + " is " + f.toPlainString() + ", expected a fraction between 0 and 1 (0.02 = 2 %)");
        }
    }

    private static Optional<BigDecimal> fraction(RiskLimits risk, String rule, String prefix) {
        try {
            return risk.decimal(rule);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(prefix + rule + " is '" + risk.values().get(rule) + "', expected a decimal number", e);
        }
    }

    private static Optional<BigDecimal> ratio(RiskLimits risk) {
        return fraction(risk, TAKE_PROFIT_RR, "risk.");
    }
}
