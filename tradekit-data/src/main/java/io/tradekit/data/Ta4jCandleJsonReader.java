package io.tradekit.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.api.BoundedDecimal;
import io.tradekit.api.UntrustedText;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the candle JSON of the ta4j examples: {@code {"name": ..., "ohlc": [{"endTime": <ms>, "openPrice":
 * ..., "highPrice": ..., "lowPrice": ..., "closePrice": ..., "volume": ...}, ...]}}. {@code endTime} is the
 * last millisecond of the bar, so a bar opens at {@code endTime + 1 - timeframe}. Prices are read as
 * BigDecimal straight from the JSON text, never through a double.
 */
final class Ta4jCandleJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private Ta4jCandleJsonReader() {
    }

    static List<Bar> read(InputStream in, String source, String symbol, Timeframe timeframe) throws IOException {
        JsonNode root = JSON.readTree(in);
        JsonNode ohlc = root == null ? null : root.get("ohlc");
        if (ohlc == null || !ohlc.isArray()) throw new InvalidInputException(source + ": no \"ohlc\" array at the top level");
        List<Bar> bars = new ArrayList<>(ohlc.size());
        for (int i = 0; i < ohlc.size(); i++) {
            JsonNode candle = ohlc.get(i);
            String where = source + ": ohlc[" + i + "]";
            long endTime = wholeMillis(decimal(candle, "endTime", where), where);
            Instant openTime = Instant.ofEpochMilli(endTime + 1).minus(timeframe.duration());
            try {
                bars.add(new Bar(symbol, timeframe, openTime, decimal(candle, "openPrice", where), decimal(candle, "highPrice", where),
                        decimal(candle, "lowPrice", where), decimal(candle, "closePrice", where), decimal(candle, "volume", where)));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(where + ": " + e.getMessage(), e);
            }
        }
        return bars;
    }

    private static long wholeMillis(BigDecimal value, String where) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(where + ": field \"endTime\" must be whole epoch milliseconds, got " + value.toPlainString());
        }
    }

    private static BigDecimal decimal(JsonNode candle, String field, String where) {
        JsonNode value = candle.get(field);
        if (value == null || !value.isNumber()) {
            throw new InvalidInputException(where + ": field \"" + field + "\" is " + (value == null ? "missing"
                    : "not a number: " + UntrustedText.quote(value.toString())));
        }
        return BoundedDecimal.check(value.decimalValue(), where + ": field \"" + field + "\"");
    }
}
