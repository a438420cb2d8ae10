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
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tradekit optimize} through the real command line. */
class OptimizeCommandTest {

    /**
     * A plugin strategy whose best set on the triangle wave below is known: it buys at or below {@code buyBelow} and
     * sells at or above {@code sellAbove}, and refuses {@code buyBelow >= sellAbove}.
     */
    static final String BAND = """
            package acme;

            import io.tradekit.api.Bar;
            import io.tradekit.api.InvalidInputException;
            import io.tradekit.api.Params;
            import io.tradekit.api.Signal;
            import io.tradekit.api.spi.Strategy;
            import io.tradekit.api.spi.StrategyContext;
            import io.tradekit.api.spi.StrategyProvider;
            import java.math.BigDecimal;
            import java.util.Set;

            public final class Band implements StrategyProvider {
                public String name() { return "band"; }

                public Set<String> parameters() { return Set.of("buyBelow", "sellAbove"); }

                public Strategy create(Params params) {
                    params.requireOnly(parameters());
                    int buy = params.integer("buyBelow", 90);
                    int sell = params.integer("sellAbove", 110);
                    if (buy >= sell) throw new InvalidInputException("band: parameter 'buyBelow' must be below 'sellAbove'");
                    BigDecimal buyBelow = BigDecimal.valueOf(buy);
                    BigDecimal sellAbove = BigDecimal.valueOf(sell);
                    return new Strategy() {
                        public void onBar(Bar bar, StrategyContext ctx) {
                            boolean flat = ctx.position().isFlat();
                            if (flat && bar.close().compareTo(buyBelow) <= 0) ctx.signal(Signal.BUY);
                            if (!flat && bar.close().compareTo(sellAbove) >= 0) ctx.signal(Signal.SELL);
                        }
                    };
                }
            }
            """;

    @TempDir
    Path dir;

    /** 5-minute rows whose close walks 110 down to 90 and back every 40 bars: close(i) = 90 + |20 - i mod 40|. */
    private Path triangleCsv(int bars) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        int previous = 110;
        for (int i = 0; i < bars; i++) {
            int close = 90 + Math.abs(20 - i % 40);
            csv.append(1_704_067_200L + 300L * i).append(',').append(previous).append(',').append(Math.max(previous, close)).append(',')
                    .append(Math.min(previous, close)).append(',').append(close).append(",1000\n");
            previous = close;
        }
        return Files.writeString(dir.resolve("tri.csv"), csv);
    }

    @Test
    void findsTheBestSetKnownByConstructionOnASmallCsvAndProposesIt() throws IOException {
        PluginJarTest.buildPluginJar(dir, "Band", BAND);
        triangleCsv(240);

        // 5 x 5 = 25 sets, 25 trials: every set once. A cycle earns sellAbove / buyBelow: 90 and 110 are best in every fold.
        CliRun run = optimize("--plugins", "plugins", "--strategy", "band", "--data", "tri.csv",
                "--param", "buyBelow=90..94", "--param", "sellAbove=106..110", "--objective", "return", "--trials", "25",
                "--walk-forward", "2", "--fee-bps", "0", "--out", "opt", "--propose", "tri-bot");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("best set: buyBelow=90, sellAbove=110  (fold 2, chosen on bars [0, 160))")
                .contains("out of sample, bars [160, 240):")
                .contains("overfitting check: every fold holds out of sample");
        // Bars 160..239 start at a top: bought at 90, sold at 110, bought at 90, marked at 109: (110/90)(109/90) - 1 = 48.02 %.
        assertThat(run.out()).containsPattern("return +48\\.02 %");
        // A run under a second shows no progress (ProgressBarTest covers the bar); the trial count is in trials.csv.
        assertThat(run.err()).doesNotContain("backtests");

        List<String> trials = Files.readAllLines(dir.resolve("opt/trials.csv"));
        assertThat(trials.getFirst()).startsWith("fold,window,trial,buyBelow,sellAbove,status,objective,returnPct");
        assertThat(trials).hasSize(1 + 2 * 25 + 2);
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("opt/summary.json").toFile());
        assertThat(summary.at("/best/params/buyBelow").asText()).isEqualTo("90");
        assertThat(summary.at("/best/params/sellAbove").asText()).isEqualTo("110");
        assertThat(summary.at("/best/outOfSample/returnPct").decimalValue().doubleValue())
                .isCloseTo(48.0247, org.assertj.core.api.Assertions.within(0.001));
        assertThat(dir.resolve("opt/report.html")).content().contains("Walk-forward optimisation").contains("<svg ");

        JsonNode proposal = new ObjectMapper().readTree(dir.resolve("opt/proposal.json").toFile());
        assertThat(proposal.get("botId").asText()).isEqualTo("tri-bot");
        assertThat(proposal.get("source").asText()).isEqualTo("optimizer");
        assertThat(proposal.at("/changes/buyBelow").asText()).isEqualTo("90");
        assertThat(proposal.at("/changes/sellAbove").asText()).isEqualTo("110");
        assertThat(proposal.at("/evidence/outOfSampleReturnPct").asText()).startsWith("48.02");
    }

    @Test
    void theSameSeedWritesTheSameTrialsAndAnotherSeedOthers() throws IOException {
        String[] common = {"--param", "fast=5..20", "--param", "slow=20..60", "--trials", "12", "--walk-forward", "3",
                "--search", "cmaes"};
        CliRun a = optimize(concat(common, "--seed", "7", "--out", "a", "--threads", "1"));
        CliRun b = optimize(concat(common, "--seed", "7", "--out", "b", "--threads", "2"));
        CliRun c = optimize(concat(common, "--seed", "8", "--out", "c"));

        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        String trialsA = Files.readString(dir.resolve("a/trials.csv"));
        assertThat(Files.readString(dir.resolve("b/trials.csv"))).isEqualTo(trialsA);
        assertThat(Files.readString(dir.resolve("c/trials.csv"))).isNotEqualTo(trialsA);
        // 3 folds x (12 trials + 1 out-of-sample check) rows after the header, every value inside its range.
        List<String> rows = Files.readAllLines(dir.resolve("a/trials.csv"));
        assertThat(rows).hasSize(1 + 3 * 13);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertThat(Integer.parseInt(cells[3])).isBetween(5, 20);
            assertThat(Integer.parseInt(cells[4])).isBetween(20, 60);
        }
    }

    @Test
    void badParametersAreRefusedNamingTheFlagWithExitCode2() throws IOException {
        assertRefused(optimize("--param", "fast=20..5", "--param", "slow=20..60"),
                "--param fast=20..5", "low end 20 is above its high end 5");
        assertRefused(optimize("--param", "fast=five..20"), "--param fast=five..20", "'five' is not a number");
        assertRefused(optimize("--param", "fast=5..20", "--param", "stop=1..3"),
                "--param stop=1..3", "unknown parameter 'stop'", "fast, slow");
        assertRefused(optimize("--param", "fast=10"), "nothing to search", "--param KEY=LOW..HIGH");
        assertRefused(optimize("--param", "fast=5..20", "--trials", "many"), "--trials is 'many'");
        assertRefused(optimize("--param", "fast=5..20", "--walk-forward", "0"), "--walk-forward is '0'");
        assertRefused(optimize("--param", "fast=5..20", "--objective", "profit"), "--objective", "sharpe, return, calmar");
        assertRefused(optimize("--param", "fast=5..20", "--search", "grid"), "--search", "random, cmaes");
    }

    private void assertRefused(CliRun run, String... expected) throws IOException {
        assertThat(run.exitCode()).as("exit code; err: %s", run.err()).isEqualTo(TradeKitCli.BAD_INPUT);
        for (String e : expected) assertThat(run.err()).contains(e);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).as("nothing written").isEmpty();
        }
    }

    /** {@code tradekit optimize ARGS} in {@code dir}, output captured. */
    private CliRun optimize(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] line = Stream.concat(Stream.of("optimize"), Stream.of(args)).toArray(String[]::new);
        int code = new TradeKitCli(terminal, List.of(new OptimizeCommand(dir))).run(line);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] concat(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }
}
