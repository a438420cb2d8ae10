package io.tradekit.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Ticker;
import io.tradekit.api.Timeframe;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Kraken bars and tickers: REST {@code OHLC} rows and WebSocket v2 {@code ohlc} / {@code ticker} entries. */
public final class MarketData {

    /** The intervals Kraken serves, in minutes. */
    private static final Set<Long> INTERVALS = Set.of(1L, 5L, 15L, 30L, 60L, 240L, 1440L, 10080L, 21600L);

    private MarketData() {
    }

    /** The timeframe in Kraken's minutes, or a clear error for one Kraken does not serve. */
    public static int minutes(Timeframe timeframe) {
        long millis = timeframe.millis();
        long minutes = millis / 60_000;
        if (millis % 60_000 != 0 || !INTERVALS.contains(minutes)) {
            throw new InvalidInputException("kraken: timeframe " + timeframe + " is not served; Kraken serves 1m, 5m, 15m, 30m, 1h, 4h, 1d, 1w, 15d");
        }
        return (int) minutes;
    }

    /**
     * The rows of an OHLC answer ({@code [time, open, high, low, close, vwap, volume, count]}) as bars,
     * oldest first, with the last row (the period still open at Kraken) left out.
     */
    public static List<Bar> closedRows(JsonNode result, String pairKey, String symbol, Timeframe timeframe) {
        JsonNode rows = result.get(pairKey);
        if (rows == null) {
            var names = result.fieldNames();
            while (names.hasNext() && rows == null) {
                String n = names.next();
                if (!n.equals("last")) rows = result.get(n);
            }
        }
        if (rows == null || !rows.isArray()) {
            throw new MalformedMessage("OHLC answer has no rows for " + pairKey);
        }
        List<Bar> bars = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size() - 1; i++) {
            JsonNode r = rows.get(i);
            if (!r.isArray() || r.size() < 7) {
                throw new MalformedMessage("OHLC row " + i + " is " + r + ", expected [time,open,high,low,close,vwap,volume,count]");
            }
            bars.add(new Bar(symbol, timeframe, Instant.ofEpochSecond(r.get(0).asLong()), dec(r, 1), dec(r, 2), dec(r, 3), dec(r, 4), dec(r, 6)));
        }
        return bars;
    }

    private static java.math.BigDecimal dec(JsonNode row, int i) {
        return VenueJson.decimalValue(row.get(i), "OHLC row value " + i);
    }

    /** A WebSocket v2 {@code ohlc} entry as a bar (complete or not: the caller decides). */
    public static Bar ohlc(JsonNode d, String symbol, Timeframe timeframe) {
        return new Bar(symbol, timeframe, Instant.parse(VenueJson.text(d, "interval_begin")), VenueJson.decimal(d, "open"), VenueJson.decimal(d, "high"),
                VenueJson.decimal(d, "low"), VenueJson.decimal(d, "close"), VenueJson.decimal(d, "volume"));
    }

    /** A WebSocket v2 {@code ticker} entry. */
    public static Ticker ticker(JsonNode d, String symbol, Instant now) {
        Instant time = d.hasNonNull("timestamp") ? Instant.parse(d.get("timestamp").asText()) : now;
        return new Ticker(symbol, time, VenueJson.decimal(d, "bid"), VenueJson.decimal(d, "ask"), VenueJson.decimal(d, "last"));
    }
}
