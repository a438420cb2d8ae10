package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Ticker;
import io.tradekit.api.Timeframe;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Klines (REST rows, newest first, and {@code kline.*} pushes) into {@link Bar}s, {@code tickers.*}
 * pushes into {@link Ticker}s, and the names Bybit gives to intervals and topics.
 */
public final class MarketMapping {

    /** Bybit kline intervals that a {@link Timeframe} can express ({@code M}, a month, cannot). */
    private static final Map<Duration, String> INTERVALS = Map.ofEntries(
            Map.entry(Duration.ofMinutes(1), "1"), Map.entry(Duration.ofMinutes(3), "3"), Map.entry(Duration.ofMinutes(5), "5"),
            Map.entry(Duration.ofMinutes(15), "15"), Map.entry(Duration.ofMinutes(30), "30"), Map.entry(Duration.ofHours(1), "60"),
            Map.entry(Duration.ofHours(2), "120"), Map.entry(Duration.ofHours(4), "240"), Map.entry(Duration.ofHours(6), "360"),
            Map.entry(Duration.ofHours(12), "720"), Map.entry(Duration.ofDays(1), "D"), Map.entry(Duration.ofDays(7), "W"));

    private MarketMapping() {
    }

    public static String interval(Timeframe timeframe) {
        String name = INTERVALS.get(timeframe.duration());
        if (name == null) {
            throw new InvalidInputException("bybit has no kline interval " + timeframe + "; supported: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 12h, 1d, 1w");
        }
        return name;
    }

    public static Timeframe timeframe(String interval) {
        for (Map.Entry<Duration, String> e : INTERVALS.entrySet()) {
            if (e.getValue().equals(interval)) return new Timeframe(e.getKey());
        }
        throw new MalformedMessage("unknown kline interval '" + interval + "'");
    }

    public static String klineTopic(String symbol, Timeframe timeframe) {
        return "kline." + interval(timeframe) + "." + symbol;
    }

    public static String tickerTopic(String symbol) {
        return "tickers." + symbol;
    }

    /** The rows of a {@code /v5/market/kline} result, {@code [start, open, high, low, close, volume, turnover]}, returned oldest first. */
    public static List<Bar> klines(JsonNode result, String symbol, Timeframe timeframe) {
        JsonNode rows = VenueJson.array(result, "list");
        List<Bar> bars = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            if (!row.isArray() || row.size() < 6) {
                throw new MalformedMessage("kline row " + bars.size() + " has " + row.size() + " fields, expected at least 6");
            }
            bars.add(new Bar(symbol, timeframe, Instant.ofEpochMilli(whole(row, 0)), decimal(row, 1), decimal(row, 2), decimal(row, 3),
                    decimal(row, 4), decimal(row, 5)));
        }
        bars.sort(Comparator.comparing(Bar::openTime));
        return bars;
    }

    /** The closed bars of a {@code kline.{interval}.{symbol}} push: entries whose {@code confirm} is true. */
    public static List<Bar> closedKlines(String topic, JsonNode data) {
        String[] parts = topic.split("\\.");
        if (parts.length != 3) throw new MalformedMessage("kline topic '" + topic + "' is not kline.{interval}.{symbol}");
        Timeframe timeframe = timeframe(parts[1]);
        if (!data.isArray()) throw new MalformedMessage("kline push: field 'data' is not an array");
        List<Bar> closed = new ArrayList<>();
        for (JsonNode k : data) {
            if (Json.bool(k, "confirm")) {
                closed.add(new Bar(parts[2], timeframe, Instant.ofEpochMilli(VenueJson.integer(k, "start")), VenueJson.decimal(k, "open"),
                        VenueJson.decimal(k, "high"), VenueJson.decimal(k, "low"), VenueJson.decimal(k, "close"), VenueJson.decimal(k, "volume")));
            }
        }
        return closed;
    }

    /**
     * A {@code tickers.{symbol}} push. Spot tickers carry the last price and no book; bid and ask are
     * then the last price, and {@code bid1Price}/{@code ask1Price} are used when a push has them.
     */
    public static Optional<Ticker> ticker(JsonNode data, long ts) {
        if (!data.hasNonNull("lastPrice")) return Optional.empty(); // a delta without a price change
        BigDecimal last = VenueJson.decimal(data, "lastPrice");
        BigDecimal bid = Json.decimalOrZero(data, "bid1Price");
        BigDecimal ask = Json.decimalOrZero(data, "ask1Price");
        if (bid.signum() == 0) bid = last;
        if (ask.signum() == 0) ask = last;
        return Optional.of(new Ticker(VenueJson.text(data, "symbol"), Instant.ofEpochMilli(ts), bid, ask, last));
    }

    private static long whole(JsonNode row, int index) {
        try {
            return Long.parseLong(row.get(index).asText());
        } catch (NumberFormatException e) {
            throw new MalformedMessage("kline field " + index + " is '" + row.get(index).asText() + "', expected epoch milliseconds");
        }
    }

    private static BigDecimal decimal(JsonNode row, int index) {
        return VenueJson.decimalValue(row.get(index), "kline field " + index);
    }
}
