package io.tradekit.examples.cli;

import io.tradekit.api.Bar;
import io.tradekit.data.DataSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of {@code simulate} that run before it listens: its command line, the venue's symbol and the bars moved to now. */
class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void theVenueIsRequiredAndOnlyBinanceAndBybitAreKnown() {
        ModeCliRun none = ModeCliRun.in(dir, "simulate", "--data", "eth-usd-5m");
        ModeCliRun other = ModeCliRun.in(dir, "simulate", "coinbase");
        ModeCliRun badPort = ModeCliRun.in(dir, "simulate", "binance", "--port", "-1");

        assertThat(none.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(none.err()).contains("simulate needs a venue: simulate binance|bybit|kraken [flags]");
        assertThat(other.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(other.err()).contains("simulate: unknown venue 'coinbase'; venues: binance, bybit, kraken");
        assertThat(badPort.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(badPort.err()).contains("--port is '-1', expected a whole number of at least 0");
    }

    @Test
    void aDataSetsSymbolBecomesBinancesSpelling() {
        assertThat(SimulateCommand.venueSymbol("ETH-USD")).isEqualTo("ETHUSDT");
        assertThat(SimulateCommand.venueSymbol("btc/eur")).isEqualTo("BTCEUR");
        assertThat(SimulateCommand.venueSymbol("ETHUSDT")).isEqualTo("ETHUSDT");
    }

    @Test
    void theBarsAreMovedSoThatTheLastInitialBarClosesAtTheStartOfThisPeriod() {
        List<Bar> bars = DataSets.load("eth-usd-5m").subList(0, 50);
        Instant now = Instant.parse("2026-01-05T10:07:31Z");

        List<Bar> moved = SimulateCommand.retimed(bars, "ETHUSDT", 20, now);

        assertThat(moved.get(19).closeTime()).isEqualTo(Instant.parse("2026-01-05T10:05:00Z"));
        assertThat(moved).hasSameSizeAs(bars).allSatisfy(b -> assertThat(b.symbol()).isEqualTo("ETHUSDT"));
        for (int i = 0; i < bars.size(); i++) {
            assertThat(Duration.between(bars.get(i).openTime(), moved.get(i).openTime()))
                    .isEqualTo(Duration.between(bars.get(19).closeTime(), moved.get(19).closeTime()));
            assertThat(moved.get(i).close()).isEqualTo(bars.get(i).close());
        }
    }

    /**
     * {@code --steps stdin}: the data is moved so that its last bar closes now, a bar closes per {@code step} line (answered
     * with its close time), {@code trades} and {@code orders} answer the venue's counts, and the end of the input ends it.
     */
    @Test
    void onStdinABarClosesPerStepLineAndTheInputsEndEndsTheSimulator() throws Exception {
        java.io.ByteArrayInputStream commands = new java.io.ByteArrayInputStream("step\nstep\ntrades\norders\nwhat\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Terminal terminal = new Terminal(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        Instant before = Instant.now();

        int exit = new SimulateCommand(dir, commands).run(List.of("binance", "--data", "eth-usd-5m", "--steps", "stdin", "--initial-bars", "100"),
                terminal);

        String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(printed).contains("100 closed before the start, one more for each 'step' on standard input").contains("stepping on command");
        List<Instant> closes = printed.lines().filter(l -> l.startsWith("closed ") || l.startsWith("last bar closed "))
                .map(l -> Instant.parse(l.substring(l.lastIndexOf(' ') + 1))).toList();
        // The 100th bar, then the 101st and 102nd: five minutes apart, all closed before the simulator started (the data's last closes now).
        assertThat(closes).hasSize(3);
        assertThat(closes.get(1)).isEqualTo(closes.get(0).plus(Duration.ofMinutes(5)));
        assertThat(closes.get(2)).isEqualTo(closes.get(1).plus(Duration.ofMinutes(5)));
        assertThat(closes.get(2)).isBefore(before);
        assertThat(printed).contains("\ntrades 0\n").contains("\nnew-order requests {}\n");
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("unknown command 'what'; commands: step, fill, close, trades, orders");
    }

    @Test
    void stepsOnStdinAreBinancesOnly() {
        ModeCliRun bybit = ModeCliRun.in(dir, "simulate", "bybit", "--data", "eth-usd-5m", "--steps", "stdin");
        ModeCliRun bad = ModeCliRun.in(dir, "simulate", "binance", "--data", "eth-usd-5m", "--steps", "sometimes");

        assertThat(bybit.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(bybit.err()).contains("--steps stdin is for simulate binance only");
        assertThat(bad.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(bad.err()).contains("--steps is 'sometimes', expected timer or stdin");
    }
}
