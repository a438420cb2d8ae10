package io.tradekit.advisor;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The declared range of one numeric parameter a source may change: {@code min} to {@code max} inclusive,
 * whole numbers only when {@code integer}. Every proposed value is checked against it, so that no source (a
 * rule, a language model, the optimizer) can push a parameter outside what its owner declared.
 *
 * <pre>{@code ParameterRange levels = ParameterRange.integers("levels", 2, 50);}</pre>
 */
public record ParameterRange(String key, BigDecimal min, BigDecimal max, boolean integer) {

    public ParameterRange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(max) > 0) {
            throw new InvalidInputException("parameter range '" + key + "': min " + min.toPlainString() + " is above max " + max.toPlainString());
        }
    }

    /** Whole numbers from {@code min} to {@code max}. */
    public static ParameterRange integers(String key, long min, long max) {
        return new ParameterRange(key, BigDecimal.valueOf(min), BigDecimal.valueOf(max), true);
    }

    /** Decimals from {@code min} to {@code max}. */
    public static ParameterRange decimals(String key, BigDecimal min, BigDecimal max) {
        return new ParameterRange(key, min, max, false);
    }

    /**
     * A range written {@code key=min..max} (e.g. {@code fast=5..20} or {@code spacing=0.1..2.5}): whole numbers when
     * neither bound has a decimal point.
     *
     * @throws InvalidInputException naming {@code spec} when it is not of that form
     */
    public static ParameterRange parse(String spec) {
        String s = spec.strip();
        int eq = s.indexOf('=');
        int dots = s.indexOf("..", Math.max(eq, 0));
        if (eq < 1 || dots < eq + 2) {
            throw new InvalidInputException("parameter range " + io.tradekit.api.UntrustedText.quote(spec) + " is not of the form key=min..max");
        }
        String key = s.substring(0, eq).strip();
        String minText = s.substring(eq + 1, dots).strip();
        String maxText = s.substring(dots + 2).strip();
        BigDecimal min = io.tradekit.api.BoundedDecimal.parse(minText, "the min of parameter range '" + key + "'");
        BigDecimal max = io.tradekit.api.BoundedDecimal.parse(maxText, "the max of parameter range '" + key + "'");
        boolean integer = !minText.contains(".") && !maxText.contains(".");
        return new ParameterRange(key, min, max, integer);
    }

    /** Whether {@code value} lies in the range (and is whole when the range is of whole numbers). */
    public boolean contains(BigDecimal value) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) return false;
        return !integer || value.stripTrailingZeros().scale() <= 0;
    }

    /** {@code value} moved to the nearest value inside the range (rounded half up to a whole number first when integer). */
    public BigDecimal clamp(BigDecimal value) {
        BigDecimal v = integer ? value.setScale(0, RoundingMode.HALF_UP) : value;
        if (v.compareTo(min) < 0) return min;
        if (v.compareTo(max) > 0) return max;
        return v;
    }

    /** {@code text} as a value of this range, or empty when it is not a number or lies outside it. */
    public Optional<BigDecimal> value(String text) {
        try {
            BigDecimal v = io.tradekit.api.BoundedDecimal.parse(text, "parameter '" + key + "'");
            return contains(v) ? Optional.of(integer ? v.setScale(0, RoundingMode.UNNECESSARY) : v) : Optional.empty();
        } catch (InvalidInputException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A value of this range as parameter text ({@code 12}, {@code 0.35}). */
    public String format(BigDecimal value) {
        return integer ? value.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : value.stripTrailingZeros().toPlainString();
    }
}
