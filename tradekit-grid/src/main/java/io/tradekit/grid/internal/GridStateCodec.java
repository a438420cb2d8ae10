package io.tradekit.grid.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.InvalidInputException;

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
