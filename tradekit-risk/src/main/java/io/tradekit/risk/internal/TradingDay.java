package io.tradekit.risk.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The trading day that starts every day at a fixed UTC hour. */
public record TradingDay(int boundaryHourUtc) {

    /** When the trading day that contains {@code now} started. */
    public Instant startOf(Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        ZonedDateTime start = t.withHour(boundaryHourUtc).withMinute(0).withSecond(0).withNano(0);
        return (start.isAfter(t) ? start.minusDays(1) : start).toInstant();
    }
}
