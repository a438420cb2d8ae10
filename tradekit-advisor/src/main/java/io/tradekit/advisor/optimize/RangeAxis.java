package io.tradekit.advisor.optimize;

import io.tradekit.advisor.ParameterRange;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.UntrustedText;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A {@link ParameterRange} as an axis of a search: how it is written on a command line ({@code LOW..HIGH}) and
 * which value a point of the unit interval stands for. A range whose ends are written as whole numbers
 * ({@code 5..20}) holds whole numbers; otherwise ({@code 0.2..1.5}) it is continuous.
 *
 * <p>Every search picks a point of [0, 1] per parameter. For whole numbers the interval is cut into
 * {@link #count} equal parts, one per number in order, and a point takes the number of the part it falls in
 * (1.0 belongs to the last part): each number is as likely under a uniform draw, and a continuous search
 * (CMA-ES) moves between neighbours. A continuous range maps linearly, rounded half-even to two more decimals
 * than its ends are written with. Points outside [0, 1] are clamped, so a value never leaves its range.
 *
 * <pre>{@code RangeAxis.valueAt(RangeAxis.parse("fast", "5..20"), 0.5)   // "13"}</pre>
 */
public final class RangeAxis {

    /** Decimals a continuous range's values get beyond those its ends are written with. */
    private static final int EXTRA_DECIMALS = 2;

    private RangeAxis() {
    }

    /**
     * Whether {@code text} is written as a range ({@code LOW..HIGH}) rather than one value.
     *
     * @param text a parameter's value as written
     * @return true if it contains {@code ..}
     */
    public static boolean isRange(String text) {
        return text.contains("..");
    }

    /**
     * Reads {@code LOW..HIGH}; errors name the parameter and say what is wrong (not two numbers, the low end above the high end).
     *
     * @param name the parameter's name, which becomes the range's key
     * @param text the range as written, e.g. {@code 5..20} or {@code 0.2..1.5}
     * @return a range of whole numbers when both ends are written as whole numbers, a continuous one otherwise
     * @throws io.tradekit.api.InvalidInputException if {@code text} is not two numbers around {@code ..} or its low
     *         end is above its high end
     */
    public static ParameterRange parse(String name, String text) {
        int dots = text.indexOf("..");
        if (dots < 0) throw new InvalidInputException("parameter '" + name + "': " + UntrustedText.quote(text) + " is not a range LOW..HIGH");
        String lowText = text.substring(0, dots).trim();
        String highText = text.substring(dots + 2).trim();
        BigDecimal low = number(name, lowText, "low");
        BigDecimal high = number(name, highText, "high");
        if (low.compareTo(high) > 0) {
            throw new InvalidInputException("parameter '" + name + "': the range's low end " + lowText + " is above its high end " + highText);
        }
        boolean whole = isWhole(lowText) && isWhole(highText);
        return whole ? new ParameterRange(name, low, high, true) : ParameterRange.decimals(name, low, high);
    }

    private static boolean isWhole(String text) {
        return text.chars().noneMatch(c -> c == '.' || c == 'e' || c == 'E');
    }

    private static BigDecimal number(String name, String text, String end) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("parameter '" + name + "': the range's " + end + " end " + UntrustedText.quote(text)
                    + " is not a number (write LOW..HIGH, e.g. 5..20)");
        }
    }

    /**
     * How many whole numbers {@code range} holds; {@link Long#MAX_VALUE} for a continuous range or one too wide to count.
     *
     * @param range a range
     * @return {@code max - min + 1} for a range of whole numbers
     */
    public static long count(ParameterRange range) {
        if (!range.integer()) return Long.MAX_VALUE;
        BigDecimal count = range.max().subtract(range.min()).add(BigDecimal.ONE);
        return count.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : count.longValueExact();
    }

    /**
     * The {@code index}-th whole number of {@code range}, counting from 0 at its minimum.
     *
     * @param range a range of whole numbers
     * @param index from 0 to {@code count(range) - 1}
     * @return the number as parameter text
     * @throws IllegalArgumentException if the range is continuous or {@code index} is outside it
     */
    public static String wholeNumber(ParameterRange range, long index) {
        if (!range.integer() || index < 0 || index >= count(range)) {
            throw new IllegalArgumentException("parameter '" + range.key() + "': no whole number " + index + " in its range");
        }
        return range.format(range.min().add(BigDecimal.valueOf(index)));
    }

    /**
     * The value at {@code unit} of {@code range}, by the rule in the class comment.
     *
     * @param range a range
     * @param unit  a point of [0, 1]; outside values are clamped and NaN counts as 0
     * @return the value as parameter text, always within the range
     */
    public static String valueAt(ParameterRange range, double unit) {
        double u = Double.isNaN(unit) ? 0 : Math.max(0, Math.min(1, unit));
        if (range.integer()) {
            long count = count(range);
            return wholeNumber(range, Math.min((long) Math.floor(u * count), count - 1));
        }
        int scale = Math.max(range.min().scale(), range.max().scale()) + EXTRA_DECIMALS;
        BigDecimal value = range.min().add(range.max().subtract(range.min()).multiply(BigDecimal.valueOf(u)))
                .setScale(scale, RoundingMode.HALF_EVEN);
        return value.min(range.max()).max(range.min()).toPlainString();
    }

    /**
     * {@code range} as written on a command line: {@code fast=5..20}.
     *
     * @param range a range
     * @return {@code key=min..max}
     */
    public static String describe(ParameterRange range) {
        return range.key() + "=" + range.min().toPlainString() + ".." + range.max().toPlainString();
    }
}
