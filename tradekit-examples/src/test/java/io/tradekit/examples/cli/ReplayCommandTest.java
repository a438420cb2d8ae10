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
import io.tradekit.examples.data.DataSets;
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
    void aSpeedThatIsNeitherMaxNorAPositiveNumberIsAUsageError() {
        ModeCliRun run = ModeCliRun.in(dir, "replay", "--speed", "fast");

        assertThat(run.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(run.err()).contains("--speed is 'fast', expected max or a positive number of bars per second");
    }
}
