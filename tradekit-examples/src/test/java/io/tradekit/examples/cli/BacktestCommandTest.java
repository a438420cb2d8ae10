package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.api.RiskLimits;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.BacktestBuilder;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.TradeKit;
import io.tradekit.core.paper.FillModel;
import io.tradekit.data.DataSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The backtest command against the library it drives: the same run through {@link TradeKit#backtest()} is the oracle. */
class BacktestCommandTest {

    @TempDir
    Path dir;

    private static BacktestBuilder library(List<Bar> bars) {
        return TradeKit.backtest().bars(bars).strategy("sma-cross", Map.of());
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(file.toFile());
    }

    @Test
    void withoutFlagsItRunsSmaCrossOnEthUsd5mIntoANewRunDirectory() throws IOException {
        CliRun run = CliRun.in(dir, "backtest");
        BacktestResult expected = library(DataSets.load("eth-usd-5m")).run();

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> runs;
        try (var listed = Files.list(dir.resolve("runs"))) {
            runs = listed.toList();
        }
        assertThat(runs).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).matches("sma-cross-eth-usd-5m-\\d{8}-\\d{6}"));
        Path out = runs.getFirst();
        JsonNode summary = json(out.resolve("summary.json"));
        assertThat(summary.get("strategy").asText()).isEqualTo("sma-cross");
        assertThat(summary.get("symbol").asText()).isEqualTo("ETH-USD");
        assertThat(summary.get("bars").asLong()).isEqualTo(expected.bars());
        assertThat(summary.get("orders").asInt()).isEqualTo(expected.orders().size()).isPositive();
        assertThat(summary.get("fills").asInt()).isEqualTo(expected.fills().size());
        assertThat(summary.get("roundTrips").asInt()).isEqualTo(expected.roundTrips().size());
        assertThat(summary.get("fees").decimalValue()).isEqualByComparingTo(expected.fees());
        assertThat(summary.get("realizedPnl").decimalValue()).isEqualByComparingTo(expected.realizedPnl());
        assertThat(summary.get("finalEquity").decimalValue()).isEqualByComparingTo(expected.finalEquity());
        assertThat(summary.get("maxDrawdownPct").decimalValue()).isEqualByComparingTo(expected.maxDrawdownPct());
        assertThat(summary.get("winRate").asDouble()).isEqualTo(expected.winRate());

        List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades).hasSize(1 + expected.roundTrips().size());
        for (int i = 0; i < expected.roundTrips().size(); i++) {
            RoundTrip trip = expected.roundTrips().get(i);
            String[] cells = trades.get(i + 1).split(",");
            assertThat(Instant.parse(cells[0])).isEqualTo(trip.entryTime());
            assertThat(Instant.parse(cells[1])).isEqualTo(trip.exitTime());
            assertThat(new BigDecimal(cells[4])).isEqualByComparingTo(trip.entryPrice());
            assertThat(new BigDecimal(cells[5])).isEqualByComparingTo(trip.exitPrice());
            assertThat(new BigDecimal(cells[6])).isEqualByComparingTo(trip.quantity());
            assertThat(new BigDecimal(cells[8])).isEqualByComparingTo(trip.pnl());
        }
        assertThat(out.resolve("report.html")).content().startsWith("<!DOCTYPE html>").contains("<svg ");
    }

    @Test
    void printsTheSummaryAlignedAndWhereTheFilesAre() {
        CliRun run = CliRun.in(dir, "backtest", "--out", "first");

        // the figures are the block after the title's blank line
        List<String> lines = run.out().lines().toList();
        List<String> figures = lines.subList(2, lines.subList(2, lines.size()).indexOf("") + 2);
        assertThat(figures).anySatisfy(l -> assertThat(l).startsWith("  realized PnL (net)"));
        assertThat(figures).anySatisfy(l -> assertThat(l).startsWith("  round trips"));
        int valueColumn = figures.getFirst().indexOf("sma-cross");
        assertThat(figures).allSatisfy(l -> {
            assertThat(l.charAt(valueColumn - 1)).as(l).isEqualTo(' ');
            assertThat(l.charAt(valueColumn)).as(l).isNotEqualTo(' ');
        });
        assertThat(run.out()).contains("wrote " + dir.resolve("first").resolve("summary.json"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void feesCashFillModelAndParametersReachTheEngine() throws IOException {
        CliRun run = CliRun.in(dir, "backtest", "--fee-bps", "0", "--cash", "2500", "--fill-model", "next-open",
                "--param", "fast=5", "--param", "slow=20", "--out", "tuned");
        BacktestResult expected = TradeKit.backtest().bars(DataSets.load("eth-usd-5m")).strategy("sma-cross", Map.of("fast", "5", "slow", "20"))
                .feeBps(BigDecimal.ZERO).cash(new BigDecimal("2500")).fillModel(FillModel.NEXT_OPEN).run();
        BacktestResult defaults = library(DataSets.load("eth-usd-5m")).run();

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = json(dir.resolve("tuned/summary.json"));
        assertThat(summary.get("fees").decimalValue()).isZero();
        assertThat(summary.get("initialCash").decimalValue()).isEqualByComparingTo("2500");
        assertThat(summary.get("roundTrips").asInt()).isEqualTo(expected.roundTrips().size()).isNotEqualTo(defaults.roundTrips().size());
        assertThat(summary.get("finalEquity").decimalValue()).isEqualByComparingTo(expected.finalEquity());
    }

    @Test
    void slippageReachesThePaperExchange() throws IOException {
        CliRun run = CliRun.in(dir, "backtest", "--slippage-bps=5", "--out", "slipped");
        BacktestResult expected = library(DataSets.load("eth-usd-5m")).slippageBps(new BigDecimal("5")).run();
        BacktestResult without = library(DataSets.load("eth-usd-5m")).run();

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = json(dir.resolve("slipped/summary.json"));
        assertThat(summary.get("fills").asInt()).isEqualTo(expected.fills().size());
        assertThat(summary.get("finalEquity").decimalValue()).isEqualByComparingTo(expected.finalEquity());
        // the slip costs money, and an all-in buy is still affordable (sized a tick up), so no order is refused
        assertThat(expected.finalEquity()).isLessThan(without.finalEquity());
        assertThat(expected.ordersDenied()).isZero();
        assertThat(expected.orders()).noneMatch(o -> o.status() == io.tradekit.api.OrderStatus.REJECTED);
    }

    @Test
    void riskLimitFlagsBecomeLimitsAndTheirSafetyEventsAreReported() throws IOException {
        CliRun run = CliRun.in(dir, "backtest", "--max-daily-loss", "100", "--max-drawdown", "0.02", "--out", "limited");
        BacktestResult expected = library(DataSets.load("eth-usd-5m"))
                .risk(RiskLimits.builder().maxDailyLoss(new BigDecimal("100")).maxDrawdown(new BigDecimal("0.02")).build()).run();

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode events = json(dir.resolve("limited/summary.json")).get("safetyEvents");
        assertThat(expected.safetyEvents()).isNotEmpty();
        assertThat(events).hasSize(expected.safetyEvents().size());
        assertThat(events.get(0).get("policy").asText()).isEqualTo(expected.safetyEvents().getFirst().policy());
        assertThat(events.get(0).get("reason").asText()).isEqualTo(expected.safetyEvents().getFirst().reason());
        assertThat(run.out()).contains("safety events:").contains(expected.safetyEvents().getFirst().reason());
    }

    @Test
    void aCsvFileIsReadWithTheSymbolAndTimeframeGiven() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        List<Bar> eth = DataSets.load("eth-usd-5m");
        for (Bar b : eth) {
            csv.append(b.openTime().toEpochMilli()).append(',').append(b.open()).append(',').append(b.high()).append(',')
                    .append(b.low()).append(',').append(b.close()).append(',').append(b.volume()).append('\n');
        }
        Files.writeString(dir.resolve("eth.csv"), csv);

        CliRun run = CliRun.in(dir, "backtest", "--data", "eth.csv", "--symbol", "ETH-USDT", "--timeframe", "5m", "--out", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = json(dir.resolve("csv/summary.json"));
        assertThat(summary.get("symbol").asText()).isEqualTo("ETH-USDT");
        assertThat(summary.get("timeframe").asText()).isEqualTo("5m");
        assertThat(summary.get("realizedPnl").decimalValue()).isEqualByComparingTo(library(eth).run().realizedPnl());
    }

    @Test
    void aMalformedCsvRowExitsWithTwoNamingTheFileAndTheLine() throws IOException {
        Files.writeString(dir.resolve("broken.csv"), "timestamp,open,high,low,close,volume\n1704067200,1,2,0.5,1.5,10\n1704067260,1,2,0.5\n");

        CliRun run = CliRun.in(dir, "backtest", "--data", "broken.csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.csv:3: expected 6 columns").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void unknownNamesExitWithTwoAndListWhatIsKnown() {
        CliRun strategy = CliRun.in(dir, "backtest", "--strategy", "rsi-revert");
        assertThat(strategy.exitCode()).isEqualTo(2);
        assertThat(strategy.err()).contains("unknown strategy 'rsi-revert'").contains("sma-cross").doesNotContain("\tat ");

        CliRun data = CliRun.in(dir, "backtest", "--data", "doge-usd-1m");
        assertThat(data.exitCode()).isEqualTo(2);
        assertThat(data.err()).contains("unknown data set").contains("known data sets: btc-usd-1m, eth-usd-5m");

        CliRun command = CliRun.in(dir, "backtset");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).contains("unknown command 'backtset'; commands: backtest, bench");
    }

    @Test
    void aWrongFlagExitsWithTwoAndSaysWhichAndHow() {
        CliRun unknown = CliRun.in(dir, "backtest", "--fees", "10");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown flag --fees for backtest").contains("--fee-bps").contains("tradekit backtest --help");

        assertThat(CliRun.in(dir, "backtest", "--fee-bps", "ten").err()).contains("--fee-bps is 'ten', not a decimal number");
        assertThat(CliRun.in(dir, "backtest", "--out").err()).contains("--out needs a value (DIR)");
        assertThat(CliRun.in(dir, "backtest", "--param", "fast").err()).contains("--param 'fast' is not KEY=VALUE");
        assertThat(CliRun.in(dir, "backtest", "--fill-model", "mid").err()).contains("fill model 'mid' is unknown; use close or next-open");
        assertThat(CliRun.in(dir, "backtest", "--max-drawdown", "5").err()).contains("write 0.05 for 5 %");
        assertThat(CliRun.in(dir, "backtest", "--cash", "1", "--cash", "2").err()).contains("--cash is given twice");
        assertThat(CliRun.in(dir, "backtest", "eth").exitCode()).isEqualTo(2);
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void helpListsEveryFlagAndExitsWithZero() {
        CliRun help = CliRun.in(dir, "backtest", "--help");

        assertThat(help.exitCode()).isZero();
        for (String flag : List.of("--strategy", "--data", "--out", "--fill-model", "--fee-bps", "--cash", "--slippage-bps", "--param",
                "--plugins", "--symbol", "--timeframe", "--max-daily-loss", "--max-drawdown", "--max-position")) {
            assertThat(help.out()).contains(flag);
        }
        CliRun top = CliRun.in(dir, "--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("backtest").contains("bench");
        assertThat(CliRun.in(dir).exitCode()).isEqualTo(2);
        assertThat(CliRun.in(dir, "bench", "--help").out()).contains("usage: tradekit bench");
    }
}
