package io.tradekit.data;

import io.tradekit.api.Bar;
import io.tradekit.api.BoundedDecimal;
import io.tradekit.api.UntrustedText;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds bars from a tape of trades in CSV, {@code timestamp,price,amount} with the timestamp in epoch
 * seconds (the Bitstamp export of the ta4j examples). Each period with trades becomes one OHLCV bar;
 * a period without trades between two that have some becomes a flat bar at the previous close with
 * zero volume, so the series has no holes. Trades must be in time order; blank lines may only end the file.
 */
final class TradeCsvReader {

    private static final String HEADER = "timestamp,price,amount";

    private TradeCsvReader() {
    }

    static List<Bar> read(InputStream in, String source, String symbol, Timeframe timeframe) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.replace("\uFEFF", "").trim().equalsIgnoreCase(HEADER)) {
            throw new InvalidInputException(source + ":1: the header is " + UntrustedText.quote(header) + ", expected " + HEADER);
        }
        BarAccumulator bars = new BarAccumulator(symbol, timeframe);
        int lineNumber = 1;
        int firstBlank = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                if (firstBlank == 0) firstBlank = lineNumber;
                continue;
            }
            if (firstBlank != 0) throw new InvalidInputException(source + ":" + firstBlank + ": empty line in the middle of the data");
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                throw new InvalidInputException(source + ":" + lineNumber + ": expected 3 columns (" + HEADER + "), found " + cells.length);
            }
            long seconds;
            BigDecimal price;
            BigDecimal amount;
            try {
                seconds = Long.parseLong(cells[0].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(source + ":" + lineNumber + ": " + UntrustedText.quote(line)
                        + " does not start with epoch seconds");
            }
            price = BoundedDecimal.parse(cells[1], source + ":" + lineNumber + ": price");
            amount = BoundedDecimal.parse(cells[2], source + ":" + lineNumber + ": amount");
            if (price.signum() <= 0 || amount.signum() < 0) {
                throw new InvalidInputException(source + ":" + lineNumber + ": price must be positive and amount not negative, got "
                        + UntrustedText.quote(line));
            }
            String problem = bars.add(Instant.ofEpochSecond(seconds), compact(price), compact(amount));
            if (problem != null) throw new InvalidInputException(source + ":" + lineNumber + ": " + problem);
        }
        return bars.finish();
    }

    /** Without the export's padding zeros ({@code 800.010000000000} is 800.01), and never in exponent form. */
    private static BigDecimal compact(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The bar being built and those finished, with the flat bars that fill periods without trades. */
    private static final class BarAccumulator {
        private final String symbol;
        private final Timeframe timeframe;
        private final long periodMillis;
        private final List<Bar> bars = new ArrayList<>();
        private long period = Long.MIN_VALUE;
        private Instant lastTrade;
        private BigDecimal open;
        private BigDecimal high;
        private BigDecimal low;
        private BigDecimal close;
        private BigDecimal volume;

        BarAccumulator(String symbol, Timeframe timeframe) {
            this.symbol = symbol;
            this.timeframe = timeframe;
            this.periodMillis = timeframe.millis();
        }

        /** Adds a trade; returns a problem to report, or null. */
        String add(Instant time, BigDecimal price, BigDecimal amount) {
            if (lastTrade != null && time.isBefore(lastTrade)) {
                return "trade at " + time + " is earlier than the previous trade at " + lastTrade + "; trades must be in time order";
            }
            lastTrade = time;
            long p = Math.floorDiv(time.toEpochMilli(), periodMillis);
            if (p != period) {
                if (period != Long.MIN_VALUE) {
                    closeBar();
                    for (long empty = period + 1; empty < p; empty++) {
                        bars.add(new Bar(symbol, timeframe, Instant.ofEpochMilli(empty * periodMillis), close, close, close, close, BigDecimal.ZERO));
                    }
                }
                period = p;
                open = price;
                high = price;
                low = price;
                volume = BigDecimal.ZERO;
            }
            high = high.max(price);
            low = low.min(price);
            close = price;
            volume = volume.add(amount);
            return null;
        }

        private void closeBar() {
            bars.add(new Bar(symbol, timeframe, Instant.ofEpochMilli(period * periodMillis), open, high, low, close, volume));
        }

        List<Bar> finish() {
            if (period != Long.MIN_VALUE) closeBar();
            period = Long.MIN_VALUE;
            return bars;
        }
    }
}
