package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The best bid and ask (and the last trade price) of a symbol at one instant.
 *
 * @param symbol the venue's symbol
 * @param time   when the venue quoted it
 * @param bid    the best bid
 * @param ask    the best ask
 * @param last   the last trade price
 */
public record Ticker(String symbol, Instant time, BigDecimal bid, BigDecimal ask, BigDecimal last) {
    /** Checks that every field is given. */
    public Ticker {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(last, "last");
    }

    /**
     * The middle of the quote.
     *
     * @return (bid + ask) / 2
     */
    public BigDecimal mid() {
        return bid.add(ask).divide(BigDecimal.TWO);
    }
}
