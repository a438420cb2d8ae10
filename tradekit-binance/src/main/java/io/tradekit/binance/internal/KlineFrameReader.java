package io.tradekit.binance.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import io.tradekit.core.net.NumberLimits;
import io.tradekit.core.net.VenueJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The market stream's fast path: reads a well-formed combined-stream kline frame
 * ({@code {"stream":..,"data":{"e":"kline",..,"k":{..}}}}) token by token, with no tree, no copy of a
 * field name and no text for a decimal. It answers only what it can read without doubt; any other frame
 * (a book ticker, an answer, a shutdown notice) and any frame with something wrong in it (not JSON, a
 * missing field, a wrong type, a number out of bounds) is {@link #NOT_READ}, and the stream reads it
 * through {@link MarketFrame}, which reports exactly what is wrong. So a malformed frame still becomes
 * an error event with the same message, and a good one costs a handful of objects.
 */
final class KlineFrameReader {

    /** What the reader made of a frame: a closed bar, a kline still open, or nothing (read it the slow way). */
    record Result(Bar closed, boolean read) {
    }

    static final Result NOT_READ = new Result(null, false);
    static final Result STILL_OPEN = new Result(null, true);

    private KlineFrameReader() {
    }

    /** Reads {@code text}; never throws. */
    static Result read(String text) {
        try (JsonParser p = VenueJson.MAPPER.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return NOT_READ;
            Result result = NOT_READ;
            boolean stream = false;
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("stream") && value == JsonToken.VALUE_STRING) {
                    // a book ticker or depth frame is left to the tree reader at once, not read twice
                    if (!p.getText().contains("@kline_")) return NOT_READ;
                    stream = true;
                } else if (name.equals("data") && value == JsonToken.START_OBJECT) {
                    result = event(p);
                } else {
                    return NOT_READ;
                }
            }
            return token == JsonToken.END_OBJECT && stream && p.nextToken() == null ? result : NOT_READ;
        } catch (IOException | RuntimeException e) {
            return NOT_READ;
        }
    }

    /** The {@code data} object, its start token just read. */
    private static Result event(JsonParser p) throws IOException {
        boolean kline = false;
        Result result = NOT_READ;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("e")) {
                kline = value == JsonToken.VALUE_STRING && p.getText().equals("kline");
                if (!kline) return NOT_READ;
            } else if (name.equals("k")) {
                if (value != JsonToken.START_OBJECT) return NOT_READ;
                result = kline(p);
            } else {
                p.skipChildren();
            }
        }
        return kline ? result : NOT_READ;
    }

    /** The {@code k} object, its start token just read; fields as {@link MarketDataMapping#closedKline} reads them. */
    private static Result kline(JsonParser p) throws IOException {
        String symbol = null;
        Timeframe timeframe = null;
        long open = 0;
        boolean hasOpen = false;
        Boolean closed = null;
        BigDecimal o = null, h = null, l = null, c = null, v = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "x" -> {
                    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) return NOT_READ;
                    closed = value == JsonToken.VALUE_TRUE;
                }
                case "s" -> {
                    if (value != JsonToken.VALUE_STRING) return NOT_READ;
                    symbol = p.getText();
                }
                case "i" -> {
                    if (value != JsonToken.VALUE_STRING) return NOT_READ;
                    timeframe = MarketDataMapping.timeframeOf(p.getText());
                    if (timeframe == null) return NOT_READ;
                }
                case "t" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                            && p.getNumberType() != JsonParser.NumberType.LONG) return NOT_READ;
                    open = p.getLongValue();
                    hasOpen = true;
                }
                case "o" -> o = decimal(p, value);
                case "h" -> h = decimal(p, value);
                case "l" -> l = decimal(p, value);
                case "c" -> c = decimal(p, value);
                case "v" -> v = decimal(p, value);
                default -> p.skipChildren();
            }
        }
        if (closed == null) return NOT_READ;
        if (!closed) return STILL_OPEN;
        if (symbol == null || timeframe == null || !hasOpen || o == null || h == null || l == null || c == null || v == null) {
            return NOT_READ;
        }
        return new Result(new Bar(symbol, timeframe, Instant.ofEpochMilli(open), o, h, l, c, v), true);
    }

    /** A decimal sent as text, within {@link NumberLimits}; anything else ends the fast path (null is never kept). */
    private static BigDecimal decimal(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) throw new NotFast();
        return NumberLimits.decimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** A field this reader leaves to the tree reader; caught in {@link #read}. */
    private static final class NotFast extends RuntimeException {
        NotFast() {
            super(null, null, false, false);
        }
    }
}
