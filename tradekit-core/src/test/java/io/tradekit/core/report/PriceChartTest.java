package io.tradekit.core.report;

import io.tradekit.api.Bar;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.core.report.internal.SvgPriceChart;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The price picture: levels over their own time, fills as buy and sell markers, long series kept small. */
class PriceChartTest {

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    /** 1040 wide less the margins (78 left, 18 right): 944 pixels of plot from x = 78. */
    static final SvgPriceChart CHART = new SvgPriceChart(1040, 420);

    static Instant minute(int m) {
        return T0.plusSeconds(60L * m);
    }

    static List<ChartPoint> closes(double... values) {
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) points.add(new ChartPoint(minute(i), values[i]));
        return points;
    }

    static Bar bar(int minute, String open, String high, String low, String close) {
        return new Bar("X-USD", Timeframe.M1, minute(minute), new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), BigDecimal.ONE);
    }

    @Test
    void aBarsPathGoesToTheNearerExtremeFirst() {
        // open 100: the low 99 is nearer than the high 103; then 102 opens nearer its high 103 than its low 98
        List<ChartPoint> path = PriceChart.path(List.of(bar(0, "100", "103", "99", "102"), bar(1, "102", "103", "98", "99")));

        assertThat(path).extracting(ChartPoint::value).containsExactly(100.0, 99.0, 103.0, 102.0, 102.0, 103.0, 98.0, 99.0);
        assertThat(path).extracting(ChartPoint::time).containsExactly(minute(0), minute(0).plusSeconds(20), minute(0).plusSeconds(40), minute(1),
                minute(1), minute(1).plusSeconds(20), minute(1).plusSeconds(40), minute(2));
    }

    @Test
    void aBarThatOpensMidwayIsDrawnAsThePaperVenuePlaysIt() {
        // open 100, high 102, low 98: both extremes 2 away; the paper venue takes the low first (the worse case for a long)
        Bar midway = bar(0, "100", "102", "98", "101");
        List<ChartPoint> path = PriceChart.path(List.of(midway));

        assertThat(path).extracting(ChartPoint::value).containsExactly(100.0, 98.0, 102.0, 101.0);
        assertThat(path).extracting(ChartPoint::value).containsExactlyElementsOf(
                java.util.Arrays.stream(io.tradekit.core.paper.PricePoint.pathOf(midway)).map(p -> p.price().doubleValue()).toList());
    }

    @Test
    void manyBarsAreJoinedKeepingEachRunsExtremesInTheOrderTheyCame() {
        List<Bar> bars = new ArrayList<>();
        // 10 000 flat bars at 100, with a high of 150 at bar 3 and a low of 50 at bar 1: joined in runs of two bars
        for (int i = 0; i < 10_000; i++) {
            String high = i == 3 ? "150" : "100";
            String low = i == 1 ? "50" : "100";
            bars.add(bar(i, "100", high, low, "100"));
        }
        List<ChartPoint> path = PriceChart.path(bars);

        assertThat(path).hasSize(4 * 5_000);
        // run 0 (bars 0 and 1): low at bar 1 only; run 1 (bars 2 and 3): high at bar 3
        assertThat(path.subList(0, 8)).extracting(ChartPoint::value).containsExactly(100.0, 100.0, 50.0, 100.0, 100.0, 100.0, 150.0, 100.0);
        assertThat(path.get(3).time()).isEqualTo(minute(2));
        assertThat(path.getLast().time()).isEqualTo(minute(10_000));
    }

    @Test
    void eachLevelIsDrawnOverItsOwnTimeAndBuysAndSellsAreToldApart() {
        PriceChart chart = new PriceChart("Price", "USD", closes(100, 99.5, 99, 100, 100.5, 101, 101.5, 101, 100.5, 100, 100.2),
                List.of(new LevelLine(99, minute(0), minute(5)), new LevelLine(101, minute(5), minute(10))),
                List.of(new TradeMarker(minute(2), 99, Side.BUY), new TradeMarker(minute(6), 101, Side.SELL)));
        String svg = CHART.render(chart);

        List<double[]> levels = lines(svg, "level");
        assertThat(levels).hasSize(2);
        levels.sort(java.util.Comparator.comparingDouble(l -> l[1])); // top of the page first: 101, then 99
        double[] at101 = levels.get(0);
        double[] at99 = levels.get(1);
        assertThat(at101[1]).isLessThan(at99[1]);
        assertThat(at99[0]).isEqualTo(78.0);             // from the first minute
        assertThat(at99[2]).isEqualTo(78.0 + 944 / 2.0); // to minute 5 of 10
        assertThat(at101[0]).isEqualTo(78.0 + 944 / 2.0);
        assertThat(at101[2]).isEqualTo(78.0 + 944);

        List<double[]> buys = triangles(svg, "fill-buy");
        List<double[]> sells = triangles(svg, "fill-sell");
        assertThat(buys).hasSize(1);
        assertThat(sells).hasSize(1);
        assertThat(buys.get(0)[1]).as("a buy points up: its tip is above its base").isLessThan(buys.get(0)[3]);
        assertThat(sells.get(0)[1]).as("a sell points down").isGreaterThan(sells.get(0)[3]);
        assertThat(buys.get(0)[0]).isEqualTo(78.0 + 944 * 2 / 10.0);
        assertThat(svg).contains("buy fill").contains("sell fill").contains(">level<");
    }

    @Test
    void touchingSpansOfOneLevelAreOneLineAndRepeatedFillsOneMarker() {
        PriceChart chart = new PriceChart("Price", "", closes(100, 100, 100, 100, 100),
                List.of(new LevelLine(99, minute(0), minute(2)), new LevelLine(99, minute(2), minute(4)), new LevelLine(101, minute(1), minute(3))),
                List.of(new TradeMarker(minute(1), 99, Side.BUY), new TradeMarker(minute(1), 99, Side.BUY), new TradeMarker(minute(1), 99, Side.SELL)));
        String svg = CHART.render(chart);

        assertThat(lines(svg, "level")).hasSize(2);
        assertThat(triangles(svg, "fill-buy")).hasSize(1);
        assertThat(triangles(svg, "fill-sell")).hasSize(1);
    }

    @Test
    void aSeriesLongerThanThePlotIsWideKeepsEachColumnsLowAndHigh() {
        double[] values = new double[200_000];
        for (int i = 0; i < values.length; i++) values[i] = 100 + 10 * Math.sin(i / 5000.0) + (i % 2 == 0 ? 0.5 : -0.5);
        values[123_457] = 150; // one spike, which must survive
        String svg = CHART.render(new PriceChart("Price", "", closes(values), List.of(), List.of()));

        Matcher path = Pattern.compile("<path class=\"price\" d=\"([^\"]*)\"").matcher(svg);
        assertThat(path.find()).isTrue();
        String[] points = path.group(1).split(" ");
        assertThat(points.length).isLessThanOrEqualTo(2 * 945);
        double top = Double.MAX_VALUE;
        for (String p : points) top = Math.min(top, Double.parseDouble(p.substring(1).split(",")[1]));
        assertThat(top).as("the spike is the highest point: the top of the plot after padding").isLessThan(14 + 20);
        assertThat(svg.length()).isLessThan(60_000);
    }

    @Test
    void aSectionShowsItsPriceChartAndCutsLongTablesInTheMiddle() {
        PriceChart chart = new PriceChart("Price, grid levels and fills", "USD", closes(100, 101, 102),
                List.of(new LevelLine(100.5, minute(0), minute(2))), List.of(new TradeMarker(minute(1), 100.5, Side.BUY)));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) rows.add(List.of(String.valueOf(i + 1)));
        ReportWriter writer = ReportWriter.of(ReportWriterTest.twoRoundTrips())
                .section(new ReportSection("grid", "Grid", List.of(), List.of(chart), List.of(new ReportTable("Round trips", List.of("#"), rows))));

        String html = writer.html();
        assertThat(html).contains("<h3>Price, grid levels and fills</h3><svg").contains("class=\"level\"").contains("class=\"fill-buy\"");
        assertThat(html).contains("<td>500</td>").doesNotContain("<td>501</td>").contains("200 more rows")
                .doesNotContain("<td>700</td>").contains("<td>701</td>").contains("<td>1200</td>");
    }

    @Test
    void aLevelThatEndsBeforeItStartsOrAPriceThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> new LevelLine(100, minute(2), minute(1))).hasMessageContaining("'to'").hasMessageContaining("before 'from'");
        assertThatThrownBy(() -> new TradeMarker(minute(1), Double.NaN, Side.BUY)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new PriceChart("P", "", List.of(new ChartPoint(minute(1), 1), new ChartPoint(minute(0), 1)), List.of(), List.of()))
                .hasMessageContaining("price 1 is earlier than price 0");
    }

    /** x1, y1, x2, y2 of each {@code <line class="cls">}. */
    private static List<double[]> lines(String svg, String cls) {
        Matcher m = Pattern.compile("<line class=\"" + cls + "\" x1=\"([^\"]+)\" y1=\"([^\"]+)\" x2=\"([^\"]+)\" y2=\"([^\"]+)\"/>").matcher(svg);
        List<double[]> out = new ArrayList<>();
        while (m.find()) {
            out.add(new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4))});
        }
        return out;
    }

    /** Tip x, tip y, base x, base y of each marker {@code <path class="cls">}. */
    private static List<double[]> triangles(String svg, String cls) {
        Matcher m = Pattern.compile("<path class=\"" + cls + "\" d=\"M([^,]+),([^ ]+) L([^,]+),([^ ]+) ").matcher(svg);
        List<double[]> out = new ArrayList<>();
        while (m.find()) {
            out.add(new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4))});
        }
        return out;
    }
}
