package io.tradekit.core.report;

import io.tradekit.core.report.internal.Decimals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * One named figure of a report: {@code key} is its name in {@code summary.json}, {@code label} what a
 * person reads in the table and the HTML page, and {@code unit} how the value is shown. The value is a
 * BigDecimal, a whole number, a double (statistics), a boolean, text or a {@link Duration} (written to
 * {@code summary.json} in ISO-8601, {@code PT2H30M}).
 *
 * <pre>{@code new ReportMetric("levels", "grid levels", 20, ReportMetric.Unit.COUNT)}</pre>
 *
 * @param key the name in {@code summary.json}, camelCase (a letter, then letters and digits)
 * @param label what a person reads
 * @param value a BigDecimal, Long, Integer, Double, Boolean, String or Duration
 * @param unit how the value is shown
 */
public record ReportMetric(String key, String label, Object value, Unit unit) {

    /** How a value is shown to a person; {@code summary.json} always holds the exact value. */
    public enum Unit {
        /** Text, or a number shown as written. */
        TEXT,
        /** A whole number: rounded half-even to no decimals. */
        COUNT,
        /** An amount of money: two decimals. */
        MONEY,
        /** A price: up to eight decimals, trailing zeros dropped. */
        PRICE,
        /** A quantity: up to eight decimals, trailing zeros dropped. */
        QUANTITY,
        /** The value is already a percentage: 12.5 shows as {@code 12.50 %}. */
        PERCENT,
        /** The value is a fraction: 0.125 shows as {@code 12.50 %}. */
        FRACTION,
        /** A ratio such as Sharpe or profit factor: three decimals. */
        RATIO,
        /** A rate per second: no decimals, shown with {@code /s}. */
        PER_SECOND,
        /** Milliseconds: no decimals, shown with {@code ms}. */
        MILLIS,
        /** The value is a {@link Duration}: shown as {@code 2 d 3 h}, {@code 2 h 30 min}, {@code 45 s}. */
        DURATION
    }

    /**
     * Checks the metric.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the key is not a camelCase name or the value is of another type
     */
    public ReportMetric {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        if (!key.matches("[a-zA-Z][a-zA-Z0-9]*")) {
            throw new IllegalArgumentException("report metric key '" + key + "' must be a camelCase JSON name");
        }
        if (!(value instanceof BigDecimal || value instanceof Long || value instanceof Integer || value instanceof Double
                || value instanceof Boolean || value instanceof String || value instanceof Duration)) {
            throw new IllegalArgumentException("report metric '" + key + "': a " + value.getClass().getSimpleName()
                    + " cannot be reported; use BigDecimal, long, int, double, boolean, String or Duration");
        }
    }

    /**
     * Label and value per line, indented by two spaces, the values aligned in one column.
     *
     * @param metrics the metrics, in display order
     * @return the text, one line per metric, each ending with a newline
     */
    public static String toText(java.util.List<ReportMetric> metrics) {
        int width = 0;
        for (ReportMetric metric : metrics) width = Math.max(width, metric.label().length());
        StringBuilder out = new StringBuilder();
        for (ReportMetric metric : metrics) {
            out.append("  ").append(metric.label()).append(" ".repeat(width - metric.label().length() + 2))
                    .append(metric.display()).append('\n');
        }
        return out.toString();
    }

    /**
     * The value as a person reads it, e.g. {@code 10 234.57}, {@code 12.50 %}, {@code 1 234 567 /s}.
     * A NaN or infinite double shows as {@code n/a}.
     *
     * @return the display text
     */
    public String display() {
        return switch (value) {
            case BigDecimal d -> shown(d);
            case Double d when d.isNaN() || d.isInfinite() -> "n/a";
            case Double d -> shown(BigDecimal.valueOf(d));
            case Long l -> shown(BigDecimal.valueOf(l));
            case Integer i -> shown(BigDecimal.valueOf(i));
            case Duration d -> shown(d);
            default -> value.toString();
        };
    }

    private String shown(BigDecimal d) {
        return switch (unit) {
            case TEXT -> d.toPlainString();
            case COUNT -> d.setScale(0, RoundingMode.HALF_EVEN).toPlainString();
            case MONEY -> d.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
            case PRICE, QUANTITY -> Decimals.trimmed(d, 8);
            case PERCENT -> d.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
            case FRACTION -> d.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
            case RATIO -> d.setScale(3, RoundingMode.HALF_EVEN).toPlainString();
            case PER_SECOND -> d.setScale(0, RoundingMode.HALF_EVEN).toPlainString() + " /s";
            case MILLIS -> d.setScale(0, RoundingMode.HALF_EVEN).toPlainString() + " ms";
            case DURATION -> d.toPlainString() + " s";
        };
    }

    /** The two largest units that are not zero, rounded down: {@code 3 d 4 h}, {@code 5 min 12 s}. */
    private static String shown(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) return seconds + " s";
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] names = {"d", "h", "min", "s"};
        StringBuilder out = new StringBuilder();
        int parts = 0;
        for (int i = 0; i < sizes.length && parts < 2; i++) {
            long n = seconds / sizes[i];
            seconds %= sizes[i];
            if (n == 0 && parts == 0) continue;
            if (n > 0) out.append(out.isEmpty() ? "" : " ").append(n).append(' ').append(names[i]);
            parts++;
        }
        return out.toString();
    }
}
