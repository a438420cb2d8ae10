package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The best bid and ask (and the last trade price) of a symbol at one instant. */
public record Ticker(String symbol, Instant time, BigDecimal bid, BigDecimal ask, BigDecimal last) {
    public Ticker {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(last, "last");
    }

    public BigDecimal mid() {
        return bid.add(ask).divide(BigDecimal.TWO);
    }
}
