package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.StreamEvents;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binance's order book messages (web-socket-streams.md "Diff. Depth Stream", rest-api.md "Order book"): the
 * {@code depthUpdate} event and the {@code GET /api/v3/depth} snapshot, read field by field; prices must be
 * positive, quantities zero or more (zero removes a level, and only a diff may carry it).
 */
public final class DepthMapping {

    /** A price level's new quantity; zero means the level is gone. */
    public record LevelChange(BigDecimal price, BigDecimal quantity) {
    }

    /**
     * One {@code depthUpdate}: the changes from update {@code firstUpdateId} ({@code U}) to {@code lastUpdateId} ({@code u}).
     */
    public record DepthDiff(String symbol, Instant eventTime, long firstUpdateId, long lastUpdateId, List<LevelChange> bids,
                            List<LevelChange> asks) {
        public DepthDiff {
            bids = List.copyOf(bids);
            asks = List.copyOf(asks);
        }
    }

    /** A snapshot of the book as of update {@code lastUpdateId}, best levels first. */
    public record DepthSnapshot(long lastUpdateId, List<LevelChange> bids, List<LevelChange> asks) {
        public DepthSnapshot {
            bids = List.copyOf(bids);
            asks = List.copyOf(asks);
        }
    }

    private DepthMapping() {
    }

    /** {@code <symbol>@depth} (1000 ms) or {@code <symbol>@depth@100ms}. */
    public static String stream(String symbol, int speedMillis) {
        return symbol.toLowerCase(Locale.ROOT) + "@depth" + (speedMillis == 1000 ? "" : "@" + speedMillis + "ms");
    }

    /** A {@code depthUpdate} event ({@code e}, {@code E}, {@code s}, {@code U}, {@code u}, {@code b}, {@code a}). */
    public static DepthDiff diff(JsonNode event) {
        String type = VenueJson.text(event, "e");
        if (!type.equals("depthUpdate")) {
            throw new MalformedMessage("field 'e' is '" + type + "', expected 'depthUpdate'");
        }
        long first = VenueJson.integer(event, "U");
        long last = VenueJson.integer(event, "u");
        if (first > last) {
            throw new MalformedMessage("first update id U " + first + " is after final update id u " + last);
        }
        return new DepthDiff(VenueJson.text(event, "s"), Instant.ofEpochMilli(VenueJson.integer(event, "E")), first, last,
                levels(VenueJson.array(event, "b"), "b", true), levels(VenueJson.array(event, "a"), "a", true));
    }

    /** The answer of {@code GET /api/v3/depth}: {@code lastUpdateId}, {@code bids}, {@code asks}. */
    public static DepthSnapshot snapshot(JsonNode answer) {
        VenueJson.requireObject(answer, "the depth snapshot");
        return new DepthSnapshot(VenueJson.integer(answer, "lastUpdateId"), levels(VenueJson.array(answer, "bids"), "bids", false),
                levels(VenueJson.array(answer, "asks"), "asks", false));
    }

    private static List<LevelChange> levels(JsonNode rows, String field, boolean zeroAllowed) {
        List<LevelChange> levels = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String where = field + "[" + i + "]";
            if (!row.isArray() || row.size() < 2) {
                throw new MalformedMessage(where + " is " + StreamEvents.truncate(row.toString(), 40) + ", expected [price, quantity]");
            }
            BigDecimal price = VenueJson.decimalValue(row.get(0), where + " price");
            BigDecimal quantity = VenueJson.decimalValue(row.get(1), where + " quantity");
            if (price.signum() <= 0) {
                throw new MalformedMessage(where + " price is " + price.toPlainString() + ", expected a positive price");
            }
            if (quantity.signum() < 0 || (quantity.signum() == 0 && !zeroAllowed)) {
                throw new MalformedMessage(where + " quantity is " + quantity.toPlainString() + ", expected "
                        + (zeroAllowed ? "zero or more" : "a positive quantity"));
            }
            levels.add(new LevelChange(price, quantity));
        }
        return levels;
    }
}
