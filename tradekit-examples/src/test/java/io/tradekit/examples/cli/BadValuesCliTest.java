package io.tradekit.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad values through the real command line: each is refused with exit code 2 and a message that names the field and
 * where it is, without a stack trace, without echoing megabytes or terminal escapes, and without writing a file.
 */
class BadValuesCliTest {

    private static final String HEADER = "timestamp,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    private List<Path> filesBefore;

    private void rememberFiles() throws IOException {
        filesBefore = listing();
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.sorted().toList();
        }
    }

    private void assertRefused(ModeCliRun run, String... expected) throws IOException {
        assertThat(run.exitCode()).as("exit code; err: %s", run.err()).isEqualTo(TradeKitCli.BAD_INPUT);
        for (String e : expected) assertThat(run.err()).contains(e);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\u001b");
        assertThat(run.err().length()).isLessThan(6000);
        assertThat(listing()).as("no file written").isEqualTo(filesBefore);
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String minuteRows(int n, String firstOpen) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rows.append(1_704_067_200L + 60L * i).append(',').append(i == 0 ? firstOpen : "100").append(",101,99,100,1\n");
        }
        return rows.toString();
    }

    @Test
    void aHugeExponentAsACsvPriceIsRefusedNamingLineAndColumn() throws IOException {
        csv("btc.csv", HEADER + minuteRows(30, "1E+999999999"));
        rememberFiles();

        assertRefused(ModeCliRun.in(dir, "backtest", "--data", "btc.csv"),
                "btc.csv:2: column open is '1E+999999999', out of range: at most 18 digits before the decimal point");
        assertRefused(ModeCliRun.in(dir, "replay", "--data", "btc.csv"), "btc.csv:2: column open is '1E+999999999'");
    }

    @Test
    void aHugeCashFlagIsRefusedNamingTheFlag() throws IOException {
        rememberFiles();

        assertRefused(ModeCliRun.in(dir, "backtest", "--cash", "1E+999999999"), "--cash is '1E+999999999', out of range");
        assertRefused(ModeCliRun.in(dir, "replay", "--cash", "1E+999999999"), "--cash is '1E+999999999', out of range");
        assertRefused(ModeCliRun.in(dir, "replay", "--cash", "1E-999999999"), "--cash is '1E-999999999', out of range: at most 18 digits after");
    }

    private Path config(String extra) throws IOException {
        return Files.writeString(dir.resolve("bot.json"), """
                {"name": "eth-sma",
                 "exchange": {"name": "binance", "settings": {"restUrl": "http://127.0.0.1:9", "streamUrl": "ws://127.0.0.1:9"}},
                 "symbol": "ETHUSDT", "timeframe": "5m",
                 "strategy": {"name": "sma-cross", "params": {"fast": 2, "slow": 5}}%s}""".formatted(extra));
    }

    @Test
    void aHugePaperCashIsRefusedNamingTheField() throws IOException {
        config(", \"paper\": {\"cash\": 1E+999999999}");
        rememberFiles();

        assertRefused(ModeCliRun.in(dir, "paper", "--config", "bot.json"), "paper.cash: expected a decimal number of at most 18 digits");
    }

    @Test
    void aDirectoryAsTheStorePathIsRefusedAndNothingIsWrittenBesideIt() throws IOException {
        Files.createDirectories(dir.resolve("state"));
        config(", \"store\": {\"path\": \"state\"}");
        rememberFiles();

        assertRefused(ModeCliRun.in(dir, "paper", "--config", "bot.json"), "store.path: state store path " + dir.resolve("state") + " is a directory");

        config(", \"store\": {\"path\": \"/\"}");
        rememberFiles();
        assertRefused(ModeCliRun.in(dir, "paper", "--config", "bot.json"), "store.path: state store path / is a directory");
        assertRefused(ModeCliRun.in(dir, "replay", "--db", "state"), "--db: state store path " + dir.resolve("state") + " is a directory");
    }

    @Test
    void aFiftyMegabyteHeaderIsNotEchoed() throws IOException {
        Path big = dir.resolve("big.csv");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) out.write(chunk);
            out.write(("\n" + minuteRows(3, "100")).getBytes(StandardCharsets.US_ASCII));
        }
        rememberFiles();

        assertRefused(ModeCliRun.in(dir, "backtest", "--data", "big.csv"), "big.csv:1: the line is longer than 65536 bytes");
    }

    @Test
    void terminalEscapesAndALongHeaderFromAFileAreCutAndMadePrintable() throws IOException {
        csv("evil.csv", "\u001b[2J\u001b]0;pwned\u0007" + "y".repeat(5000) + "\n" + minuteRows(3, "100"));
        rememberFiles();

        ModeCliRun run = ModeCliRun.in(dir, "backtest", "--data", "evil.csv");
        assertRefused(run, "evil.csv:1: the header is '?[2J?]0;pwned?yyyy", "characters in all)", "expected timestamp,open,high,low,close,volume");
    }

    @Test
    void aTwentyMegabyteBotNameIsNeitherReadWholeNorEchoed() throws IOException {
        config(", \"paper\": {\"cash\": 100}").toFile();
        String text = Files.readString(dir.resolve("bot.json")).replace("\"eth-sma\"", "\"" + "n".repeat(20 << 20) + "\"");
        Files.writeString(dir.resolve("bot.json"), text);
        rememberFiles();
        assertRefused(ModeCliRun.in(dir, "paper", "--config", "bot.json"), "configuration file " + dir.resolve("bot.json") + " is 20971",
                "it may be at most 1048576");

        Files.writeString(dir.resolve("bot.json"), text.replace("n".repeat(20 << 20), "n\\u001b[31m" + "n".repeat(500_000)));
        rememberFiles();
        assertRefused(ModeCliRun.in(dir, "paper", "--config", "bot.json"), "name: 'n?[31mnnnn", "is not a bot name");
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndByteOffset() throws IOException {
        byte[] head = (HEADER + minuteRows(2, "100")).getBytes(StandardCharsets.US_ASCII);
        byte[] bad = "1704067320,10\u00e9".getBytes(StandardCharsets.ISO_8859_1); // a Latin-1 é: not UTF-8
        Path file = dir.resolve("latin.csv");
        Files.write(file, concat(head, bad, ",101,99,100,1\n".getBytes(StandardCharsets.US_ASCII)));
        rememberFiles();

        assertRefused(ModeCliRun.in(dir, "backtest", "--data", "latin.csv"),
                "latin.csv:4: invalid UTF-8 at byte offset " + (head.length + 13) + " of the file (byte 14 of the line: 0xE9)");

        Files.write(dir.resolve("bot.json"), concat("{\"name\": \"caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9},
                "\"}".getBytes(StandardCharsets.US_ASCII)));
        rememberFiles();
        assertRefused(ModeCliRun.in(dir, "paper", "--config", "bot.json"), "bot.json:1: invalid UTF-8 at byte offset 13");
    }

    @Test
    void aCsvWithAByteOrderMarkIsRead() throws IOException {
        csv("bom.csv", "\uFEFF" + HEADER + minuteRows(40, "100"));

        ModeCliRun run = ModeCliRun.in(dir, "backtest", "--data", "bom.csv", "--out", "out");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void oneMisalignedRowIsRefusedInsteadOfHalvingTheTimeframe() throws IOException {
        String rows = minuteRows(40, "100").replace("1704067800,", "1704067770,"); // the row on line 12 is 30 s early
        csv("odd.csv", HEADER + rows);
        rememberFiles();

        assertRefused(ModeCliRun.in(dir, "backtest", "--data", "odd.csv"), "odd.csv:12: starts PT30S after the previous row, while most rows "
                + "are PT1M apart; the spacing is irregular", "give the timeframe (e.g. --timeframe 1m)");
        assertRefused(ModeCliRun.in(dir, "backtest", "--data", "odd.csv", "--timeframe", "1m"), "odd.csv:12: starts PT30S after the previous row, "
                + "not a whole number of 1m bars");
    }

    @Test
    void aReplayResumedWithOtherCashOrAnotherStrategyIsRefusedNamingTheDifference() throws IOException {
        csv("btc.csv", HEADER + minuteRows(60, "100"));
        ModeCliRun first = ModeCliRun.in(dir, "replay", "--data", "btc.csv", "--db", "r/bot.db", "--out", "r", "--cash", "10000");
        assertThat(first.exitCode()).as(first.err()).isZero();

        ModeCliRun cash = ModeCliRun.in(dir, "replay", "--data", "btc.csv", "--db", "r/bot.db", "--out", "r", "--cash", "5000");
        ModeCliRun strategy = ModeCliRun.in(dir, "replay", "--data", "btc.csv", "--db", "r/bot.db", "--out", "r", "--cash", "10000",
                "--strategy", "grid");

        assertThat(cash.exitCode()).as(cash.err()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(cash.err()).contains("journal " + dir.resolve("r/bot.db") + " belongs to bot 'replay'")
                .contains("starting cash is 10000 in the journal but 5000 now").doesNotContain("\tat ");
        assertThat(strategy.exitCode()).as(strategy.err()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(strategy.err()).contains("strategy is 'sma-cross' in the journal but 'grid' now");
        ModeCliRun same = ModeCliRun.in(dir, "replay", "--data", "btc.csv", "--db", "r/bot.db", "--out", "r", "--cash", "10000");
        assertThat(same.exitCode()).as(same.err()).isZero();
    }

    @Test
    void aCorruptPluginJarIsAnErrorNamingTheJar() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.write(plugins.resolve("broken.jar"), "PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.ISO_8859_1));
        rememberFiles();

        assertRefused(ModeCliRun.in(dir, "backtest", "--plugins", "plugins"), "--plugins: " + plugins.resolve("broken.jar") + " is not a readable jar");
    }

    @Test
    void simulateOnAPortBeyond65535ExitsWithAClearError() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TradeKitCli.class.getName(), "simulate", "binance", "--port", "70000"));
        Process child = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the process ended").isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(output).contains("--port is 70000, expected a TCP port from 0 (any free port) to 65535").doesNotContain("\tat ");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
