package io.tradekit.binance.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KlineFrameReaderTest {

    /** Binance's documented kline event (web-socket-streams.md) in a combined-stream frame, closed, its low made consistent. */
    private static final String CLOSED = """
            {"stream":"bnbbtc@kline_1m","data":{"e":"kline","E":1672515782136,"s":"BNBBTC","k":{"t":1672515780000,"T":1672515839999,
             "s":"BNBBTC","i":"1m","f":100,"L":200,"o":"0.0010","c":"0.0020","h":"0.0025","l":"0.0009","v":"1000","n":100,"x":true,
             "q":"1.0000","V":"500","Q":"0.500","B":"123456"}}}
            """;

    @Test
    void aClosedKlineFrameIsReadToTheBarTheTreeReaderMakes() {
        KlineFrameReader.Result result = KlineFrameReader.read(CLOSED);

        Bar expected = new Bar("BNBBTC", Timeframe.M1, Instant.ofEpochMilli(1672515780000L), new BigDecimal("0.0010"),
                new BigDecimal("0.0025"), new BigDecimal("0.0009"), new BigDecimal("0.0020"), new BigDecimal("1000"));
        assertThat(result.read()).isTrue();
        assertThat(result.closed()).isEqualTo(expected);
        assertThat(MarketDataMapping.closedKline(MarketFrame.read(CLOSED).data())).contains(expected);
    }

    @Test
    void aKlineStillOpenIsReadAsNoBar() {
        KlineFrameReader.Result result = KlineFrameReader.read(CLOSED.replace("\"x\":true", "\"x\":false"));

        assertThat(result.read()).isTrue();
        assertThat(result.closed()).isNull();
    }

    @Test
    void fieldsInAnotherOrderAreReadAlike() {
        String reordered = """
                {"data":{"k":{"x":true,"v":"1000","l":"0.0009","h":"0.0025","c":"0.0020","o":"0.0010","i":"1m","s":"BNBBTC","t":1672515780000},
                 "e":"kline"},"stream":"bnbbtc@kline_1m"}""";

        assertThat(KlineFrameReader.read(reordered).closed()).isEqualTo(KlineFrameReader.read(CLOSED).closed());
    }

    @Test
    void everyFrameWithSomethingWrongIsLeftToTheTreeReaderWhichNamesIt() {
        // each of these is malformed (or no kline): the fast path does not guess, the stream reads it through MarketFrame
        String[] frames = {
                "not json",
                CLOSED.substring(0, CLOSED.length() - 10),
                CLOSED.replace("\"o\":\"0.0010\"", "\"o\":\"1E+10000000\""),
                CLOSED.replace("\"o\":\"0.0010\"", "\"o\":{}"),
                CLOSED.replace("\"o\":\"0.0010\"", "\"o\":0.0010"),
                CLOSED.replace("\"o\":\"0.0010\",", ""),
                CLOSED.replace("\"x\":true", "\"x\":\"true\""),
                CLOSED.replace("\"i\":\"1m\"", "\"i\":\"7m\""),
                CLOSED.replace("\"t\":1672515780000", "\"t\":\"soon\""),
                CLOSED.replace("\"s\":\"BNBBTC\",\"i\"", "\"s\":[],\"i\""),
                CLOSED.replace("\"l\":\"0.0009\"", "\"l\":\"0.0015\""),
                CLOSED.replace("\"e\":\"kline\"", "\"e\":\"serverShutdown\""),
                "{\"stream\":\"bnbbtc@bookTicker\",\"data\":{\"u\":1,\"s\":\"BNBBTC\",\"b\":\"1\",\"B\":\"1\",\"a\":\"2\",\"A\":\"1\"}}",
                "{\"result\":null,\"id\":1}",
        };
        for (String frame : frames) {
            assertThat(KlineFrameReader.read(frame)).as(frame).isSameAs(KlineFrameReader.NOT_READ);
        }
    }
}
