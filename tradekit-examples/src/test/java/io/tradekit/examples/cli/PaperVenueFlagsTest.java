package io.tradekit.examples.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Backtest, replay and optimize run the same paper venue: its flags read, default and refuse the same way in each. */
class PaperVenueFlagsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"backtest", "replay", "optimize"})
    void eachCommandDescribesTheVenueFlagsAlike(String command) {
        CliRun help = run(command, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("--fill-model close|next-open")
                .contains("maker and taker fee in basis points (default 10 = 0.1 %)")
                .contains("slippage in basis points on market orders, stop exits included; a limit order never fills worse than its limit");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"backtest", "replay", "optimize"})
    void eachCommandRefusesABadVenueFlagNamingItBeforeRunning(String command) {
        String[] range = command.equals("optimize") ? new String[] {"--param", "fast=5..10"} : new String[0];

        CliRun fillModel = run(concat(new String[] {command, "--fill-model", "mid"}, range));
        CliRun fee = run(concat(new String[] {command, "--fee-bps", "ten"}, range));
        CliRun slippage = run(concat(new String[] {command, "--slippage-bps", "1E+10000000"}, range));

        assertThat(fillModel.exitCode()).isEqualTo(2);
        assertThat(fillModel.err()).contains("--fill-model: fill model 'mid' is unknown; use close or next-open");
        assertThat(fee.exitCode()).isEqualTo(2);
        assertThat(fee.err()).contains("--fee-bps is 'ten', not a decimal number");
        assertThat(slippage.exitCode()).isEqualTo(2);
        assertThat(slippage.err()).contains("--slippage-bps");
        assertThat(dir.resolve("runs")).as("nothing is run or written for a refused flag").doesNotExist();
    }

    /** One run of the command line with the three commands that run a paper venue. */
    private CliRun run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = new TradeKitCli(terminal, List.of(new BacktestCommand(dir), new ReplayCommand(dir), new OptimizeCommand(dir))).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
