package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Ticker;
import io.tradekit.api.Timeframe;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Klines (REST rows and stream events) into {@link Bar}s and book tickers into {@link Ticker}s, and the
 * names Binance gives to intervals and streams.
 */
public final class MarketDataMapping {

    /** Binance kline intervals that a {@link Timeframe} can express ({@code 1M} cannot: months vary). */
    public static final Set<String> INTERVALS = Set.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w");

    /** Each interval's timeframe, read once: a kline frame names its interval, and parsing it per frame cost a regex compile. */
    private static final Map<String, Timeframe> TIMEFRAMES = INTERVALS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(i -> i, Timeframe::parse));

    private MarketDataMapping() {
    }

    public static String interval(Timeframe timeframe) {
        String name = timeframe.toString();
        if (!INTERVALS.contains(name)) {
            throw new InvalidInputException("binance has no kline interval " + name + "; supported: "
                    + String.join(", ", new java.util.TreeSet<>(INTERVALS)));
        }
        return name;
    }

    public static String klineStream(String symbol, Timeframe timeframe) {
        return symbol.toLowerCase(Locale.ROOT) + "@kline_" + interval(timeframe);
    }

    public static String bookTickerStream(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + "@bookTicker";
    }

    /**
     * Rows of {@code GET /api/v3/klines}: {@code [openTime, open, high, low, close, volume, closeTime, ...]}.
     */
    public static List<Bar> klines(JsonNode rows, String symbol, Timeframe timeframe) {
        VenueJson.requireArray(rows, "klines");
        List<Bar> bars = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            if (!row.isArray() || row.size() < 6) {
                throw new MalformedMessage("klines: row " + bars.size() + " has " + row.size() + " fields, expected at least 6");
            }
            bars.add(new Bar(symbol, timeframe, Instant.ofEpochMilli(VenueJson.integerValue(row.get(0), "klines: row " + bars.size() + " open time")), decimal(row, 1), decimal(row, 2),
                    decimal(row, 3), decimal(row, 4), decimal(row, 5)));
        }
        return bars;
    }

    /** The timeframe of a Binance kline interval ({@code "1m"}); null when Binance has no such interval. */
    static Timeframe timeframeOf(String interval) {
        return TIMEFRAMES.get(interval);
    }

    /** A kline stream event's bar when the event says the kline closed ({@code x} true); empty while it is still open. */
    public static Optional<Bar> closedKline(JsonNode event) {
        JsonNode k = VenueJson.field(event, "k");
        if (!VenueJson.bool(k, "x")) {
            return Optional.empty();
        }
        String interval = VenueJson.text(k, "i");
        Timeframe timeframe = timeframeOf(interval);
        if (timeframe == null) {
            throw new MalformedMessage("kline interval '" + StreamEvents.truncate(interval, 20) + "' is not one of Binance's " + INTERVALS);
        }
        return Optional.of(new Bar(VenueJson.text(k, "s"), timeframe, Instant.ofEpochMilli(VenueJson.integer(k, "t")),
                VenueJson.decimal(k, "o"), VenueJson.decimal(k, "h"), VenueJson.decimal(k, "l"), VenueJson.decimal(k, "c"), VenueJson.decimal(k, "v")));
    }

    /**
     * A {@code <symbol>@bookTicker} event. It carries no time and no last trade, so the ticker is stamped
     * with the arrival time and its last price is the mid of bid and ask.
     */
    public static Ticker bookTicker(JsonNode event, Instant arrival) {
        BigDecimal bid = VenueJson.decimal(event, "b");
        BigDecimal ask = VenueJson.decimal(event, "a");
        return new Ticker(VenueJson.text(event, "s"), arrival, bid, ask, bid.add(ask).divide(BigDecimal.TWO));
    }

    private static BigDecimal decimal(JsonNode row, int index) {
        return VenueJson.decimalValue(row.get(index), "klines: field " + index);
    }
}
