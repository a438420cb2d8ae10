package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the picocli-based command line adds: suggestions, --version, --timerange, a new directory per run. */
class CommandLineConveniencesTest {

    @TempDir
    Path dir;

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = new TradeKitCli(terminal, List.of(new BacktestCommand(dir, NOON), new ReplayCommand(dir), new BenchCommand())).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void aMistypedFlagOrCommandIsAnsweredWithTheNearestKnownOne() {
        Run flag = run("backtest", "--fee-bsp", "5");
        assertThat(flag.exitCode()).isEqualTo(2);
        assertThat(flag.err()).contains("unknown flag --fee-bsp for backtest; did you mean --fee-bps?");

        Run command = run("replya");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).contains("unknown command 'replya'; commands: backtest, replay, bench; did you mean replay?");

        Run nothingNear = run("backtest", "--zzzzzz");
        assertThat(nothingNear.err()).contains("unknown flag --zzzzzz for backtest; known flags: --help, --strategy");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void helpListsExactlyTheFlagsTheParserAccepts() {
        String help = run("backtest", "--help").out();
        for (String line : help.lines().filter(l -> l.startsWith("  --")).toList()) {
            String flag = line.trim().split("\\s+")[0];
            Run given = run("backtest", flag + "=x", "--help");
            // a switch refuses a value, a flag takes it; neither is "unknown"
            assertThat(given.err()).as(flag).doesNotContain("unknown flag");
        }
        assertThat(help).contains("--timerange FROM..TO");
    }

    @Test
    void versionIsPrinted() {
        Run version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("tradekit ");
    }

    @Test
    void timerangeKeepsOnlyTheBarsInsideIt() throws IOException {
        // eth-usd-5m spans 13-15 March 2023; the whole of 14 March is 24 h x 12 bars = 288 five-minute bars
        Run day = run("backtest", "--timerange", "2023-03-14..2023-03-15", "--out", "day");
        assertThat(day.exitCode()).as(day.err()).isZero();
        JsonNode summary = json(dir.resolve("day/summary.json"));
        assertThat(summary.get("bars").asInt()).isEqualTo(288);
        assertThat(summary.get("start").asText()).isEqualTo("2023-03-14T00:05:00Z"); // the first bar's close
        assertThat(summary.get("end").asText()).isEqualTo("2023-03-15T00:00:00Z");

        // an open end: from 15 March 12:00 to the data's last bar (18:20 close) = 6 h 20 min = 76 bars
        Run tail = run("backtest", "--timerange", "2023-03-15T12:00:00Z..", "--out", "tail");
        assertThat(tail.exitCode()).as(tail.err()).isZero();
        assertThat(json(dir.resolve("tail/summary.json")).get("bars").asInt()).isEqualTo(76);

        Run outside = run("backtest", "--timerange", "2024-01-01..", "--out", "none");
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err()).contains("--timerange 2024-01-01T00:00:00Z.. holds none of the data's bars")
                .contains("2023-03-13T18:00:00Z");
        assertThat(run("backtest", "--timerange", "yesterday").err()).contains("expected FROM..TO");
        assertThat(run("backtest", "--timerange", "2023-03-15..2023-03-14").err()).contains("is not before TO");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void eachBacktestWithoutOutGetsANewDirectory() throws IOException {
        assertThat(run("backtest", "--timerange", "2023-03-14..2023-03-15").exitCode()).isZero();
        assertThat(run("backtest", "--timerange", "2023-03-14..2023-03-15").exitCode()).isZero();
        try (var runs = Files.list(dir.resolve("runs"))) {
            assertThat(runs.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("sma-cross-eth-usd-5m-20261203-120000", "sma-cross-eth-usd-5m-20261203-120000-2");
        }
    }

    @Test
    void aReplayWithoutOutKeepsOneDirectoryPerStrategyAndDataSoItCanResume() throws IOException {
        Run first = run("replay", "--timerange", "2023-03-14..2023-03-15");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path out = dir.resolve("runs/replay-sma-cross-eth-usd-5m");
        assertThat(out.resolve("bot.db")).exists();
        assertThat(json(out.resolve("summary.json")).get("bars").asInt()).isEqualTo(288);
        Run again = run("replay", "--timerange", "2023-03-14..2023-03-15");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("resuming from the journal");
    }
}
