package io.tradekit.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The named data sets against the raw files the build takes out of ta4j-examples, read independently here. */
class DataSetsTest {

    static final String RESOURCES = "/io/tradekit/data/datasets/";

    @Test
    void ethUsd5mHasOneBarPerCandleOpeningFiveMinutesBeforeItsEndTimePlusOneMillisecond() throws IOException {
        JsonNode candles;
        try (InputStream in = resource("ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            candles = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(in).get("ohlc");
        }
        List<Bar> bars = DataSets.load("eth-usd-5m");

        assertThat(bars).hasSize(candles.size());
        for (int i = 0; i < bars.size(); i += 97) {
            Bar bar = bars.get(i);
            JsonNode c = candles.get(i);
            assertThat(bar.symbol()).isEqualTo("ETH-USD");
            assertThat(bar.timeframe()).isEqualTo(Timeframe.M5);
            assertThat(bar.openTime()).isEqualTo(Instant.ofEpochMilli(c.get("endTime").asLong() + 1).minus(Duration.ofMinutes(5)));
            assertThat(bar.closeTime().toEpochMilli()).isEqualTo(c.get("endTime").asLong() + 1);
            assertThat(bar.open()).isEqualByComparingTo(c.get("openPrice").decimalValue());
            assertThat(bar.high()).isEqualByComparingTo(c.get("highPrice").decimalValue());
            assertThat(bar.low()).isEqualByComparingTo(c.get("lowPrice").decimalValue());
            assertThat(bar.close()).isEqualByComparingTo(c.get("closePrice").decimalValue());
            assertThat(bar.volume()).isEqualByComparingTo(c.get("volume").decimalValue());
        }
    }

    @Test
    void btcUsd1mAggregatesEveryTradeAndFillsMinutesWithoutTradesWithFlatBars() throws IOException {
        List<String[]> trades = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource("bitstamp_trades_from_20131125_usd.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) trades.add(line.split(","));
        }
        List<Bar> bars = DataSets.load("btc-usd-1m");

        long firstMinute = Long.parseLong(trades.getFirst()[0]) / 60;
        long lastMinute = Long.parseLong(trades.getLast()[0]) / 60;
        assertThat(bars).hasSize((int) (lastMinute - firstMinute + 1));
        for (int i = 1; i < bars.size(); i++) {
            assertThat(Duration.between(bars.get(i - 1).openTime(), bars.get(i).openTime())).isEqualTo(Duration.ofMinutes(1));
        }
        BigDecimal tradedAmount = trades.stream().map(t -> new BigDecimal(t[2])).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(bars.stream().map(Bar::volume).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(tradedAmount);

        // the first minute, from the raw trades
        List<BigDecimal> firstPrices = trades.stream().filter(t -> Long.parseLong(t[0]) / 60 == firstMinute).map(t -> new BigDecimal(t[1])).toList();
        Bar first = bars.getFirst();
        assertThat(first.openTime()).isEqualTo(Instant.ofEpochSecond(firstMinute * 60));
        assertThat(first.open()).isEqualByComparingTo(firstPrices.getFirst());
        assertThat(first.close()).isEqualByComparingTo(firstPrices.getLast());
        assertThat(first.high()).isEqualByComparingTo(firstPrices.stream().max(BigDecimal::compareTo).orElseThrow());
        assertThat(first.low()).isEqualByComparingTo(firstPrices.stream().min(BigDecimal::compareTo).orElseThrow());

        long minutesWithTrades = trades.stream().map(t -> Long.parseLong(t[0]) / 60).distinct().count();
        List<Integer> flat = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) if (bars.get(i).volume().signum() == 0) flat.add(i);
        assertThat(flat).hasSize((int) (bars.size() - minutesWithTrades)).isNotEmpty();
        for (int i : flat) {
            Bar bar = bars.get(i);
            BigDecimal previousClose = bars.get(i - 1).close();
            assertThat(List.of(bar.open(), bar.high(), bar.low(), bar.close())).allSatisfy(p -> assertThat(p).isEqualByComparingTo(previousClose));
        }
    }

    @Test
    void anUnknownNameListsTheKnownDataSets() {
        assertThatThrownBy(() -> DataSets.load("eth-usd-1h"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("unknown data set 'eth-usd-1h'; known data sets: btc-usd-1m, eth-usd-5m");
    }

    @Test
    void aMissingFileIsReportedAsAMissingFileNotAsAnUnknownDataSet(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path missing = dir.resolve("btc-2024.csv");
        assertThatThrownBy(() -> DataSets.load(missing.toString()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("data file " + missing.toAbsolutePath() + " does not exist");
        assertThatThrownBy(() -> DataSets.load("prices.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageEndingWith("prices.csv does not exist");
        assertThatThrownBy(() -> DataSets.load(dir.toString()))
                .isInstanceOf(InvalidInputException.class).hasMessage("data " + dir + " is a directory, not a CSV file");
    }

    @Test
    void aNamedDataSetKeepsItsTimeframeButMayBeRenamed() {
        assertThatThrownBy(() -> DataSets.load("eth-usd-5m", Optional.empty(), Optional.of(Timeframe.H1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("eth-usd-5m has 5m bars");
        assertThat(DataSets.load("eth-usd-5m", Optional.of("ETHUSDT"), Optional.empty())).allSatisfy(b -> assertThat(b.symbol()).isEqualTo("ETHUSDT"));
    }

    private static InputStream resource(String file) {
        InputStream in = DataSetsTest.class.getResourceAsStream(RESOURCES + file);
        assertThat(in).as("%s is unpacked by the build", file).isNotNull();
        return in;
    }
}
