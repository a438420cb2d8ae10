package io.tradekit.core.perp;

import io.tradekit.api.InvalidInputException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The funding rates a paper venue settles perpetual positions with: one constant rate, or a series of
 * {@code (time, rate)} points where the rate of a settlement is the latest point at or before it (zero
 * before the first). A rate is a fraction per interval: 0.0001 is 0.01 %, paid by longs to shorts.
 *
 * <pre>{@code FundingRates.constant(new BigDecimal("0.0001"));
 * FundingRates.read(Path.of("data/eth-usd-5m.funding.csv")); // lines "time,rate"}</pre>
 */
public final class FundingRates {

    /** No funding at all: every settlement is at rate zero. */
    public static final FundingRates NONE = constant(BigDecimal.ZERO);

    private final NavigableMap<Instant, BigDecimal> series;
    private final BigDecimal constant;

    private FundingRates(NavigableMap<Instant, BigDecimal> series, BigDecimal constant) {
        this.series = series;
        this.constant = constant;
    }

    /**
     * One rate for every settlement.
     *
     * @param rate a fraction per interval, strictly between -1 and 1: 0.0001 is 0.01 %
     * @return the rates
     * @throws NullPointerException if {@code rate} is null
     * @throws InvalidInputException if {@code rate} is not strictly between -1 and 1
     */
    public static FundingRates constant(BigDecimal rate) {
        Objects.requireNonNull(rate, "rate");
        if (rate.abs().compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidInputException("funding rate " + rate.toPlainString() + " is a fraction per interval and must be"
                    + " between -1 and 1 (write 0.0001 for 0.01 %)");
        }
        return new FundingRates(null, rate);
    }

    /**
     * A series of rates; each holds from its time until the next one.
     *
     * @param points the rates by the time they start to hold, as fractions per interval; at least one
     * @return the rates, with a sorted copy of the points
     * @throws InvalidInputException if there is no point
     */
    public static FundingRates series(Map<Instant, BigDecimal> points) {
        if (points.isEmpty()) throw new InvalidInputException("a funding rate series needs at least one point");
        return new FundingRates(new TreeMap<>(points), null);
    }

    /**
     * Reads a CSV of {@code time,rate} lines (an optional header; time as ISO-8601 or epoch milliseconds).
     *
     * @throws InvalidInputException naming the file and line of the first bad line
     * @param file the CSV file
     * @return the rates
     */
    public static FundingRates read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("funding rates: cannot read " + file + ": " + e.getMessage(), e);
        }
        TreeMap<Instant, BigDecimal> points = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("time"))) continue;
            String where = file + ":" + (i + 1);
            String[] cells = line.split(",");
            if (cells.length != 2) throw new InvalidInputException(where + ": expected 'time,rate', got '" + line + "'");
            Instant time = parseTime(cells[0].strip(), where);
            BigDecimal rate;
            try {
                rate = new BigDecimal(cells[1].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(where + ": rate '" + cells[1].strip() + "' is not a number");
            }
            if (rate.abs().compareTo(BigDecimal.ONE) >= 0) {
                throw new InvalidInputException(where + ": rate " + rate.toPlainString() + " must be between -1 and 1 (a fraction per interval)");
            }
            if (points.put(time, rate) != null) throw new InvalidInputException(where + ": a second rate for " + time);
        }
        if (points.isEmpty()) throw new InvalidInputException(file + ": no funding rates (expected lines 'time,rate')");
        return new FundingRates(points, null);
    }

    private static Instant parseTime(String text, String where) {
        try {
            if (text.chars().allMatch(Character::isDigit)) return Instant.ofEpochMilli(Long.parseLong(text));
            return Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidInputException(where + ": time '" + text + "' is neither ISO-8601 (2024-01-01T08:00:00Z) nor epoch milliseconds");
        }
    }

    /**
     * The rate of the settlement at {@code time}.
     *
     * @param time the settlement time
     * @return the rate as a fraction per interval; zero before a series' first point
     */
    public BigDecimal rateAt(Instant time) {
        if (series == null) return constant;
        Map.Entry<Instant, BigDecimal> at = series.floorEntry(time);
        return at == null ? BigDecimal.ZERO : at.getValue();
    }

    /**
     * The rates as text for reports: the constant, or how many points from when to when.
     *
     * @return a short description for a report
     */
    public String describe() {
        if (series == null) return constant.stripTrailingZeros().toPlainString();
        return series.size() + " rates " + series.firstKey() + " .. " + series.lastKey();
    }
}
