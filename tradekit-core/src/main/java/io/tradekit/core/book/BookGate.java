package io.tradekit.core.book;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderBook;
import io.tradekit.api.Side;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Conditions an L2 order book must meet before a strategy trades on it: a tight enough spread, enough resting
 * value on each side near the mid, an imbalance within bounds and a book fresh enough. Each condition is
 * optional; {@link #none()} has none and passes any book. Depth and imbalance are measured within
 * {@code bandBps} basis points of the mid (see {@link OrderBook#depthWithinBps} and {@link OrderBook#imbalance}).
 *
 * <pre>{@code
 * BookGate gate = BookGate.none().maxSpreadBps(new BigDecimal("5")).minDepth(new BigDecimal("50000"))
 *         .imbalanceWithin(new BigDecimal("-0.6"), new BigDecimal("0.6")).maxAge(Duration.ofSeconds(5));
 * BookVerdict verdict = gate.check(ctx.orderBook(), ctx.now());
 * if (!verdict.passed()) return; // verdict.reason() says which condition failed and by how much
 * }</pre>
 *
 * @param maxSpreadBps the widest spread accepted, in basis points of the mid
 * @param minDepth     the least quote value resting within the band on each side
 * @param minImbalance the lowest imbalance accepted (−1 only asks … +1 only bids)
 * @param maxImbalance the highest imbalance accepted
 * @param bandBps      the band around the mid, in basis points, that depth and imbalance are measured in
 * @param maxAge       the oldest book accepted, by the time of its last change
 */
public record BookGate(Optional<BigDecimal> maxSpreadBps, Optional<BigDecimal> minDepth, Optional<BigDecimal> minImbalance,
                       Optional<BigDecimal> maxImbalance, BigDecimal bandBps, Optional<Duration> maxAge) {

    /** The band of {@link #none()}: 10 bps (0.1 %) either side of the mid. */
    public static final BigDecimal DEFAULT_BAND_BPS = BigDecimal.TEN;

    private static final BigDecimal ONE_NEGATIVE = BigDecimal.ONE.negate();

    /**
     * Checks the thresholds.
     *
     * @throws NullPointerException if a component is null (use {@link Optional#empty()} for "no condition")
     * @throws InvalidInputException if a spread, depth or band is negative, an imbalance bound lies outside [-1, 1],
     *         {@code minImbalance} is above {@code maxImbalance}, or {@code maxAge} is negative
     */
    public BookGate {
        Objects.requireNonNull(maxSpreadBps, "maxSpreadBps");
        Objects.requireNonNull(minDepth, "minDepth");
        Objects.requireNonNull(minImbalance, "minImbalance");
        Objects.requireNonNull(maxImbalance, "maxImbalance");
        Objects.requireNonNull(bandBps, "bandBps");
        Objects.requireNonNull(maxAge, "maxAge");
        maxSpreadBps.ifPresent(v -> requireNotNegative("maxSpreadBps", v));
        minDepth.ifPresent(v -> requireNotNegative("minDepth", v));
        requireNotNegative("bandBps", bandBps);
        minImbalance.ifPresent(v -> requireImbalance("minImbalance", v));
        maxImbalance.ifPresent(v -> requireImbalance("maxImbalance", v));
        if (minImbalance.isPresent() && maxImbalance.isPresent() && minImbalance.get().compareTo(maxImbalance.get()) > 0) {
            throw new InvalidInputException("book gate: minImbalance " + minImbalance.get().toPlainString() + " is above maxImbalance "
                    + maxImbalance.get().toPlainString());
        }
        maxAge.ifPresent(age -> {
            if (age.isNegative()) throw new InvalidInputException("book gate: maxAge must not be negative, got " + age);
        });
    }

    /**
     * No condition: every book passes, even none at all.
     *
     * @return a gate without conditions, measuring in the {@link #DEFAULT_BAND_BPS} band
     */
    public static BookGate none() {
        return new BookGate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_BAND_BPS, Optional.empty());
    }

    /**
     * This gate, also refusing a spread wider than {@code bps} basis points of the mid.
     *
     * @param bps the widest spread accepted, in basis points of the mid (5 is 0.05 %); not negative
     * @return a new gate
     * @throws InvalidInputException if {@code bps} is negative
     */
    public BookGate maxSpreadBps(BigDecimal bps) {
        return new BookGate(Optional.of(bps), minDepth, minImbalance, maxImbalance, bandBps, maxAge);
    }

    /**
     * This gate, also refusing a book with less than {@code quoteValue} resting within the band on either side.
     *
     * @param quoteValue the least value, in the quote currency, resting within the band on each side; not negative
     * @return a new gate
     * @throws InvalidInputException if {@code quoteValue} is negative
     */
    public BookGate minDepth(BigDecimal quoteValue) {
        return new BookGate(maxSpreadBps, Optional.of(quoteValue), minImbalance, maxImbalance, bandBps, maxAge);
    }

    /**
     * This gate, also refusing an imbalance below {@code min} or above {@code max}.
     *
     * @param min the lowest imbalance accepted, within [-1, 1]
     * @param max the highest imbalance accepted, within [-1, 1] and not below {@code min}
     * @return a new gate
     * @throws InvalidInputException if a bound is outside [-1, 1] or {@code min} is above {@code max}
     */
    public BookGate imbalanceWithin(BigDecimal min, BigDecimal max) {
        return new BookGate(maxSpreadBps, minDepth, Optional.of(min), Optional.of(max), bandBps, maxAge);
    }

    /**
     * This gate with depth and imbalance measured within {@code bps} basis points of the mid.
     *
     * @param bps the half-width of the band around the mid, in basis points; not negative
     * @return a new gate
     * @throws InvalidInputException if {@code bps} is negative
     */
    public BookGate band(BigDecimal bps) {
        return new BookGate(maxSpreadBps, minDepth, minImbalance, maxImbalance, bps, maxAge);
    }

    /**
     * This gate, also refusing a book whose last change is older than {@code age}.
     *
     * @param age the oldest book accepted, measured from the book's {@link OrderBook#time()} to the check's time; not negative
     * @return a new gate
     * @throws InvalidInputException if {@code age} is negative
     */
    public BookGate maxAge(Duration age) {
        return new BookGate(maxSpreadBps, minDepth, minImbalance, maxImbalance, bandBps, Optional.of(age));
    }

    /**
     * Whether any condition is set: a gate with none needs no book.
     *
     * @return true if any condition is set
     */
    public boolean hasConditions() {
        return maxSpreadBps.isPresent() || minDepth.isPresent() || minImbalance.isPresent() || maxImbalance.isPresent() || maxAge.isPresent();
    }

    /**
     * Checks the book a strategy has, if any: a gate with conditions refuses when there is no book.
     *
     * @param book the strategy's book, or empty when it has none
     * @param now the time to measure the book's age against (market time)
     * @return the verdict; a missing book passes only a gate without conditions
     */
    public BookVerdict check(Optional<OrderBook> book, Instant now) {
        if (book.isEmpty()) {
            return new BookVerdict(hasConditions() ? List.of("no order book") : List.of());
        }
        return check(book.get(), now);
    }

    /**
     * Checks {@code book} at {@code now}: every condition it misses is one line of the verdict.
     * A book missing bids or asks fails any spread, depth or imbalance condition.
     *
     * @param book the book; never null
     * @param now the time to measure the book's age against (market time)
     * @return the verdict
     * @throws NullPointerException if {@code book} is null
     */
    public BookVerdict check(OrderBook book, Instant now) {
        Objects.requireNonNull(book, "book");
        List<String> failures = new ArrayList<>();
        maxAge.ifPresent(limit -> {
            Duration age = Duration.between(book.time(), now);
            if (age.compareTo(limit) > 0) {
                failures.add("book age " + age.toMillis() + " ms > max " + limit.toMillis() + " ms");
            }
        });
        boolean needsBothSides = maxSpreadBps.isPresent() || minDepth.isPresent() || minImbalance.isPresent() || maxImbalance.isPresent();
        if (!needsBothSides) {
            return new BookVerdict(failures);
        }
        if (!book.isTwoSided()) {
            failures.add("book is one-sided (" + book.bids().size() + " bids, " + book.asks().size() + " asks)");
            return new BookVerdict(failures);
        }
        maxSpreadBps.ifPresent(limit -> {
            BigDecimal spread = book.spreadBps();
            if (spread.compareTo(limit) > 0) {
                failures.add("spread " + spread.toPlainString() + " bps > max " + limit.toPlainString() + " bps");
            }
        });
        minDepth.ifPresent(limit -> {
            for (Side side : Side.values()) {
                BigDecimal depth = book.depthWithinBps(side, bandBps);
                if (depth.compareTo(limit) < 0) {
                    failures.add((side == Side.BUY ? "bid" : "ask") + " depth within " + bandBps.toPlainString() + " bps "
                            + depth.toPlainString() + " < min " + limit.toPlainString());
                }
            }
        });
        if (minImbalance.isPresent() || maxImbalance.isPresent()) {
            BigDecimal imbalance = book.imbalance(bandBps);
            minImbalance.filter(min -> imbalance.compareTo(min) < 0).ifPresent(min -> failures.add("imbalance within "
                    + bandBps.toPlainString() + " bps " + imbalance.toPlainString() + " < min " + min.toPlainString()));
            maxImbalance.filter(max -> imbalance.compareTo(max) > 0).ifPresent(max -> failures.add("imbalance within "
                    + bandBps.toPlainString() + " bps " + imbalance.toPlainString() + " > max " + max.toPlainString()));
        }
        return new BookVerdict(failures);
    }

    private static void requireNotNegative(String name, BigDecimal value) {
        if (value.signum() < 0) {
            throw new InvalidInputException("book gate: " + name + " must not be negative, got " + value.toPlainString());
        }
    }

    private static void requireImbalance(String name, BigDecimal value) {
        if (value.compareTo(ONE_NEGATIVE) < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("book gate: " + name + " must be within [-1, 1], got " + value.toPlainString());
        }
    }
}
