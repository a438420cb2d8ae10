package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;
import io.tradekit.core.TradeKit;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import io.tradekit.data.DataSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay command: the live engine over a data set ends where the backtest does, and a second run on its journal resumes with nothing left to do. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(file.toFile());
    }

    private record Journal(List<Order> orders, List<Fill> fills, List<Fill> venueFills) {
        static Journal of(Path db) {
            try (SqliteStateStore bot = StateStores.sqlite(db); SqliteStateStore venue = StateStores.sqlite(Replay.paperBookFor(db))) {
                return new Journal(bot.orders(), bot.fills(), venue.fills());
            }
        }
    }

    @Test
    void replayWritesTheBacktestsSummaryAndASecondRunOnItsJournalResumesWithNothingNew() throws IOException {
        BacktestResult backtest = TradeKit.backtest().bars(DataSets.load("eth-usd-5m")).strategy("sma-cross", Map.of()).run();

        ModeCliRun first = ModeCliRun.in(dir, "replay", "--strategy", "sma-cross", "--data", "eth-usd-5m", "--db", "runs/r1/bot.db",
                "--out", "runs/r1");

        assertThat(first.exitCode()).as(first.err()).isZero();
        Path out = dir.resolve("runs/r1");
        JsonNode summary = json(out.resolve("summary.json"));
        assertThat(summary.get("strategy").asText()).isEqualTo("sma-cross");
        assertThat(summary.get("orders").asInt()).isEqualTo(backtest.orders().size()).isPositive();
        assertThat(summary.get("fills").asInt()).isEqualTo(backtest.fills().size());
        assertThat(summary.get("roundTrips").asInt()).isEqualTo(backtest.roundTrips().size());
        assertThat(summary.get("fees").decimalValue()).isEqualByComparingTo(backtest.fees());
        assertThat(summary.get("realizedPnl").decimalValue()).isEqualByComparingTo(backtest.realizedPnl());
        assertThat(summary.get("finalEquity").decimalValue()).isEqualByComparingTo(backtest.finalEquity());
        assertThat(out.resolve("trades.csv")).content().hasLineCount(1 + backtest.roundTrips().size());
        assertThat(out.resolve("report.html")).content().startsWith("<!DOCTYPE html>");
        assertThat(first.out()).startsWith("replay sma-cross on ETH-USD 5m (eth-usd-5m)").contains("final equity");
        Journal afterFirst = Journal.of(dir.resolve("runs/r1/bot.db"));
        assertThat(afterFirst.orders()).hasSize(backtest.orders().size());
        assertThat(afterFirst.venueFills()).hasSameSizeAs(afterFirst.fills());

        ModeCliRun second = ModeCliRun.in(dir, "replay", "--strategy", "sma-cross", "--data", "eth-usd-5m", "--db", "runs/r1/bot.db",
                "--out", "runs/r1");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("resuming from the journal");
        Journal afterSecond = Journal.of(dir.resolve("runs/r1/bot.db"));
        assertThat(afterSecond.orders()).as("no order sent again").isEqualTo(afterFirst.orders());
        assertThat(afterSecond.fills()).as("no fill applied again").isEqualTo(afterFirst.fills());
        assertThat(afterSecond.venueFills()).as("the paper venue traded nothing new").isEqualTo(afterFirst.venueFills());
        JsonNode resumed = json(out.resolve("summary.json"));
        for (String figure : List.of("orders", "fills", "roundTrips", "fees", "realizedPnl", "finalEquity")) {
            assertThat(resumed.get(figure).decimalValue()).as(figure).isEqualByComparingTo(summary.get(figure).decimalValue());
        }
    }

    @Test
    void aResumeWithOtherStrategyParametersOrVenueTermsIsRefusedNamingTheDifferenceAndTradesNothing() throws IOException {
        ModeCliRun first = ModeCliRun.in(dir, "replay", "--strategy", "sma-cross", "--param", "fast=5", "--param", "slow=20",
                "--data", "eth-usd-5m", "--db", "runs/r/bot.db", "--out", "runs/r");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Journal before = Journal.of(dir.resolve("runs/r/bot.db"));

        ModeCliRun otherParam = ModeCliRun.in(dir, "replay", "--strategy", "sma-cross", "--param", "fast=6", "--param", "slow=20",
                "--data", "eth-usd-5m", "--db", "runs/r/bot.db", "--out", "runs/other");
        ModeCliRun otherFee = ModeCliRun.in(dir, "replay", "--strategy", "sma-cross", "--param", "fast=5", "--param", "slow=20",
                "--fee-bps", "25", "--fill-model", "next-open", "--data", "eth-usd-5m", "--db", "runs/r/bot.db", "--out", "runs/other");

        assertThat(otherParam.exitCode()).isEqualTo(2);
        assertThat(otherParam.err()).contains("strategy parameters are {fast=5, slow=20} in the journal but {fast=6, slow=20} now")
                .doesNotContain("\tat ");
        assertThat(otherFee.exitCode()).isEqualTo(2);
        assertThat(otherFee.err()).contains("in the journal but").contains("takerFeeBps=10").contains("takerFeeBps=25")
                .contains("fillModel=CLOSE").contains("fillModel=NEXT_OPEN").doesNotContain("\tat ");
        assertThat(dir.resolve("runs/other")).doesNotExist();
        Journal after = Journal.of(dir.resolve("runs/r/bot.db"));
        assertThat(after.orders()).as("the refused runs sent nothing").isEqualTo(before.orders());
        assertThat(after.venueFills()).isEqualTo(before.venueFills());
    }

    @Test
    void replayListsTheSafetyEventsOfItsJournalAsTheBacktestDoesAndKeepsThemAfterAResume() throws IOException {
        ModeCliRun backtest = ModeCliRun.in(dir, "backtest", "--max-drawdown", "0.01", "--out", "runs/b");
        ModeCliRun replay = ModeCliRun.in(dir, "replay", "--max-drawdown", "0.01", "--db", "runs/r/bot.db", "--out", "runs/r");

        assertThat(backtest.exitCode()).as(backtest.err()).isZero();
        JsonNode expected = json(dir.resolve("runs/b/summary.json")).get("safetyEvents");
        // sma-cross on eth-usd-5m falls 1.08 % from its peak on the evening of 13 March
        assertThat(expected).hasSize(1);
        assertThat(expected.get(0).get("policy").asText()).isEqualTo("max-drawdown");
        assertThat(expected.get(0).get("action").asText()).isEqualTo("EMERGENCY_STOP");
        assertThat(json(dir.resolve("runs/r/summary.json")).get("safetyEvents")).as(replay.err()).isEqualTo(expected);
        assertThat(replay.out()).contains("max-drawdown  EMERGENCY_STOP").doesNotContain("safety events: none");
        assertThat(dir.resolve("runs/r/report.html")).content().contains("reached max-drawdown 0.01");

        ModeCliRun resumed = ModeCliRun.in(dir, "replay", "--max-drawdown", "0.01", "--db", "runs/r/bot.db", "--out", "runs/r");

        assertThat(resumed.err()).contains("resuming from the journal");
        assertThat(json(dir.resolve("runs/r/summary.json")).get("safetyEvents")).as("the first run's stop, listed once").isEqualTo(expected);
    }

    @Test
    void aReplayOfTheGridHasTheGridSectionAndTheTradersFigures() throws IOException {
        // 300 one-minute bars swinging between 95 and 105 every 40 minutes: a grid 1 % apart trades both ways
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double previous = 100;
        for (int i = 0; i < 300; i++) {
            double close = 100 + 5 * Math.sin(2 * Math.PI * i / 40.0);
            csv.append(1_700_000_000L + 60L * i).append(',').append(String.format(java.util.Locale.ROOT, "%.2f,%.2f,%.2f,%.2f", previous,
                    Math.max(previous, close) + 0.1, Math.min(previous, close) - 0.1, close)).append(",10\n");
            previous = close;
        }
        java.nio.file.Files.writeString(dir.resolve("swing.csv"), csv);

        ModeCliRun run = ModeCliRun.in(dir, "replay", "--strategy", "grid", "--data", "swing.csv", "--param", "spacing=1",
                "--param", "levels=4", "--out", "runs/g");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = json(dir.resolve("runs/g/summary.json"));
        assertThat(summary.get("grid").get("roundTrips").asInt()).isPositive();
        assertThat(summary.get("grid").get("levels").asInt()).isEqualTo(9);
        assertThat(summary.get("profitFactor")).isNotNull();
        assertThat(summary.get("exitReasons").get("SIGNAL").asInt()).isEqualTo(summary.get("roundTrips").asInt());
        assertThat(summary.get("buyAndHoldReturnPct")).isNotNull();
        assertThat(run.out()).contains("grid:").contains("grid round trips");
        assertThat(dir.resolve("runs/g/report.html")).content().contains("Price, grid levels and fills").doesNotContain("<h2>Price and fills</h2>");
    }

    @Test
    void aSpeedThatIsNeitherMaxNorAPositiveNumberIsAUsageError() {
        ModeCliRun run = ModeCliRun.in(dir, "replay", "--speed", "fast");

        assertThat(run.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(run.err()).contains("--speed is 'fast', expected max or a positive number of bars per second");
    }
}
