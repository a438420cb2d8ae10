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
}
