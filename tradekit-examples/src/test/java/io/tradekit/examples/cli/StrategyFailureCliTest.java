package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.data.DataSets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for a strategy that throws, through the real command line: the run's figures are written, the
 * failure (strategy, callback, bar, error) is in the printed report, summary.json and report.html, and
 * the command exits 1 — in backtest and in replay alike.
 */
class StrategyFailureCliTest {

    /** Buys at the 10th bar and throws at the 30th: the bot pauses there and the data runs out paused. */
    static final String THROWS_AT_THIRTY = """
            package acme;

            import io.tradekit.api.Bar;
            import io.tradekit.api.Params;
            import io.tradekit.api.Signal;
            import io.tradekit.api.spi.Strategy;
            import io.tradekit.api.spi.StrategyContext;
            import io.tradekit.api.spi.StrategyProvider;

            public final class ThrowsAtThirty implements StrategyProvider {
                public String name() { return "throws-at-thirty"; }

                public Strategy create(Params params) {
                    return new Strategy() {
                        private long bars;

                        public void onBar(Bar bar, StrategyContext ctx) {
                            long n = bars++;
                            if (n == 10) ctx.signal(Signal.BUY);
                            if (n == 30) throw new IllegalStateException("no model for this market");
                        }
                    };
                }
            }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void plugin() throws IOException {
        PluginJarTest.buildPluginJar(dir, "ThrowsAtThirty", THROWS_AT_THIRTY);
    }

    @Test
    void aBacktestThatEndsOnAStrategyFailureSaysSoEverywhereAndExitsOne() throws IOException {
        ModeCliRun run = ModeCliRun.in(dir, "backtest", "--plugins", "plugins", "--strategy", "throws-at-thirty",
                "--data", "eth-usd-5m", "--out", "bt");

        assertFailureReported(run, dir.resolve("bt"));
    }

    @Test
    void aReplayThatEndsOnAStrategyFailureSaysSoEverywhereAndExitsOne() throws IOException {
        ModeCliRun run = ModeCliRun.in(dir, "replay", "--plugins", "plugins", "--strategy", "throws-at-thirty",
                "--data", "eth-usd-5m", "--speed", "max", "--db", "rp/bot.db", "--out", "rp");

        assertFailureReported(run, dir.resolve("rp"));
    }

    private static void assertFailureReported(ModeCliRun run, Path out) throws IOException {
        List<Bar> bars = DataSets.load("eth-usd-5m");
        String bar30 = bars.get(30).closeTime().toString();
        String line = "strategy throws-at-thirty failed in onBar at the bar closing " + bar30;

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("the run ended on a strategy failure: " + line).doesNotContain("\tat ");
        assertThat(run.out()).contains("the run ended on a strategy failure: " + line);

        JsonNode failure = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("strategyFailure");
        assertThat(failure.get("strategy").asText()).isEqualTo("throws-at-thirty");
        assertThat(failure.get("callback").asText()).isEqualTo("onBar");
        assertThat(failure.get("barTime").asText()).isEqualTo(bar30);
        assertThat(failure.get("error").asText()).contains("no model for this market");
        assertThat(Files.readString(out.resolve("report.html"))).contains("The run ended on a strategy failure").contains(bar30);
        // The bot bought at bar 10 and still holds it: the figures of the run up to the failure are kept.
        assertThat(Files.readAllLines(out.resolve("trades.csv"))).hasSize(1);
    }
}
