package io.tradekit.api;

import java.math.BigDecimal;

/**
 * The one check every number read from a file, a flag or a configuration passes before any arithmetic: a
 * decimal of at most {@value #MAX_INTEGER_DIGITS} digits before the point and {@value #MAX_FRACTION_DIGITS}
 * after it. {@code new BigDecimal("1E+999999999")} parses instantly, but printing or adding it takes minutes and
 * gigabytes; no price, quantity or amount is anywhere near these bounds.
 *
 * <pre>{@code BigDecimal cash = BoundedDecimal.parse(text, "--cash");}</pre>
 */
public final class BoundedDecimal {

    /** The most digits before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** The most significant digits after the decimal point. */
    public static final int MAX_FRACTION_DIGITS = 18;
    private static final int MAX_TEXT = 64;

    private BoundedDecimal() {
    }

    /**
     * Parses {@code text} as a bounded decimal.
     *
     * @param text  the number as written
     * @param field what the number is, named in the error (e.g. {@code --cash}, {@code paper.cash}, {@code column open})
     * @return the value
     * @throws InvalidInputException naming the field and quoting (a safe cut of) the text
     */
    public static BigDecimal parse(String text, String field) {
        if (text == null || text.isBlank()) throw new InvalidInputException(field + " is empty, expected a decimal number");
        String trimmed = text.trim();
        if (trimmed.length() > MAX_TEXT) {
            throw new InvalidInputException(field + " is " + UntrustedText.quote(trimmed) + ", " + trimmed.length()
                    + " characters long: not a number of at most " + MAX_INTEGER_DIGITS + " digits and " + MAX_FRACTION_DIGITS + " decimals");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field + " is " + UntrustedText.quote(trimmed) + ", not a decimal number");
        }
        return check(value, field, trimmed);
    }

    /**
     * Checks a number already parsed elsewhere (a JSON number, say), with the same bounds and words as {@link #parse}.
     *
     * @param value the number
     * @param field what the number is, named in the error
     * @return the value
     * @throws InvalidInputException naming the field when it is out of bounds
     */
    public static BigDecimal check(BigDecimal value, String field) {
        return check(value, field, null);
    }

    private static BigDecimal check(BigDecimal value, String field, String text) {
        // precision - scale is the count of digits before the point (for |value| >= 1); both are ints, so no overflow in long.
        long integerDigits = (long) value.precision() - value.scale();
        String shown = text != null ? UntrustedText.quote(text) : "a number with " + Math.max(integerDigits, 0) + " digits before the point";
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new InvalidInputException(field + " is " + shown + ", out of range: at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        if (value.signum() != 0 && value.scale() > MAX_FRACTION_DIGITS) {
            // Only digits that carry value count: 1.50000000000000000000 is fine, 1E-30 is not.
            int significantScale = value.scale() - trailingZeros(value);
            if (significantScale > MAX_FRACTION_DIGITS) {
                throw new InvalidInputException(field + " is " + (text != null ? shown : "a number with " + significantScale + " decimals")
                        + ", out of range: at most " + MAX_FRACTION_DIGITS + " digits after the decimal point");
            }
        }
        return value;
    }

    private static int trailingZeros(BigDecimal value) {
        // Scales this large would make stripTrailingZeros slow; anything beyond a sane scale is refused anyway.
        if (value.scale() > 10_000) return 0;
        return value.scale() - value.stripTrailingZeros().scale();
    }
}
