package io.tradekit.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.api.Params;
import io.tradekit.core.TradeKit;
import io.tradekit.data.DataSets;
import io.tradekit.grid.GridStats;
import io.tradekit.grid.GridSettings;
import io.tradekit.grid.GridStrategy;
import io.tradekit.grid.GridStrategyProvider;
import io.tradekit.grid.LevelSizing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backtest --strategy grid}: the command's grid figures against the same grid run through the
 * library. Runs on the first day of btc-usd-1m written to a CSV file; the whole set runs once, as the
 * issue's command.
 */
class GridBacktestCommandTest {

    static final int SLICE_BARS = 1500;
    static List<Bar> slice;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    @BeforeAll
    static void writeTheFirstDayOfBtcUsd1mAsCsv() throws IOException {
        List<Bar> all = DataSets.load(DataSets.BTC_USD_1M);
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (Bar b : all.subList(0, SLICE_BARS)) {
            csv.append(b.openTime().getEpochSecond()).append(',').append(b.open().toPlainString()).append(',').append(b.high().toPlainString())
                    .append(',').append(b.low().toPlainString()).append(',').append(b.close().toPlainString()).append(',')
                    .append(b.volume().toPlainString()).append('\n');
        }
        Files.writeString(csvFile(), csv);
        slice = DataSets.load(csvFile().toString(), java.util.Optional.of("BTC-USD"), java.util.Optional.empty());
    }

    static Path csvFile() {
        return shared.resolve("btc-day-one.csv");
    }

    /** The command on the slice, with the grid flags given. */
    private CliRun grid(String... flags) {
        List<String> args = new java.util.ArrayList<>(List.of("backtest", "--strategy", "grid", "--data", csvFile().toString(),
                "--symbol", "BTC-USD", "--out", "runs/grid"));
        args.addAll(List.of(flags));
        return CliRun.in(dir, args.toArray(String[]::new));
    }

    /** The same grid through the library: made by its provider from the same parameters, same cash and fees as the command's defaults. */
    private static GridStrategy direct(Map<String, String> params) {
        GridStrategy grid = (GridStrategy) new GridStrategyProvider().create(Params.of("grid", params));
        TradeKit.backtest().bars(slice).strategy(grid).cash(new BigDecimal("10000")).feeBps(BigDecimal.TEN).run();
        return grid;
    }

    private JsonNode summary() throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(dir.resolve("runs/grid/summary.json").toFile());
    }

    private String html() throws IOException {
        return Files.readString(dir.resolve("runs/grid/report.html"));
    }

    private static void assertFiguresEqual(JsonNode json, GridStrategy grid) {
        GridStats s = grid.stats();
        assertThat(json.get("roundTrips").asLong()).isEqualTo(s.roundTrips()).isPositive();
        assertThat(json.get("gridProfit").decimalValue()).isEqualByComparingTo(s.gridProfit());
        assertThat(json.get("fees").decimalValue()).isEqualByComparingTo(s.fees());
        assertThat(json.get("maxInventory").decimalValue()).isEqualByComparingTo(s.maxInventory());
        assertThat(json.get("finalInventory").decimalValue()).isEqualByComparingTo(s.inventory());
        assertThat(json.get("retries").asLong()).isEqualTo(s.retries());
        assertThat(json.get("rejections").asLong()).isEqualTo(s.rejections());
        assertThat(json.get("recenters").asInt()).isEqualTo(s.recenters());
        assertThat(json.get("phase").asText()).isEqualTo(grid.phase().name());
        GridSettings c = grid.config().orElseThrow();
        assertThat(json.get("spacing").decimalValue()).isEqualByComparingTo(c.spacing().orElseThrow());
        assertThat(json.get("spacingMode").asText()).isEqualTo(c.spacingMode().name().toLowerCase());
        assertThat(json.get("levelsDown").asInt()).isEqualTo(c.levelsDown().getAsInt());
        assertThat(json.get("levelsUp").asInt()).isEqualTo(c.levelsUp().getAsInt());
        assertThat(json.get("levels").asInt()).isEqualTo(grid.ladder().orElseThrow().size());
        assertThat(json.get("sizeMode").asText()).isEqualTo(c.sizeMode().name().toLowerCase());
    }

    @Test
    void withoutGridFlagsTheHeuristicsParametersRunAndTheGridFiguresEqualTheStrategysOwn() throws IOException {
        CliRun run = grid();
        GridStrategy expected = direct(Map.of());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = summary();
        assertThat(summary.get("strategy").asText()).isEqualTo("grid");
        JsonNode json = summary.get("grid");
        assertFiguresEqual(json, expected);
        assertThat(json.get("spacingFrom").asText()).isEqualTo("heuristic");
        assertThat(json.get("levelsFrom").asText()).isEqualTo("heuristic");
        // The budget the heuristic sized with: 95 % of the cash, split equally in quote over the pairs.
        assertThat(json.get("budget").decimalValue()).isEqualByComparingTo("9500");
        LevelSizing sizing = expected.config().orElseThrow().sizing().orElseThrow();
        assertThat(json.get("sizePerLevel").decimalValue())
                .isEqualByComparingTo(sizing.amount().divide(BigDecimal.valueOf(expected.ladder().orElseThrow().pairs()), MathContext.DECIMAL64));
        assertThat(run.out()).contains("grid:").contains("grid round trips").contains("spacing from");

        List<String> trades = Files.readAllLines(dir.resolve("runs/grid/trades.csv"));
        assertThat(trades.getFirst()).startsWith("entryTime,exitTime,symbol,side");
        assertThat(trades).hasSize(summary.get("roundTrips").asInt() + 1);

        String html = html();
        assertThat(html).contains("<h2>Grid</h2>");
        String chart = svgAfter(html, "<h3>Price, grid levels and fills</h3>");
        assertThat(count(chart, "class=\"level\"")).isGreaterThanOrEqualTo(expected.ladder().orElseThrow().size());
        // One marker per fill, less those drawn on the same pixel as another of their side.
        int buys = count(chart, "class=\"fill-buy\"");
        int sells = count(chart, "class=\"fill-sell\"");
        assertThat(buys).isPositive();
        assertThat(sells).isPositive();
        assertThat(buys + sells).isLessThanOrEqualTo(summary.get("fills").asInt());
        assertThat(tableRows(html, "Grid round trips")).isEqualTo(Math.min(json.get("roundTrips").asInt(), 1000));
        assertThat(tableRows(html, "Grids laid out")).isEqualTo(expected.builds().size());
    }

    @Test
    void theGridFlagsReachTheStrategyUnderTheirParameterNames() throws IOException {
        CliRun run = grid("--levels", "7", "--spacing", "0.3", "--spacing-mode", "geometric", "--budget", "5000", "--param", "cooldown=30");
        GridStrategy expected = direct(Map.of("levels", "7", "spacing", "0.3", "spacing-mode", "geometric", "budget", "5000", "cooldown", "30"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = summary().get("grid");
        assertFiguresEqual(json, expected);
        assertThat(json.get("levelsDown").asInt()).isEqualTo(7);
        assertThat(json.get("levelsUp").asInt()).isEqualTo(7);
        assertThat(json.get("levels").asInt()).isEqualTo(15);
        assertThat(json.get("spacing").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(json.get("spacingUnit").asText()).isEqualTo("percent");
        assertThat(json.get("spacingMode").asText()).isEqualTo("geometric");
        assertThat(json.get("budget").decimalValue()).isEqualByComparingTo("5000");
        assertThat(json.get("spacingFrom").asText()).isEqualTo("given");
        assertThat(json.get("levelsFrom").asText()).isEqualTo("given");
        assertThat(json.get("recenters").asInt()).as("a grid 4 percent wide is rebuilt during a day of 2013 bitcoin").isPositive();
        assertThat(tableRows(html(), "Grids laid out")).isEqualTo(json.get("recenters").asInt() + 1);
    }

    @Test
    void theGridPlansWithTheFeeTheVenueCharges() throws IOException {
        CliRun run = grid("--fee-bps", "25");
        GridStrategy expected = (GridStrategy) new GridStrategyProvider().create(Params.of("grid", Map.of("maker-fee-bps", "25", "taker-fee-bps", "25")));
        TradeKit.backtest().bars(slice).strategy(expected).cash(new BigDecimal("10000")).feeBps(new BigDecimal("25")).run();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(expected.settings().makerFeeBps()).isEqualByComparingTo("25");
        assertFiguresEqual(summary().get("grid"), expected);
    }

    @Test
    void aBadGridFlagValueNamesTheFlagAndWritesNothing() {
        assertBadInput(grid("--levels", "seven"), "--levels seven: grid: parameter 'levels' is 'seven', expected a whole number");
        assertBadInput(grid("--levels", "0"), "--levels 0: grid: 'levels' is 0, expected 1 to 10000");
        assertBadInput(grid("--spacing-mode", "diagonal"), "--spacing-mode diagonal: grid: parameter 'spacing-mode' is 'diagonal'");
        assertBadInput(grid("--spacing", "0.01"), "--spacing 0.01: grid: 'spacing' 0.01 % does not pay the fees");
        assertBadInput(grid("--budget", "-5"), "--budget -5: grid: 'budget' must be positive");
        assertBadInput(grid("--param", "stop-price=abc"), "--param stop-price=abc: grid: parameter 'stop-price' is 'abc'");
        assertBadInput(grid("--levels", "7", "--param", "levels=8"), "--levels and --param levels=... are both given");
        assertBadInput(CliRun.in(dir, "backtest", "--levels", "5", "--out", "runs/grid"), "--levels is a flag of --strategy grid, not of sma-cross");
    }

    private void assertBadInput(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out()).isEqualTo(TradeKitCli.BAD_INPUT);
        assertThat(run.err()).contains(message).doesNotContain("\tat ");
        assertThat(dir.resolve("runs/grid")).doesNotExist();
    }

    @Test
    void everyGridParameterIsAFlagOfTheSameNameListedInTheHelp() {
        assertThat(new HashSet<>(GridFlags.names())).isEqualTo(GridStrategyProvider.PARAMETERS);
        CliRun help = CliRun.in(dir, "backtest", "--help");

        assertThat(help.exitCode()).isZero();
        String afterHeading = help.out().substring(help.out().indexOf(GridFlags.HEADING));
        for (String name : GridStrategyProvider.PARAMETERS) assertThat(afterHeading).contains("  --" + name + " ");
        assertThat(help.out()).contains("--spacing-mode arithmetic|geometric").contains("--strategy grid --data btc-usd-1m");
    }

    @Test
    void theIssuesCommandRunsTheGridOverTheWholeBtcUsd1mSet() throws IOException {
        CliRun run = CliRun.in(dir, "backtest", "--strategy", "grid", "--data", "btc-usd-1m", "--out", "runs/grid");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = summary();
        JsonNode grid = summary.get("grid");
        assertThat(summary.get("bars").asInt()).isEqualTo(DataSets.load(DataSets.BTC_USD_1M).size());
        assertThat(grid.get("roundTrips").asInt()).isPositive();
        assertThat(grid.get("spacingFrom").asText()).isEqualTo("heuristic");
        // Every order of the run is the grid's: the bot's fees are the grid's.
        assertThat(grid.get("fees").decimalValue()).isEqualByComparingTo(summary.get("fees").decimalValue());
        assertThat(svgAfter(html(), "<h3>The last 240 bars up close</h3>")).contains("class=\"level\"").contains("class=\"fill-");
    }

    private static String svgAfter(String html, String heading) {
        int at = html.indexOf(heading);
        assertThat(at).as(heading).isNotNegative();
        int start = html.indexOf("<svg", at);
        return html.substring(start, html.indexOf("</svg>", start) + 6);
    }

    /** The body rows of the table under {@code <h3>title</h3>}. */
    private static int tableRows(String html, String title) {
        Matcher m = Pattern.compile("<h3>" + Pattern.quote(title) + "</h3><table>(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as(title).isTrue();
        String body = m.group(1).substring(m.group(1).indexOf("<tbody>"));
        return count(body, "<tr>");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
