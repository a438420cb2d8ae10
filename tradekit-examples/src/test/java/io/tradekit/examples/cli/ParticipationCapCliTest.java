package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import io.tradekit.data.DataSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --participation-cap FRACTION} on {@code backtest} and {@code replay}: it reaches the paper venue (the library
 * run with the same cap is the oracle), replay and backtest agree under it, and a value that is not a fraction of a bar's
 * volume is refused naming the flag.
 */
class ParticipationCapCliTest {

    private static final String CAP = "0.001";

    @TempDir
    Path dir;

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(file.toFile());
    }

    @Test
    void theCapSplitsOrdersIntoPartialFillsInBacktestAndReplayAlike() throws IOException {
        ModeCliRun backtest = ModeCliRun.in(dir, "backtest", "--participation-cap", CAP, "--out", "capped");
        ModeCliRun replay = ModeCliRun.in(dir, "replay", "--participation-cap", CAP, "--out", "replayed");
        BacktestResult expected = TradeKit.backtest().bars(DataSets.load("eth-usd-5m")).strategy("sma-cross", Map.of())
                .participationCap(new BigDecimal(CAP)).run();
        BacktestResult uncapped = TradeKit.backtest().bars(DataSets.load("eth-usd-5m")).strategy("sma-cross", Map.of()).run();

        assertThat(backtest.exitCode()).as(backtest.err()).isZero();
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        // An all-in entry of some 6 ETH is more than 0.1 % of a 5-minute bar's volume: it fills over several bars.
        assertThat(expected.fills().size()).isGreaterThan(uncapped.fills().size());
        assertThat(expected.roundTrips()).isNotEmpty();
        for (JsonNode summary : List.of(json(dir.resolve("capped/summary.json")), json(dir.resolve("replayed/summary.json")))) {
            assertThat(summary.get("orders").asInt()).isEqualTo(expected.orders().size());
            assertThat(summary.get("fills").asInt()).isEqualTo(expected.fills().size());
            assertThat(summary.get("roundTrips").asInt()).isEqualTo(expected.roundTrips().size());
            assertThat(summary.get("realizedPnl").decimalValue()).isEqualByComparingTo(expected.realizedPnl());
            assertThat(summary.get("finalEquity").decimalValue()).isEqualByComparingTo(expected.finalEquity());
        }
    }

    @Test
    void aValueThatIsNotAFractionOfTheVolumeIsRefusedNamingTheFlag() throws IOException {
        for (String command : List.of("backtest", "replay")) {
            for (String bad : List.of("0", "-0.1", "1.5")) {
                ModeCliRun run = ModeCliRun.in(dir, command, "--participation-cap", bad, "--out", "bad");
                assertThat(run.exitCode()).as(command + " " + bad + "; err: " + run.err()).isEqualTo(TradeKitCli.BAD_INPUT);
                assertThat(run.err()).contains("--participation-cap is " + bad + ", expected a fraction of each bar's volume above 0 and at most 1")
                        .doesNotContain("\tat ");
            }
            ModeCliRun words = ModeCliRun.in(dir, command, "--participation-cap", "half", "--out", "bad");
            assertThat(words.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
            assertThat(words.err()).contains("--participation-cap is 'half', not a decimal number");
            ModeCliRun huge = ModeCliRun.in(dir, command, "--participation-cap", "1E-999999999", "--out", "bad");
            assertThat(huge.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
            assertThat(huge.err()).contains("--participation-cap is '1E-999999999', out of range");
        }
        assertThat(Files.exists(dir.resolve("bad"))).as("nothing written for a refused run").isFalse();
    }

    @Test
    void helpListsTheFlagOnBothCommands() {
        for (String command : List.of("backtest", "replay")) {
            ModeCliRun run = ModeCliRun.in(dir, command, "--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("--participation-cap FRACTION");
        }
    }
}
