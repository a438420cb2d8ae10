package io.tradekit.grid.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.InvalidInputException;
import io.tradekit.grid.GridRoundTrip;

/** Writes and reads {@link GridSnapshot}s as JSON, money as exact plain decimals. */
public final class GridStateCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private GridStateCodec() {
    }

    public static String write(GridSnapshot snapshot) {
        try {
            return JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("grid state could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The type of the audit line the grid writes for each round trip it closes ({@link #tripLine}). */
    public static final String TRIP_LINE = "grid-round-trip";

    /** One round trip of the grid on {@code symbol} as the inputs of its audit line: {@code {"symbol":..,"trip":{..}}}. */
    public static String tripLine(String symbol, GridRoundTrip trip) {
        try {
            return JSON.writeValueAsString(new TripLine(symbol, GridSnapshot.TripState.of(trip)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("grid round trip could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a line {@link #tripLine} wrote.
     *
     * @throws InvalidInputException naming the line's time when it is not such a line
     */
    public static TripLine readTripLine(io.tradekit.api.store.AuditEvent line) {
        try {
            TripLine read = JSON.readValue(line.inputsJson(), TripLine.class);
            if (read.symbol() == null || read.trip() == null || read.trip().closedAt() == null) {
                throw new InvalidInputException("grid round trip line of " + line.time() + ": symbol, trip or its closing time is missing");
            }
            return read;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("grid round trip line of " + line.time() + " is not one the grid wrote: " + e.getOriginalMessage(), e);
        }
    }

    /** What a round trip's audit line holds: the grid's symbol and the trip. */
    public record TripLine(String symbol, GridSnapshot.TripState trip) {
    }

    public static GridSnapshot read(String json) {
        try {
            GridSnapshot snapshot = JSON.readValue(json, GridSnapshot.class);
            if (snapshot.version() != GridSnapshot.VERSION) {
                throw new InvalidInputException("grid state: version " + snapshot.version() + " is not " + GridSnapshot.VERSION
                        + ", the only version this grid reads");
            }
            return snapshot;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("grid state: not a grid snapshot: " + e.getOriginalMessage(), e);
        }
    }
}
