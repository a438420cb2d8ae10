package io.tradekit.core.report.internal;

import io.tradekit.api.Side;
import io.tradekit.core.report.ChartPoint;
import io.tradekit.core.report.LevelLine;
import io.tradekit.core.report.PriceChart;
import io.tradekit.core.report.TradeMarker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.tradekit.core.report.internal.ChartFrame.num;

/**
 * Draws a {@link PriceChart} as a self-contained inline SVG: the level lines first (thin and light, each
 * over its own time span), the price line over them, and the fills on top, buys as green triangles pointing
 * up and sells as red triangles pointing down, with a legend. The time axis spans the prices; levels
 * and markers outside it are cut off. What would land on the same pixels is drawn once: a price series
 * longer than the plot is wide is drawn with each pixel column's low and high, level lines on one pixel
 * row that touch are joined, and markers of one side on one pixel are one marker.
 */
public final class SvgPriceChart {

    static final String BUY_COLOR = "#16a34a";
    static final String SELL_COLOR = "#dc2626";
    private static final String PRICE_COLOR = "#334155";
    private static final String LEVEL_COLOR = "#6366f1";

    private final int width;
    private final int height;

    public SvgPriceChart(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public String render(PriceChart chart) {
        List<ChartPoint> prices = chart.prices();
        if (prices.isEmpty() && chart.markers().isEmpty()) return ChartFrame.empty(width, height, chart.title());
        Instant from = prices.isEmpty() ? chart.markers().stream().map(TradeMarker::time).min(Comparator.naturalOrder()).orElseThrow()
                : prices.getFirst().time();
        Instant to = prices.isEmpty() ? chart.markers().stream().map(TradeMarker::time).max(Comparator.naturalOrder()).orElseThrow()
                : prices.getLast().time();

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartPoint p : prices) {
            if (Double.isFinite(p.value())) {
                min = Math.min(min, p.value());
                max = Math.max(max, p.value());
            }
        }
        List<TradeMarker> markers = new ArrayList<>();
        for (TradeMarker m : chart.markers()) {
            if (m.time().isBefore(from) || m.time().isAfter(to)) continue;
            markers.add(m);
            min = Math.min(min, m.price());
            max = Math.max(max, m.price());
        }
        List<LevelLine> levels = new ArrayList<>();
        for (LevelLine l : chart.levels()) {
            if (l.to().isBefore(from) || l.from().isAfter(to)) continue;
            levels.add(l);
            min = Math.min(min, l.price());
            max = Math.max(max, l.price());
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        double pad = max - min < 1e-12 ? Math.max(Math.abs(max) * 0.01, 1e-6) : (max - min) * 0.04;
        ChartFrame frame = new ChartFrame(width, height, min - pad, max + pad, from, to);

        StringBuilder svg = new StringBuilder();
        ChartFrame.open(svg, width, height, chart.title());
        frame.axes(svg, chart.unit());
        levels(svg, frame, levels, from, to);
        priceLine(svg, frame, prices);
        markers(svg, frame, markers);
        legend(svg, !levels.isEmpty());
        svg.append("</svg>");
        return svg.toString();
    }

    /** A level's span in pixels, on the pixel row it falls on. */
    private record Span(double row, double x1, double x2) {
    }

    private static void levels(StringBuilder svg, ChartFrame frame, List<LevelLine> levels, Instant from, Instant to) {
        List<Span> spans = new ArrayList<>(levels.size());
        for (LevelLine l : levels) {
            Instant a = l.from().isBefore(from) ? from : l.from();
            Instant b = l.to().isAfter(to) ? to : l.to();
            spans.add(new Span(Math.round(frame.y(l.price()) * 2) / 2.0, frame.x(a), frame.x(b)));
        }
        spans.sort(Comparator.comparingDouble(Span::row).thenComparingDouble(Span::x1));
        svg.append("<g class=\"levels\" stroke=\"").append(LEVEL_COLOR).append("\" stroke-width=\"1\" stroke-opacity=\"0.4\">");
        Span open = null;
        for (Span s : spans) {
            if (open != null && open.row() == s.row() && s.x1() <= open.x2() + 1) {
                open = new Span(open.row(), open.x1(), Math.max(open.x2(), s.x2()));
                continue;
            }
            if (open != null) svg.append(levelLine(open));
            open = s;
        }
        if (open != null) svg.append(levelLine(open));
        svg.append("</g>");
    }

    private static String levelLine(Span s) {
        // A level that lasted less than a pixel still shows as a short dash.
        double x2 = Math.max(s.x2(), s.x1() + 3);
        return ChartFrame.line(s.x1(), s.row(), x2, s.row(), "level");
    }

    private static void priceLine(StringBuilder svg, ChartFrame frame, List<ChartPoint> prices) {
        if (prices.isEmpty()) return;
        List<ChartPoint> drawn = prices.size() > 2 * frame.plotWidth() ? lowsAndHighs(frame, prices) : prices;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < drawn.size(); i++) {
            ChartPoint p = drawn.get(i);
            if (!Double.isFinite(p.value())) continue;
            path.append(path.isEmpty() ? "M" : " L").append(num(frame.x(p.time()))).append(',').append(num(frame.y(p.value())));
        }
        svg.append("<path class=\"price\" d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(PRICE_COLOR)
                .append("\" stroke-width=\"1.2\" stroke-linejoin=\"round\"/>");
    }

    /** Per pixel column, its lowest and its highest price, in the order they came: the shape a reader sees. */
    private static List<ChartPoint> lowsAndHighs(ChartFrame frame, List<ChartPoint> prices) {
        List<ChartPoint> out = new ArrayList<>();
        int column = Integer.MIN_VALUE;
        ChartPoint low = null;
        ChartPoint high = null;
        for (ChartPoint p : prices) {
            if (!Double.isFinite(p.value())) continue;
            int c = (int) Math.floor(frame.x(p.time()));
            if (c != column) {
                addInOrder(out, low, high);
                column = c;
                low = p;
                high = p;
            } else {
                if (p.value() < low.value()) low = p;
                if (p.value() > high.value()) high = p;
            }
        }
        addInOrder(out, low, high);
        return out;
    }

    private static void addInOrder(List<ChartPoint> out, ChartPoint low, ChartPoint high) {
        if (low == null) return;
        if (low == high) {
            out.add(low);
        } else if (low.time().isBefore(high.time())) {
            out.add(low);
            out.add(high);
        } else {
            out.add(high);
            out.add(low);
        }
    }

    /** Up to this many markers are drawn half as large again: a few trades should stand out from the line. */
    static final int FEW_MARKERS = 200;

    private static void markers(StringBuilder svg, ChartFrame frame, List<TradeMarker> markers) {
        double scale = markers.size() <= FEW_MARKERS ? 1.5 : 1.0;
        Set<Long> drawn = new HashSet<>();
        StringBuilder buys = new StringBuilder();
        StringBuilder sells = new StringBuilder();
        for (TradeMarker m : markers) {
            double px = frame.x(m.time());
            double py = frame.y(m.price());
            long key = (Math.round(px) << 21 | Math.round(py)) << 1 | (m.side() == Side.BUY ? 1 : 0);
            if (!drawn.add(key)) continue;
            if (m.side() == Side.BUY) buys.append(triangle(px, py, true, scale, "fill-buy"));
            else sells.append(triangle(px, py, false, scale, "fill-sell"));
        }
        svg.append("<g class=\"buys\" fill=\"").append(BUY_COLOR).append("\" fill-opacity=\"0.9\" stroke=\"#ffffff\" stroke-width=\"0.6\">").append(buys).append("</g>");
        svg.append("<g class=\"sells\" fill=\"").append(SELL_COLOR).append("\" fill-opacity=\"0.9\" stroke=\"#ffffff\" stroke-width=\"0.6\">").append(sells).append("</g>");
    }

    /** A triangle centred on the point, pointing up for a buy and down for a sell. */
    private static String triangle(double x, double y, boolean up, double scale, String cls) {
        double tip = up ? y - 4.5 * scale : y + 4.5 * scale;
        double base = up ? y + 3 * scale : y - 3 * scale;
        double half = 4 * scale;
        return "<path class=\"" + cls + "\" d=\"M" + num(x) + ',' + num(tip) + " L" + num(x + half) + ',' + num(base) + " L" + num(x - half) + ','
                + num(base) + " Z\"/>";
    }

    private void legend(StringBuilder svg, boolean withLevels) {
        double y = ChartFrame.TOP + 12;
        double x = width - ChartFrame.RIGHT - (withLevels ? 220 : 130);
        svg.append("<g class=\"legend\">");
        svg.append("<rect x=\"").append(num(x - 8)).append("\" y=\"").append(num(y - 11)).append("\" width=\"")
                .append(withLevels ? 222 : 132).append("\" height=\"18\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>");
        svg.append("<path d=\"M").append(num(x + 4)).append(',').append(num(y - 8)).append(" L").append(num(x + 8)).append(',').append(num(y - 0.5))
                .append(" L").append(num(x)).append(',').append(num(y - 0.5)).append(" Z\" fill=\"").append(BUY_COLOR).append("\"/>");
        svg.append("<text x=\"").append(num(x + 12)).append("\" y=\"").append(num(y)).append("\">buy fill</text>");
        x += 62;
        svg.append("<path d=\"M").append(num(x + 4)).append(',').append(num(y)).append(" L").append(num(x + 8)).append(',').append(num(y - 7.5))
                .append(" L").append(num(x)).append(',').append(num(y - 7.5)).append(" Z\" fill=\"").append(SELL_COLOR).append("\"/>");
        svg.append("<text x=\"").append(num(x + 12)).append("\" y=\"").append(num(y)).append("\">sell fill</text>");
        if (withLevels) {
            x += 66;
            svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(num(y - 4)).append("\" x2=\"").append(num(x + 18))
                    .append("\" y2=\"").append(num(y - 4)).append("\" stroke=\"").append(LEVEL_COLOR).append("\" stroke-opacity=\"0.6\"/>");
            svg.append("<text x=\"").append(num(x + 24)).append("\" y=\"").append(num(y)).append("\">level</text>");
        }
        svg.append("</g>");
    }
}
