package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The leverage-limit and perpetual-grid flags: listed in the help, checked when the bot is built, errors naming the flag's rule. */
class PerpetualRiskAndGridFlagsTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheFlags() {
        CliRun help = CliRun.in(dir, "backtest", "--help");
        assertThat(help.exitCode()).isZero();
        for (String flag : List.of("--max-leverage", "--min-liquidation-distance", "--min-liquidation-atr", "--perp-mode", "--max-long-contracts",
                "--max-short-contracts")) {
            assertThat(help.out()).contains(flag);
        }
    }

    @Test
    void badValuesAreRefusedNamingTheRule() {
        assertThat(CliRun.in(dir, "backtest", "--max-leverage", "0.5").err()).contains("risk limit 'max-leverage' is '0.5': it must be at least 1");
        assertThat(CliRun.in(dir, "backtest", "--min-liquidation-distance", "10").err())
                .contains("risk limit 'min-liquidation-distance' is '10': it is a fraction and must be in (0, 1)");
        assertThat(CliRun.in(dir, "backtest", "--min-liquidation-atr", "three").err()).contains("--min-liquidation-atr is 'three', not a decimal number");
        assertThat(CliRun.in(dir, "backtest", "--strategy", "grid", "--perp-mode", "sideways").err()).contains("perp-mode");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aSpotRunWithTheLeverageLimitTradesAsWithout() {
        CliRun limited = CliRun.in(dir, "backtest", "--max-leverage", "2", "--min-liquidation-distance", "0.2", "--out", "limited");
        CliRun plain = CliRun.in(dir, "backtest", "--out", "plain");
        assertThat(limited.exitCode()).as(limited.err()).isZero();
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        // A spot position has leverage 1 and nothing to liquidate: the policy is built and lets every order through.
        assertThat(lines(limited.out(), "final equity")).hasSize(1).isEqualTo(lines(plain.out(), "final equity"));
        assertThat(lines(limited.out(), "orders")).isEqualTo(lines(plain.out(), "orders"));
    }

    @Test
    void onAPerpetualTheLeverageCapDeniesEveryEntryAboveIt() throws IOException {
        String[] run = {"backtest", "--strategy", "sma-cross", "--data", "eth-usd-5m", "--market", "perp", "--leverage", "10",
                "--param", "allowShort=true"};
        CliRun free = CliRun.in(dir, concat(run, "--out", "free"));
        CliRun capped = CliRun.in(dir, concat(run, "--max-leverage", "5", "--out", "capped"));
        assertThat(free.exitCode()).as(free.err()).isZero();
        assertThat(capped.exitCode()).as(capped.err()).isZero();
        JsonNode freeSummary = json(dir.resolve("free/summary.json"));
        JsonNode cappedSummary = json(dir.resolve("capped/summary.json"));
        assertThat(freeSummary.get("roundTrips").asInt()).isPositive();
        // Every entry is opened at leverage 10, at any size: each is refused, so nothing trades.
        assertThat(cappedSummary.get("roundTrips").asInt()).isZero();
        assertThat(cappedSummary.get("ordersDenied").asInt()).isPositive();
    }

    @Test
    void gridFlagsForAPerpetualAreRefusedOnSpot() {
        CliRun spot = CliRun.in(dir, "backtest", "--strategy", "grid", "--perp-mode", "short-only", "--out", "spot");
        assertThat(spot.exitCode()).isNotZero();
        assertThat(spot.err()).contains("grid: 'perp-mode', 'max-long-contracts' and 'max-short-contracts' apply to a perpetual");
        CliRun perp = CliRun.in(dir, "backtest", "--strategy", "grid", "--market", "perp", "--leverage", "2", "--perp-mode", "short-only",
                "--max-short-contracts", "1", "--out", "perp");
        assertThat(perp.exitCode()).as(perp.err()).isZero();
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static List<String> lines(String out, String containing) {
        return out.lines().filter(l -> l.contains(containing)).toList();
    }
}
