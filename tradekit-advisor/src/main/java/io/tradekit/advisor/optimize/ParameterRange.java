package io.tradekit.advisor.optimize;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.UntrustedText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The values one strategy parameter may take in a search: {@code low..high}, both ends included. A range
 * whose ends are written as whole numbers ({@code 5..20}) holds whole numbers; otherwise ({@code 0.2..1.5})
 * it is continuous.
 *
 * <p>Every search picks a point of the unit interval per parameter, and {@link #valueAt} turns it into a
 * value. For whole numbers the unit interval is cut into {@link #count()} equal parts, one per number in
 * order, and a point takes the number of the part it falls in (1.0 belongs to the last part): each number
 * is as likely under a uniform draw, and a continuous search (CMA-ES) moves between neighbours. A
 * continuous range maps linearly, rounded half-even to two more decimals than its ends are written with.
 *
 * <pre>{@code ParameterRange.parse("fast", "5..20").valueAt(0.5)   // "13"}</pre>
 */
public record ParameterRange(String name, BigDecimal low, BigDecimal high, boolean wholeNumbers) {

    /** Decimals a continuous range's values get beyond those its ends are written with. */
    private static final int EXTRA_DECIMALS = 2;

    public ParameterRange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (low.compareTo(high) > 0) {
            throw new InvalidInputException("parameter '" + name + "': the range's low end " + low.toPlainString()
                    + " is above its high end " + high.toPlainString());
        }
        if (wholeNumbers && (low.stripTrailingZeros().scale() > 0 || high.stripTrailingZeros().scale() > 0)) {
            throw new InvalidInputException("parameter '" + name + "': a range of whole numbers cannot end at " + low + " or " + high);
        }
    }

    /** Whether {@code text} is written as a range ({@code LOW..HIGH}) rather than one value. */
    public static boolean isRange(String text) {
        return text.contains("..");
    }

    /**
     * Reads {@code LOW..HIGH}. Errors name the parameter and say what is wrong: not two numbers, or the low
     * end above the high end.
     */
    public static ParameterRange parse(String name, String text) {
        int dots = text.indexOf("..");
        if (dots < 0) throw new InvalidInputException("parameter '" + name + "': " + UntrustedText.quote(text) + " is not a range LOW..HIGH");
        String lowText = text.substring(0, dots).trim();
        String highText = text.substring(dots + 2).trim();
        BigDecimal low = number(name, lowText, "low");
        BigDecimal high = number(name, highText, "high");
        boolean whole = !lowText.contains(".") && !highText.contains(".") && !lowText.contains("e") && !highText.contains("e")
                && !lowText.contains("E") && !highText.contains("E");
        return new ParameterRange(name, low, high, whole);
    }

    private static BigDecimal number(String name, String text, String end) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("parameter '" + name + "': the range's " + end + " end " + UntrustedText.quote(text)
                    + " is not a number (write LOW..HIGH, e.g. 5..20)");
        }
    }

    /** How many whole numbers the range holds; 0 for a continuous range (it holds more than any search tries). */
    public long count() {
        return wholeNumbers ? high.subtract(low).longValueExact() + 1 : 0;
    }

    /** The {@code index}-th whole number of the range, counting from 0 at {@link #low}. */
    public String wholeNumber(long index) {
        if (!wholeNumbers || index < 0 || index >= count()) {
            throw new IllegalArgumentException("parameter '" + name + "': no whole number " + index + " in " + this);
        }
        return low.add(BigDecimal.valueOf(index)).toBigIntegerExact().toString();
    }

    /** The value at {@code unit} (clamped to [0, 1]) of the range, by the rule in the class comment. */
    public String valueAt(double unit) {
        double u = Double.isNaN(unit) ? 0 : Math.max(0, Math.min(1, unit));
        if (wholeNumbers) return wholeNumber(Math.min((long) Math.floor(u * count()), count() - 1));
        BigDecimal span = high.subtract(low);
        int scale = Math.max(low.scale(), high.scale()) + EXTRA_DECIMALS;
        BigDecimal value = low.add(span.multiply(BigDecimal.valueOf(u))).setScale(scale, RoundingMode.HALF_EVEN);
        return value.min(high).max(low).toPlainString();
    }

    /** Whether {@code value} is a value of the range (within its ends; a whole number if the range holds whole numbers). */
    public boolean contains(String value) {
        BigDecimal v = new BigDecimal(value);
        boolean within = v.compareTo(low) >= 0 && v.compareTo(high) <= 0;
        return within && (!wholeNumbers || v.stripTrailingZeros().scale() <= 0);
    }

    @Override
    public String toString() {
        return name + "=" + low.toPlainString() + ".." + high.toPlainString();
    }
}
