package io.tradekit.examples.cli;

import io.tradekit.binance.sim.BinanceSimulator;
import io.tradekit.data.DataSets;
import io.tradekit.examples.modes.BinanceOnLoopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code paper}, {@code dry-run} and {@code live} commands in process, against the Binance simulator
 * stepping on a timer: they run for the bars asked, print what the bot does and the summary, and write the
 * report; a configuration a mode cannot use exits 2 before anything connects, naming each field.
 */
class SessionCommandTest {

    @TempDir
    Path dir;

    private BinanceSimulator sim;

    @AfterEach
    void closeSimulator() {
        if (sim != null) sim.close();
    }

    /** The simulator over ETHUSDT 5-minute bars from March 2023, one bar every 60 ms. */
    private BinanceSimulator startSimulator() {
        sim = BinanceSimulator.start(BinanceOnLoopback.ownAccount(BinanceSimulator.Options.of(0,
                DataSets.load("eth-usd-5m", Optional.of("ETHUSDT"), Optional.empty()).subList(300, 400)).withInitialBars(12)));
        // Bars close only once the bot listens: a cold CLI start on a loaded machine must not find the data used up.
        BinanceSimulator started = sim;
        Thread.ofVirtual().name("step-when-subscribed").start(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (started.klineSubscribers() == 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            started.stepEvery(Duration.ofMillis(60));
        });
        return sim;
    }

    private Map<String, String> credentials() {
        return Map.of("TRADEKIT_BINANCE_API_KEY", sim.credentials().apiKey(), "TRADEKIT_BINANCE_API_SECRET", sim.credentials().secret());
    }

    private void writeConfig(String restUrl, String wsUrl, String extra) throws IOException {
        Files.writeString(dir.resolve("bot.json"), """
                {"name": "eth-sma",
                 "exchange": {"name": "binance", "settings": {"restUrl": "%s", "streamUrl": "%s", "wsApiUrl": "%s/ws-api/v3"}},
                 "symbol": "ETHUSDT", "timeframe": "5m",
                 "strategy": {"name": "sma-cross", "params": {"fast": 2, "slow": 5}},
                 "sizing": {"fractionOfEquity": 0.5},
                 "store": {"path": "state/bot.db"}, "out": "reports",
                 "engine": {"staleAfter": "P36500D"}%s}""".formatted(restUrl, wsUrl, wsUrl, extra));
    }

    private void writeConfig(String extra) throws IOException {
        writeConfig(sim.restUrl(), sim.streamUrl(), extra);
    }

    @Test
    void paperRunsForTheBarsAskedPrintsItsFillsAndWritesTheReport() throws IOException {
        startSimulator();
        writeConfig("");

        ModeCliRun run = ModeCliRun.in(dir, "paper", "--config", "bot.json", "--bars", "12", "--for", "PT30S");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("paper sma-cross on ETHUSDT 5m (binance): starting; journal " + dir.resolve("state/bot-paper.db") + "\n")
                .contains("\nrunning for 12 bars or PT30S (or until stopped)\n")
                .contains("state       STARTING -> RUNNING").contains("fill        BUY ")
                .contains("paper sma-cross on ETHUSDT 5m (binance)\n").contains("final equity").contains("wrote " + dir.resolve("reports/paper/summary.json"));
        assertThat(dir.resolve("reports/paper/summary.json")).content().contains("\"buyAndHoldReturnPct\"").contains("\"returnsByDay\"");
        assertThat(dir.resolve("reports/paper/report.html")).content().startsWith("<!DOCTYPE html>");
        assertThat(dir.resolve("state/bot-paper.db")).exists();
        assertThat(sim.requests("POST", "/api/v3/order")).isZero();
    }

    @Test
    void dryRunPrintsEachOrderItWouldSendAndSendsNone() throws IOException {
        startSimulator();
        writeConfig("");

        ModeCliRun run = ModeCliRun.in(dir, credentials(), "dry-run", "--config", "bot.json", "--bars", "16", "--for", "PT30S");

        assertThat(run.exitCode()).as(run.err()).isZero();
        long printed = run.out().lines().filter(l -> l.startsWith("would send  ")).count();
        assertThat(printed).as("the strategy wanted to trade").isPositive();
        assertThat(Files.readAllLines(dir.resolve("reports/dry-run/would-be-orders.jsonl"))).hasSize((int) printed);
        assertThat(run.out()).contains("(" + printed + " would-be orders; none was sent)").doesNotContain("fill        ");
        assertThat(sim.requests("POST", "/api/v3/order")).isZero();
        assertThat(sim.orders()).isEmpty();
    }

    @Test
    void liveTradesThroughTheAdapterOnceConfirmedByTheFlag() throws IOException {
        startSimulator();
        writeConfig(", \"risk\": {\"max-daily-loss\": 1000}");

        ModeCliRun refused = ModeCliRun.in(dir, credentials(), "live", "--config", "bot.json", "--bars", "12");
        ModeCliRun run = ModeCliRun.in(dir, credentials(), "live", "--config", "bot.json", "--bars", "12", "--for", "PT30S", "--yes-really-live");

        assertThat(refused.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(refused.err()).isEqualTo("tradekit live: " + dir.resolve("bot.json") + ": confirmLive: live mode trades real money and needs an "
                + "explicit confirmation: set \"confirmLive\": true in the file or pass --yes-really-live\n");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("fill        BUY ").contains("live sma-cross on ETHUSDT 5m (binance)\n");
        assertThat(sim.orders()).as("the orders reached the venue").isNotEmpty();
        assertThat(dir.resolve("reports/live/summary.json")).exists();
        assertThat(dir.resolve("state/bot.db")).exists();
    }

    @Test
    void liveWithoutCredentialsALossLimitOrAConfirmationExitsTwoNamingEachField() throws IOException {
        writeConfig("http://127.0.0.1:9", "ws://127.0.0.1:9", "");

        ModeCliRun run = ModeCliRun.in(dir, "live", "--config", "bot.json");

        assertThat(run.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(run.err()).startsWith("tradekit live: " + dir.resolve("bot.json") + " has 3 problems:\n")
                .contains("\n  exchange.apiKey: missing: live reads the account").contains("\n  risk: live trading needs a loss limit")
                .contains("\n  confirmLive: live mode trades real money");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("state")).as("nothing started").doesNotExist();
    }

    @Test
    void aFileWithAnUnknownFieldOrABadSettingExitsTwoNamingIt() throws IOException {
        writeConfig("http://127.0.0.1:9", "ws://127.0.0.1:9", ", \"symbols\": [\"BTCUSDT\"]");
        ModeCliRun unknown = ModeCliRun.in(dir, "paper", "--config", "bot.json");
        writeConfig("ftp://127.0.0.1:9", "ws://127.0.0.1:9", "");
        ModeCliRun badUrl = ModeCliRun.in(dir, "paper", "--config", "bot.json");

        assertThat(unknown.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(unknown.err()).contains("symbols: unknown field; the fields known at the top level are ");
        assertThat(badUrl.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(badUrl.err()).contains("exchange.settings.restUrl: binance: parameter 'restUrl' is 'ftp://127.0.0.1:9', expected a URL with scheme http or https");
    }

    @Test
    void withoutAConfigurationFileTheCommandIsAUsageError() {
        ModeCliRun missingFlag = ModeCliRun.in(dir, "dry-run");
        ModeCliRun missingFile = ModeCliRun.in(dir, "dry-run", "--config", "nope.json");

        assertThat(missingFlag.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(missingFlag.err()).contains("--config FILE is required");
        assertThat(missingFile.exitCode()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(missingFile.err()).contains("configuration file " + dir.resolve("nope.json") + " does not exist");
    }

    @Test
    void aVenueThatCannotBeReachedFailsTheRunWithExitOne() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        writeConfig("http://127.0.0.1:" + closedPort, "ws://127.0.0.1:" + closedPort, "");

        ModeCliRun run = ModeCliRun.in(dir, "paper", "--config", "bot.json", "--bars", "1");

        assertThat(run.exitCode()).isEqualTo(TradeKitCli.FAILED);
        assertThat(run.err()).startsWith("tradekit paper failed: ").contains("could not connect").doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("running");
    }
}
