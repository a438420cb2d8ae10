package io.tradekit.risk.internal;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one policy's limit values from {@link RiskLimits} and checks their range, so that a bad value
 * fails when the bot is built, with a message that names the rule and the value.
 */
public final class LimitValues {

    private final RiskLimits limits;

    public LimitValues(RiskLimits limits) {
        this.limits = limits;
    }

    public Optional<BigDecimal> positive(String rule) {
        Optional<BigDecimal> v = limits.decimal(rule);
        v.ifPresent(d -> {
            if (d.signum() <= 0) throw invalid(rule, "must be positive");
        });
        return v;
    }

    /** A fraction in (0, 1), e.g. 0.05 for 5 %. */
    public Optional<BigDecimal> fraction(String rule) {
        Optional<BigDecimal> v = limits.decimal(rule);
        v.ifPresent(d -> {
            if (d.signum() <= 0 || d.compareTo(BigDecimal.ONE) >= 0) {
                throw invalid(rule, "is a fraction and must be in (0, 1)" + (d.compareTo(BigDecimal.ONE) >= 0 ? " (write 0.05 for 5 %)" : ""));
            }
        });
        return v;
    }

    public Optional<Integer> count(String rule) {
        return positive(rule).map(d -> {
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                throw invalid(rule, "must be a whole number");
            }
        });
    }

    public Optional<Duration> duration(String rule) {
        Optional<Duration> v = limits.duration(rule);
        v.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) throw invalid(rule, "must be a positive duration");
        });
        return v;
    }

    public Optional<Integer> hourOfDay(String rule) {
        return limits.decimal(rule).map(d -> {
            try {
                int h = d.intValueExact();
                if (h < 0 || h > 23) throw invalid(rule, "must be an hour 0..23");
                return h;
            } catch (ArithmeticException e) {
                throw invalid(rule, "must be an hour 0..23");
            }
        });
    }

    /** One constant of {@code type}, written in any case; the error lists the allowed values. */
    public <E extends Enum<E>> Optional<E> choice(String rule, Class<E> type) {
        if (!limits.has(rule)) return Optional.empty();
        String raw = limits.values().get(rule);
        try {
            return Optional.of(Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            throw invalid(rule, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public String raw(String rule) {
        return limits.values().get(rule);
    }

    /** Fails when {@code dependent} is set without any of the limits it modifies. */
    public void requireOneOf(String dependent, String... rules) {
        if (!limits.has(dependent)) return;
        for (String r : rules) {
            if (limits.has(r)) return;
        }
        throw new InvalidInputException("risk limit '" + dependent + "' is set but " + String.join(" / ", rules)
                + " is not: it has nothing to modify");
    }

    /** Fails when {@code rule} is set without {@code companion}, which it cannot work without. */
    public void requireWith(String rule, String companion) {
        if (limits.has(rule) && !limits.has(companion)) {
            throw new InvalidInputException("risk limit '" + rule + "' needs '" + companion + "' as well");
        }
    }

    private InvalidInputException invalid(String rule, String why) {
        return new InvalidInputException("risk limit '" + rule + "' is '" + limits.values().get(rule) + "': it " + why);
    }
}
