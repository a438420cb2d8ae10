package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Params;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.TradeKit;
import io.tradekit.data.DataSets;
import io.tradekit.strategies.confluence.Confluence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code backtest --strategy confluence}: the decisions table in report.html and their counts in summary.json, against the library's run. */
class ConfluenceBacktestCommandTest {

    @TempDir
    Path dir;

    static final Map<String, String> PARAMS = Map.of("members", "sma-cross,rsi", "sma-cross.fast", "5", "sma-cross.slow", "20",
            "rsi.period", "14", "trend.timeframe", "1h", "trend.fast", "3", "trend.slow", "6");

    @Test
    void aConfluenceBacktestWritesItsDecisionsToTheReport() throws IOException {
        Confluence library = (Confluence) Plugins.discover().strategy("confluence").create(Params.of("confluence", PARAMS));
        BacktestResult expected = TradeKit.backtest().bars(DataSets.load("eth-usd-5m")).strategy("confluence", library).run();

        CliRun run = CliRun.in(dir, "backtest", "--strategy", "confluence", "--param", "members=sma-cross,rsi", "--param", "sma-cross.fast=5",
                "--param", "sma-cross.slow=20", "--param", "rsi.period=14", "--param", "trend.timeframe=1h", "--param", "trend.fast=3",
                "--param", "trend.slow=6", "--out", "runs/confluence");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path out = dir.resolve("runs/confluence");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode section = summary.get("confluence");
        assertThat(section.get("members").asText()).isEqualTo("sma-cross, rsi");
        assertThat(section.get("decisions").asLong()).isEqualTo(library.counts().decisions()).isGreaterThan(40);
        assertThat(section.get("buys").asLong()).isEqualTo(library.counts().buys()).isPositive();
        assertThat(section.get("heldBack").asLong()).isEqualTo(library.counts().heldBack()).isPositive();
        assertThat(summary.get("fills").asInt()).isEqualTo(expected.fills().size());
        // the first BUY: sma-cross crossed up at 00:30 on 14 March with rsi holding, the hourly trend rising
        assertThat(out.resolve("report.html")).content().contains("Confluence", "Decisions", "<th>votes</th>",
                "<td>2023-03-14 00:30</td><td>BUY</td><td>0.5</td><td>0</td>", "sma-cross@5m BUY ×1; rsi@5m HOLD ×1",
                "trend passed: 1h SMA3 1678.6467 &gt; SMA6 1677.9083");
        assertThat(run.out()).contains("decisions");
    }

    @Test
    void aBadMemberParameterIsAnErrorNamingIt() {
        CliRun run = CliRun.in(dir, "backtest", "--strategy", "confluence", "--param", "members=sma-cross,rsi", "--param", "rsi.period=1");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("confluence: member 'rsi': rsi: parameter 'period' must be at least 2, got 1");
    }
}
