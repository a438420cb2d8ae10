package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Fill;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real command line and the real engine: {@code replay --speed max}, run twice, and
 * {@code backtest} with the same flags give the same fills, round trips, realized PnL and final equity,
 * and no order ever waits for an answer long enough to be looked up.
 */
class ReplayEqualsBacktestTest {

    @TempDir
    Path dir;

    @Test
    void smaCrossOnEthReplaysFillForFillAsItsBacktestWithStopsAndNextOpen() throws IOException {
        assertReplaysEqualBacktest("sma-cross", "eth-usd-5m", "--fill-model", "next-open", "--fee-bps", "10", "--slippage-bps", "5",
                "--stop-loss", "0.01", "--take-profit-rr", "2");
    }

    @Test
    void gridOnBtcReplaysFillForFillAsItsBacktest() throws IOException {
        assertReplaysEqualBacktest("grid", "btc-usd-1m", "--fee-bps", "10");
    }

    @Test
    void aPerpetualSmaCrossWithShortsReplaysFillForFillAsItsBacktestWithTheSameFunding() throws IOException {
        assertReplaysEqualBacktest("sma-cross", "eth-usd-5m", "--market", "perp", "--leverage", "3", "--param", "allowShort=true",
                "--funding-rate", "0.0001");
    }

    private void assertReplaysEqualBacktest(String strategy, String data, String... flags) throws IOException {
        CliRunOut backtest = run("backtest", "b", strategy, data, flags);
        CliRunOut first = run("replay", "r1", strategy, data, flags);
        CliRunOut second = run("replay", "r2", strategy, data, flags);

        JsonNode b = backtest.summary();
        assertThat(b.get("fills").asInt()).isPositive();
        for (CliRunOut replay : List.of(first, second)) {
            JsonNode r = replay.summary();
            for (String figure : List.of("orders", "fills", "roundTrips")) {
                assertThat(r.get(figure).asInt()).as(replay.name + " " + figure).isEqualTo(b.get(figure).asInt());
            }
            for (String money : List.of("fees", "realizedPnl", "finalEquity")) {
                assertThat(r.get(money).decimalValue()).as(replay.name + " " + money).isEqualByComparingTo(b.get(money).decimalValue());
            }
            if (b.has("perpetual")) assertThat(r.get("perpetual")).as(replay.name + " perpetual").isEqualTo(b.get("perpetual"));
            assertThat(replay.out.resolve("trades.csv")).as(replay.name + " trades").hasSameTextualContentAs(backtest.out.resolve("trades.csv"));
            assertThat(replay.err).doesNotContain("no answer within");
            try (SqliteStateStore journal = StateStores.sqlite(replay.out.resolve("bot.db"))) {
                List<AuditEvent> events = journal.eventsSince(Instant.EPOCH);
                assertThat(events).extracting(AuditEvent::reason).noneMatch(reason -> reason.contains("no answer within"));
            }
        }
        assertThat(fillsOf(first)).isEqualTo(fillsOf(second)).hasSize(b.get("fills").asInt());
    }

    /** Each fill as the venue made it, without the ids: side, price, quantity, fee, time. */
    private static List<String> fillsOf(CliRunOut replay) {
        try (SqliteStateStore journal = StateStores.sqlite(replay.out.resolve("bot.db"))) {
            List<String> out = new ArrayList<>();
            for (Fill f : journal.fills()) {
                out.add(f.side() + " " + f.price().stripTrailingZeros().toPlainString() + " " + f.quantity().stripTrailingZeros().toPlainString()
                        + " " + f.fee().stripTrailingZeros().toPlainString() + " " + f.time());
            }
            return out;
        }
    }

    private record CliRunOut(String name, Path out, String err) {
        JsonNode summary() throws IOException {
            return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(out.resolve("summary.json").toFile());
        }
    }

    private CliRunOut run(String command, String name, String strategy, String data, String... flags) {
        List<String> args = new ArrayList<>(List.of(command, "--strategy", strategy, "--data", data, "--out", name));
        if (command.equals("replay")) args.addAll(List.of("--speed", "max"));
        args.addAll(List.of(flags));
        ModeCliRun run = ModeCliRun.in(dir, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
        assertThat(Files.exists(dir.resolve(name).resolve("summary.json"))).isTrue();
        return new CliRunOut(name, dir.resolve(name), run.err());
    }
}
