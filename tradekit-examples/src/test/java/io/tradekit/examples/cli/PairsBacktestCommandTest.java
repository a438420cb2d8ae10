package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import io.tradekit.core.report.PairFigures;
import io.tradekit.core.report.PairReport;
import io.tradekit.data.DataSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code backtest --symbols ... --data SYMBOL=...}: a bot over two pairs, its per-pair table in summary.json and report.html. */
class PairsBacktestCommandTest {

    @TempDir
    Path dir;

    /** The ETH data set's bars at twenty times the price, as a CSV file: a second pair with its own moves in time. */
    private void writeBtcCsv(String file, long stepMillis) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        List<Bar> eth = DataSets.load("eth-usd-5m");
        long t = eth.getFirst().openTime().toEpochMilli();
        BigDecimal k = BigDecimal.valueOf(20);
        for (int i = eth.size() - 1; i >= 0; i--, t += stepMillis) { // the series backwards: other crossings than ETH's
            Bar b = eth.get(i);
            csv.append(t).append(',').append(b.close().multiply(k)).append(',').append(b.high().multiply(k)).append(',')
                    .append(b.low().multiply(k)).append(',').append(b.open().multiply(k)).append(',').append(b.volume()).append('\n');
        }
        Files.writeString(dir.resolve(file), csv);
    }

    @Test
    void twoPairsGiveAPerPairTableThatMatchesTheLibrarysRun() throws IOException {
        writeBtcCsv("btc.csv", 300_000);

        CliRun run = CliRun.in(dir, "backtest", "--symbols", "BTCUSDT,ETHUSDT", "--data", "BTCUSDT=btc.csv,ETHUSDT=eth-usd-5m", "--out", "pairs");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        bars.put("BTCUSDT", DataSets.load(dir.resolve("btc.csv").toString(), Optional.of("BTCUSDT"), Optional.empty()));
        bars.put("ETHUSDT", DataSets.load("eth-usd-5m", Optional.of("ETHUSDT"), Optional.empty()));
        BacktestResult library = TradeKit.backtest().pairs(bars).strategy("sma-cross", Map.of()).run();
        PairReport expected = PairReport.of(library, bars);
        assertThat(expected.pairs()).allSatisfy(p -> assertThat(p.roundTrips()).as(p.symbol()).isGreaterThan(3));

        JsonNode summary = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(dir.resolve("pairs/summary.json").toFile());
        assertThat(summary.get("symbol").asText()).isEqualTo("BTCUSDT,ETHUSDT");
        JsonNode rows = summary.get("pairs").get("rows");
        assertThat(rows).hasSize(2);
        for (int i = 0; i < 2; i++) assertRow(rows.get(i), expected.pairs().get(i));
        assertRow(summary.get("pairs").get("total"), expected.total());
        assertThat(summary.get("pairs").get("total").get("trades").asInt())
                .isEqualTo(rows.get(0).get("trades").asInt() + rows.get(1).get("trades").asInt());

        String html = Files.readString(dir.resolve("pairs/report.html"));
        assertThat(html).contains("Per pair").contains("BTCUSDT price and fills").contains("ETHUSDT price and fills");
        assertThat(run.out()).contains("pairs:").contains("BTCUSDT").contains("ETHUSDT").contains("total");
    }

    @Test
    void theReportSaysHowThePairsMovedTogether() throws IOException {
        writeBtcCsv("btc.csv", 300_000);
        CliRun run = CliRun.in(dir, "backtest", "--symbols", "BTCUSDT,ETHUSDT", "--data", "BTCUSDT=btc.csv,ETHUSDT=eth-usd-5m", "--out", "pairs");
        assertThat(run.exitCode()).as(run.err()).isZero();

        // Worked here apart from tradekit-risk: both series have the same 580 bar times, so 579 simple returns each,
        // c[i] / c[i-1] - 1, and Pearson's r = cov(a, b) / (sd(a) sd(b)) over them.
        List<Bar> btc = DataSets.load(dir.resolve("btc.csv").toString(), Optional.of("BTCUSDT"), Optional.empty());
        List<Bar> eth = DataSets.load("eth-usd-5m", Optional.of("ETHUSDT"), Optional.empty());
        assertThat(btc).extracting(Bar::openTime).containsExactlyElementsOf(eth.stream().map(Bar::openTime).toList());
        double[] a = new double[btc.size() - 1];
        double[] b = new double[eth.size() - 1];
        for (int i = 1; i < btc.size(); i++) {
            a[i - 1] = btc.get(i).close().doubleValue() / btc.get(i - 1).close().doubleValue() - 1;
            b[i - 1] = eth.get(i).close().doubleValue() / eth.get(i - 1).close().doubleValue() - 1;
        }
        double ma = java.util.Arrays.stream(a).average().orElseThrow();
        double mb = java.util.Arrays.stream(b).average().orElseThrow();
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        double r = cov / Math.sqrt(va * vb);

        JsonNode section = new ObjectMapper().readTree(dir.resolve("pairs/summary.json").toFile()).get("pairCorrelation");
        assertThat(section.get("pairsCompared").asInt()).isEqualTo(1);
        assertThat(section.get("highest").asText()).isEqualTo("BTCUSDT / ETHUSDT " + String.format(java.util.Locale.ROOT, "%.4f", r));
        assertThat(Files.readString(dir.resolve("pairs/report.html"))).contains("Correlation between pairs").contains("579");
    }

    private static void assertRow(JsonNode row, PairFigures expected) {
        assertThat(row.get("symbol").asText()).isEqualTo(expected.symbol());
        assertThat(row.get("trades").asInt()).isEqualTo(expected.trades());
        assertThat(row.get("roundTrips").asInt()).isEqualTo(expected.roundTrips());
        assertThat(row.get("realizedPnl").decimalValue()).isEqualByComparingTo(expected.realizedPnl());
        assertThat(row.get("winRate").asDouble()).isEqualTo(expected.winRate());
        assertThat(row.get("exposureSeconds").asLong()).isEqualTo(expected.exposure().toSeconds());
        assertThat(row.get("exposurePct").decimalValue()).isEqualByComparingTo(expected.exposurePct());
        assertThat(row.get("fees").decimalValue()).isEqualByComparingTo(expected.fees());
    }

    @Test
    void aPairWithoutDataOrOfAnotherTimeframeIsRefusedClearly() throws IOException {
        CliRun missing = CliRun.in(dir, "backtest", "--symbols", "BTCUSDT,ETHUSDT", "--data", "ETHUSDT=eth-usd-5m");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("--data: no data for BTCUSDT (one of --symbols)");

        CliRun stranger = CliRun.in(dir, "backtest", "--symbols", "ETHUSDT", "--data", "ETHUSDT=eth-usd-5m,SOLUSDT=eth-usd-5m");
        assertThat(stranger.err()).contains("--data: SOLUSDT is not one of --symbols ETHUSDT");

        writeBtcCsv("btc-1m.csv", 60_000);
        CliRun mixed = CliRun.in(dir, "backtest", "--symbols", "BTCUSDT,ETHUSDT", "--data", "BTCUSDT=btc-1m.csv,ETHUSDT=eth-usd-5m");
        assertThat(mixed.exitCode()).isNotZero();
        assertThat(mixed.err()).contains("pair ETHUSDT has 5m bars but BTCUSDT has 1m; every pair of a run has the same timeframe")
                .doesNotContain("\tat ");
    }
}
