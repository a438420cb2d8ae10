package io.tradekit.core.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.TradeKit;
import io.tradekit.core.report.ReportMetric.Unit;
import io.tradekit.core.report.internal.EquityFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWriterTest {

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    static final Instrument ETH = new Instrument("ETH-USD", "ETH", "USD", new BigDecimal("0.01"), new BigDecimal("0.0001"),
            BigDecimal.ZERO, BigDecimal.ZERO);
    static final String[] CLOSES = {"100", "101", "102", "104", "103", "99", "98", "100", "105", "107", "104", "106"};

    /** Buys on the bars given as entries and sells on those given as exits (bar numbers from 0). */
    record Scripted(List<Integer> entries, List<Integer> exits, int[] seen) implements Strategy {
        Scripted(List<Integer> entries, List<Integer> exits) {
            this(entries, exits, new int[1]);
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            int i = seen[0]++;
            if (entries.contains(i)) ctx.signal(Signal.BUY);
            if (exits.contains(i)) ctx.signal(Signal.SELL);
        }
    }

    static List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        BigDecimal previous = new BigDecimal(CLOSES[0]);
        for (int i = 0; i < CLOSES.length; i++) {
            BigDecimal close = new BigDecimal(CLOSES[i]);
            bars.add(new Bar("ETH-USD", Timeframe.M5, T0.plusSeconds(300L * i), previous, previous.max(close).add(BigDecimal.ONE),
                    previous.min(close).subtract(BigDecimal.ONE), close, BigDecimal.TEN));
            previous = close;
        }
        return bars;
    }

    static BacktestResult twoRoundTrips() {
        // bar 3 (104) to bar 5 (99): a loss; bar 7 (100) to bar 10 (104): a win
        return TradeKit.backtest().bars(bars()).instrument(ETH).strategy(new Scripted(List.of(3, 7), List.of(5, 10)))
                .cash(new BigDecimal("10000")).feeBps(BigDecimal.TEN).run();
    }

    @Test
    void summaryJsonHoldsEveryHeadlineFigureOfTheResultExactly() throws IOException {
        BacktestResult result = twoRoundTrips();
        JsonNode json = json(ReportWriter.of(result).summaryJson());

        assertThat(json.get("strategy").asText()).isEqualTo("Scripted");
        assertThat(json.get("symbol").asText()).isEqualTo("ETH-USD");
        assertThat(json.get("timeframe").asText()).isEqualTo("5m");
        assertThat(json.get("bars").asLong()).isEqualTo(CLOSES.length);
        assertThat(json.get("orders").asInt()).isEqualTo(result.orders().size()).isEqualTo(4);
        assertThat(json.get("fills").asInt()).isEqualTo(result.fills().size()).isEqualTo(4);
        assertThat(json.get("roundTrips").asInt()).isEqualTo(2);
        assertThat(json.get("fees").decimalValue()).isEqualByComparingTo(result.fees());
        assertThat(json.get("realizedPnl").decimalValue()).isEqualByComparingTo(result.realizedPnl());
        assertThat(json.get("finalEquity").decimalValue()).isEqualByComparingTo(result.finalEquity());
        assertThat(json.get("returnPct").decimalValue()).isEqualByComparingTo(result.returnPct());
        assertThat(json.get("maxDrawdownPct").decimalValue()).isEqualByComparingTo(result.maxDrawdownPct());
        assertThat(json.get("sharpe").asDouble()).isEqualTo(result.sharpe());
        assertThat(json.get("winRate").asDouble()).isEqualTo(0.5);
        assertThat(json.get("elapsedMs").asLong()).isEqualTo(result.elapsedMs());
        assertThat(json.get("barsPerSecond").asDouble()).isEqualTo(result.barsPerSecond());
        assertThat(json.get("finalState").asText()).isEqualTo("STOPPED");
        assertThat(json.get("safetyEvents").isArray()).isTrue();
        assertThat(json.get("safetyEvents")).isEmpty();
        // exact decimals, never in exponent form
        assertThat(ReportWriter.of(result).summaryJson()).doesNotContainPattern("\"[a-zA-Z]+\" : -?[0-9.]+E");
    }

    /** Enforces the made-up limit {@code pause-after-loss}: any losing round trip pauses the bot. */
    static final class PauseAfterLoss implements io.tradekit.api.spi.RiskPolicyProvider {
        public String name() {
            return "pause-after-loss";
        }

        public java.util.Set<String> rules() {
            return java.util.Set.of("pause-after-loss");
        }

        public io.tradekit.api.spi.RiskPolicy create(RiskLimits limits) {
            return new io.tradekit.api.spi.RiskPolicy() {
                private BigDecimal lastLoss;

                public String name() {
                    return "pause-after-loss";
                }

                public void onFill(io.tradekit.api.Fill fill, BigDecimal realizedPnl, io.tradekit.api.spi.RiskContext ctx) {
                    if (realizedPnl.signum() < 0) lastLoss = realizedPnl;
                }

                public io.tradekit.api.spi.SafetyVerdict assess(io.tradekit.api.spi.RiskContext ctx) {
                    return lastLoss == null ? io.tradekit.api.spi.SafetyVerdict.ok(name())
                            : new io.tradekit.api.spi.SafetyVerdict(io.tradekit.api.SafetyAction.PAUSE, name(), "a round trip lost " + lastLoss);
                }
            };
        }
    }

    @Test
    void safetyEventsAreListedWithTimePolicyActionAndReason() throws IOException {
        // bought at 104 (bar 3), sold at 99 (bar 5): the loss pauses the bot and the entry on bar 7 is refused
        BacktestResult result = TradeKit.backtest().bars(bars()).instrument(ETH).strategy(new Scripted(List.of(3, 7), List.of(5, 10)))
                .plugins(io.tradekit.core.Plugins.discover().register(new PauseAfterLoss()))
                .risk(RiskLimits.builder().limit("pause-after-loss", "on").build()).run();
        JsonNode json = json(ReportWriter.of(result).summaryJson());
        JsonNode events = json.get("safetyEvents");

        assertThat(result.safetyEvents()).isNotEmpty();
        assertThat(events).hasSize(result.safetyEvents().size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("time").asText()).isEqualTo(result.safetyEvents().get(i).time().toString());
            assertThat(events.get(i).get("policy").asText()).isEqualTo("pause-after-loss");
            assertThat(events.get(i).get("action").asText()).isEqualTo("PAUSE");
            assertThat(events.get(i).get("reason").asText()).startsWith("a round trip lost -");
        }
        assertThat(json.get("roundTrips").asInt()).isEqualTo(1);
        assertThat(json.get("finalState").asText()).isEqualTo(result.finalState().name());
        assertThat(ReportWriter.of(result).html()).contains("pause-after-loss").doesNotContain("No risk policy or safety check asked");
    }

    @Test
    void tradesCsvHasOneLinePerRoundTripWithExactValues() {
        BacktestResult result = twoRoundTrips();
        List<String> lines = ReportWriter.of(result).tradesCsv().lines().toList();

        assertThat(lines.getFirst()).isEqualTo("entryTime,exitTime,symbol,side,entryPrice,exitPrice,quantity,fee,pnl,returnPct,exitReason");
        assertThat(lines).hasSize(1 + result.roundTrips().size());
        for (int i = 0; i < result.roundTrips().size(); i++) {
            RoundTrip trip = result.roundTrips().get(i);
            String[] cells = lines.get(i + 1).split(",");
            assertThat(Instant.parse(cells[0])).isEqualTo(trip.entryTime());
            assertThat(Instant.parse(cells[1])).isEqualTo(trip.exitTime());
            assertThat(cells[2]).isEqualTo("ETH-USD");
            assertThat(cells[3]).isEqualTo("LONG");
            assertThat(new BigDecimal(cells[4])).isEqualByComparingTo(trip.entryPrice());
            assertThat(new BigDecimal(cells[5])).isEqualByComparingTo(trip.exitPrice());
            assertThat(new BigDecimal(cells[6])).isEqualByComparingTo(trip.quantity());
            assertThat(new BigDecimal(cells[7])).isEqualByComparingTo(trip.fees());
            assertThat(new BigDecimal(cells[8])).isEqualByComparingTo(trip.pnl());
            assertThat(cells[10]).isEqualTo(trip.exitReason().name()).isEqualTo("SIGNAL");
        }
        // market orders fill at the close of the signal's bar: bought at 104 (bar 3), sold at 99 (bar 5)
        assertThat(new BigDecimal(lines.get(1).split(",")[4])).isEqualByComparingTo("104");
        assertThat(new BigDecimal(lines.get(1).split(",")[5])).isEqualByComparingTo("99");
        assertThat(new BigDecimal(lines.get(1).split(",")[8])).isNegative();
        assertThat(new BigDecimal(lines.get(2).split(",")[8])).isPositive();
    }

    @Test
    void htmlIsOneSelfContainedPageWithBothPicturesAndEveryTrade() {
        BacktestResult result = twoRoundTrips();
        String html = ReportWriter.of(result).html();

        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://").doesNotContain("https://");
        assertThat(count(html, "<svg ")).isEqualTo(2);
        assertThat(html).contains("<h2>Equity</h2>").contains("<h2>Drawdown</h2>").contains("<h2>Trades</h2>");
        assertThat(count(html, "<td class=\"text\">signal</td></tr>")).as("one row per round trip, with what closed it")
                .isEqualTo(result.roundTrips().size());
        assertThat(html).contains(BacktestSummary.of(result).metrics().stream()
                .filter(m -> m.key().equals("finalEquity")).findFirst().orElseThrow().display());
    }

    @Test
    void summaryJsonHoldsTheTradersFiguresBesideTheStrategysReturn() throws IOException {
        BacktestResult result = twoRoundTrips();
        ReportWriter writer = ReportWriter.of(result, bars());
        TraderFigures f = writer.figures();
        JsonNode json = json(writer.summaryJson());

        // the bars run from an open of 100 to a close of 106
        assertThat(json.get("buyAndHoldReturnPct").decimalValue()).isEqualByComparingTo("6");
        assertThat(json.get("profitFactor").asDouble()).isEqualTo(f.profitFactor()).isPositive();
        assertThat(json.get("expectancy").decimalValue()).isEqualByComparingTo(f.expectancy())
                .isEqualByComparingTo(result.roundTrips().get(0).pnl().add(result.roundTrips().get(1).pnl()).divide(BigDecimal.TWO, java.math.MathContext.DECIMAL64));
        assertThat(json.get("cagr").asDouble()).isEqualTo(f.cagr());
        assertThat(json.get("sortino").asDouble()).isEqualTo(result.sortino());
        assertThat(json.get("calmar").asDouble()).isEqualTo(f.calmar());
        // bought at the close of bars 3 and 7, sold at the close of bars 5 and 10: 2 + 3 bars of 5 minutes
        assertThat(json.get("averageTradeDuration").asText()).isEqualTo("PT12M30S");
        assertThat(json.get("exposure").asDouble()).isCloseTo(5 / 12.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(json.get("tradesPerDay").asDouble()).isCloseTo(2 / (12 * 5 / 1440.0), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(json.get("exitReasons").get("SIGNAL").asInt()).isEqualTo(2);
        assertThat(json.get("exitReasons").get("STOP_LOSS").asInt()).isZero();
        assertThat(json.get("returnsByDay")).hasSize(1);
        assertThat(json.get("returnsByDay").get(0).get("day").asText()).isEqualTo("2024-03-01");
        assertThat(json.get("returnsByDay").get(0).get("equity").decimalValue()).isEqualByComparingTo(result.finalEquity());
        assertThat(json.get("returnsByDay").get(0).get("returnPct").decimalValue()).isEqualByComparingTo(result.returnPct());
        assertThat(json.get("returnsByMonth")).isEmpty();

        assertThat(json(ReportWriter.of(result).summaryJson()).has("buyAndHoldReturnPct")).as("no bars, no buy-and-hold").isFalse();
    }

    @Test
    void thePageShowsThePriceWithEveryFillUnlessASectionDrawsItsOwn() {
        BacktestResult result = twoRoundTrips();
        String html = ReportWriter.of(result, bars()).html();

        assertThat(html).contains("<h2>Price and fills</h2>").contains("<h2>Returns</h2>").contains("buy and hold return");
        assertThat(count(html, "<svg ")).isEqualTo(3);
        assertThat(count(html, "class=\"fill-buy\"")).isEqualTo(2);
        assertThat(count(html, "class=\"fill-sell\"")).isEqualTo(2);

        PriceChart own = new PriceChart("Price, levels and fills", "USD", PriceChart.path(bars()), List.of(), TradeMarker.ofFills(result.fills()));
        String withSection = ReportWriter.of(result, bars()).section(new ReportSection("grid", "Grid", List.of(), List.of(own), List.of())).html();
        assertThat(withSection).doesNotContain("<h2>Price and fills</h2>").contains("Price, levels and fills");
        assertThat(count(withSection, "<svg ")).isEqualTo(3);
    }

    @Test
    void eachTradeSaysWhatClosedItAndAYearLongRunHasItsMonths() {
        // the hand-worked run of TraderFiguresTest: three trips, one closed by a stop-loss, over a year
        ReportWriter writer = ReportWriter.of(TraderFiguresTest.result(), TraderFiguresTest.bars());
        String html = writer.html();
        List<String> csv = writer.tradesCsv().lines().toList();

        assertThat(csv.get(2)).endsWith(",STOP_LOSS");
        assertThat(csv.get(1)).endsWith(",SIGNAL");
        assertThat(html).contains("Closed by: signal 2 &middot; stop-loss 1");
        assertThat(count(html, "<td class=\"text\">stop-loss</td></tr>")).isEqualTo(1);
        assertThat(html).contains("<h3>By month</h3>").contains("<tr><td>2023-04</td><td>1071.00</td><td class=\"pos\">7.10 %</td></tr>")
                .contains("<tr><td>2023-07-02</td><td>963.90</td><td class=\"neg\">-10.00 %</td></tr>");
        assertThat(writer.summaryJson()).contains("\"STOP_LOSS\" : 1").contains("\"month\" : \"2023-12\"");
    }

    @Test
    void textFromTheRunIsEscapedInThePage() {
        BacktestResult result = TradeKit.backtest().bars(bars()).instrument(ETH).strategy("<b>bold</b>", Map.of())
                .plugins(io.tradekit.core.Plugins.discover().register(new io.tradekit.api.spi.StrategyProvider() {
                    public String name() {
                        return "<b>bold</b>";
                    }

                    public Strategy create(io.tradekit.api.Params params) {
                        return new Scripted(List.of(1), List.of(4));
                    }
                })).run();
        String html = ReportWriter.of(result).html();

        assertThat(html).doesNotContain("<b>bold</b>").contains("&lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void writeCreatesTheDirectoryAndTheThreeFiles(@TempDir Path dir) throws IOException {
        BacktestResult result = twoRoundTrips();
        ReportWriter writer = ReportWriter.of(result);
        ReportFiles files = writer.write(dir.resolve("runs/demo"));

        assertThat(files.summaryJson()).hasFileName("summary.json").content().isEqualTo(writer.summaryJson());
        assertThat(files.tradesCsv()).hasFileName("trades.csv").content().isEqualTo(writer.tradesCsv());
        assertThat(files.reportHtml()).hasFileName("report.html").content().isEqualTo(writer.html());
        assertThat(Files.list(dir.resolve("runs/demo"))).hasSize(3);
    }

    @Test
    void aSectionAddsItsFiguresToTheJsonAndItsChartsAndTablesToThePage() throws IOException {
        BacktestResult result = twoRoundTrips();
        LineChart openOrders = new LineChart("Open grid orders", "orders",
                List.of(new ChartPoint(T0, 3), new ChartPoint(T0.plusSeconds(300), 5)), false);
        ReportTable perLevel = new ReportTable("Fills per level", List.of("level", "fills"), List.of(List.of("99.50", "4")));
        ReportWriter writer = ReportWriter.of(result).section(new ReportSection("grid", "Grid",
                List.of(new ReportMetric("levels", "levels", 20, Unit.COUNT), new ReportMetric("spacing", "spacing", new BigDecimal("0.50"), Unit.PRICE)),
                List.of(openOrders), List.of(perLevel)));

        JsonNode grid = json(writer.summaryJson()).get("grid");
        assertThat(grid.get("levels").asInt()).isEqualTo(20);
        assertThat(grid.get("spacing").decimalValue()).isEqualByComparingTo("0.5");
        String html = writer.html();
        assertThat(html).contains("<h2>Grid</h2>").contains("Open grid orders").contains("Fills per level").contains("99.50");
        assertThat(count(html, "<svg ")).isEqualTo(3);
    }

    @Test
    void aSectionMayNotTakeANameTheSummaryUses() {
        ReportWriter writer = ReportWriter.of(twoRoundTrips());

        assertThatThrownBy(() -> writer.section(ReportSection.ofMetrics("fees", "Fees", List.of())))
                .hasMessageContaining("'fees' is already used");
        writer.section(ReportSection.ofMetrics("grid", "Grid", List.of()));
        assertThatThrownBy(() -> writer.section(ReportSection.ofMetrics("grid", "Grid again", List.of())))
                .hasMessageContaining("'grid' is already used");
    }

    @Test
    void theSummaryTextAlignsEveryValueInOneColumn() {
        String text = BacktestSummary.of(twoRoundTrips()).toText();
        List<Integer> valueColumns = text.lines().map(line -> {
            Matcher m = Pattern.compile("^ {2}\\S.*?\\S? {2,}(\\S)").matcher(line);
            assertThat(m.find()).as(line).isTrue();
            return m.start(1);
        }).distinct().toList();

        assertThat(valueColumns).hasSize(1);
        assertThat(text).contains("round trips").contains("max drawdown").contains("win rate");
    }

    @Test
    void metricsAreShownInTheirUnit() {
        assertThat(new ReportMetric("r", "return", new BigDecimal("12.346"), Unit.PERCENT).display()).isEqualTo("12.35 %");
        assertThat(new ReportMetric("w", "win rate", 0.5, Unit.FRACTION).display()).isEqualTo("50.00 %");
        assertThat(new ReportMetric("m", "equity", new BigDecimal("10234.567"), Unit.MONEY).display()).isEqualTo("10234.57");
        assertThat(new ReportMetric("p", "price", new BigDecimal("1683.740000000000"), Unit.PRICE).display()).isEqualTo("1683.74");
        assertThat(new ReportMetric("s", "speed", 1234567.8, Unit.PER_SECOND).display()).isEqualTo("1234568 /s");
        assertThat(new ReportMetric("x", "sharpe", Double.NaN, Unit.RATIO).display()).isEqualTo("n/a");
        assertThatThrownBy(() -> new ReportMetric("bad key", "x", 1, Unit.COUNT)).hasMessageContaining("camelCase");
        assertThatThrownBy(() -> new ReportMetric("k", "x", new Object(), Unit.TEXT)).hasMessageContaining("cannot be reported");
    }

    @Test
    void drawdownIsZeroAtEachNewPeakAndThePercentFallBelowIt() {
        var curve = List.of(new io.tradekit.core.EquityPoint(T0, new BigDecimal("100")),
                new io.tradekit.core.EquityPoint(T0.plusSeconds(1), new BigDecimal("120")),
                new io.tradekit.core.EquityPoint(T0.plusSeconds(2), new BigDecimal("90")),
                new io.tradekit.core.EquityPoint(T0.plusSeconds(3), new BigDecimal("130")));
        List<Double> dd = EquityFigures.drawdown(curve).points().stream().map(ChartPoint::value).toList();

        assertThat(dd).containsExactly(0.0, 0.0, -25.0, 0.0);
    }

    /** Reads decimals as BigDecimal, so that exact values compare exactly. */
    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(text);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
