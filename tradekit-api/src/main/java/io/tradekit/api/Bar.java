package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed OHLCV bar. {@code openTime} is the start of the period; the bar covers
 * {@code [openTime, openTime + timeframe)}.
 *
 * @param symbol    the venue's symbol
 * @param timeframe the bar's period
 * @param openTime  the start of the period
 * @param open      the first trade price of the period
 * @param high      the highest trade price
 * @param low       the lowest trade price, positive
 * @param close     the last trade price
 * @param volume    the base quantity traded, zero or more
 */
public record Bar(String symbol, Timeframe timeframe, Instant openTime,
                  BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {

    /** Checks that high and low enclose open and close, prices are positive and the volume is not negative. */
    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        if (high.compareTo(low) < 0 || high.compareTo(open) < 0 || high.compareTo(close) < 0
                || low.compareTo(open) > 0 || low.compareTo(close) > 0) {
            throw new InvalidInputException("bar " + symbol + " " + openTime + ": high/low do not enclose open and close (o="
                    + open + " h=" + high + " l=" + low + " c=" + close + ")");
        }
        if (low.signum() <= 0) {
            throw new InvalidInputException("bar " + symbol + " " + openTime + ": prices must be positive, low=" + low);
        }
        if (volume.signum() < 0) {
            throw new InvalidInputException("bar " + symbol + " " + openTime + ": volume must not be negative, got " + volume);
        }
    }

    /**
     * When the bar closes.
     *
     * @return the first instant after the bar, {@code openTime + timeframe}
     */
    public Instant closeTime() {
        return openTime.plus(timeframe.duration());
    }
}
