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
 *
 * @param key     the parameter's name
 * @param min     the smallest value allowed
 * @param max     the largest value allowed, at least {@code min}
 * @param integer whether only whole numbers are allowed
 */
public record ParameterRange(String key, BigDecimal min, BigDecimal max, boolean integer) {

    /**
     * Checks the bounds.
     *
     * @throws NullPointerException if a component is null
     * @throws io.tradekit.api.InvalidInputException if {@code min} is above {@code max}
     */
    public ParameterRange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(max) > 0) {
            throw new InvalidInputException("parameter range '" + key + "': min " + min.toPlainString() + " is above max " + max.toPlainString());
        }
    }

    /**
     * Whole numbers from {@code min} to {@code max}.
     *
     * @param key the parameter's name
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the range
     * @throws io.tradekit.api.InvalidInputException if {@code min} is above {@code max}
     */
    public static ParameterRange integers(String key, long min, long max) {
        return new ParameterRange(key, BigDecimal.valueOf(min), BigDecimal.valueOf(max), true);
    }

    /**
     * Decimals from {@code min} to {@code max}.
     *
     * @param key the parameter's name
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the range
     * @throws io.tradekit.api.InvalidInputException if {@code min} is above {@code max}
     */
    public static ParameterRange decimals(String key, BigDecimal min, BigDecimal max) {
        return new ParameterRange(key, min, max, false);
    }

    /**
     * Whether {@code value} lies in the range (and is whole when the range is of whole numbers).
     *
     * @param value a value
     * @return true if {@code min <= value <= max} (and, for an integer range, it has no fraction)
     */
    public boolean contains(BigDecimal value) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) return false;
        return !integer || value.stripTrailingZeros().scale() <= 0;
    }

    /**
     * {@code value} moved to the nearest value inside the range (rounded half up to a whole number first when integer).
     *
     * @param value a value
     * @return {@code value} (rounded for an integer range), or {@code min} or {@code max} when it lies outside
     */
    public BigDecimal clamp(BigDecimal value) {
        BigDecimal v = integer ? value.setScale(0, RoundingMode.HALF_UP) : value;
        if (v.compareTo(min) < 0) return min;
        if (v.compareTo(max) > 0) return max;
        return v;
    }

    /**
     * {@code text} as a value of this range, or empty when it is not a number or lies outside it.
     *
     * @param text the text of a value, e.g. {@code "12"} or {@code "0.35"}
     * @return the value (scale 0 for an integer range), or empty
     */
    public Optional<BigDecimal> value(String text) {
        try {
            BigDecimal v = io.tradekit.api.BoundedDecimal.parse(text, "parameter '" + key + "'");
            return contains(v) ? Optional.of(integer ? v.setScale(0, RoundingMode.UNNECESSARY) : v) : Optional.empty();
        } catch (InvalidInputException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * A value of this range as parameter text ({@code 12}, {@code 0.35}).
     *
     * @param value a value; for an integer range it must be whole
     * @return the plain text of the value, without trailing zeros
     * @throws ArithmeticException if the range is of whole numbers and {@code value} has a fraction
     */
    public String format(BigDecimal value) {
        return integer ? value.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : value.stripTrailingZeros().toPlainString();
    }
}
