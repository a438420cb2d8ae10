package io.tradekit.core.report.internal;

import io.tradekit.core.report.ChartPoint;
import io.tradekit.core.report.LineChart;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link LineChart} as a self-contained inline SVG: axes with rounded tick values, time labels
 * in UTC, and the series as a line or as an area down to zero. No script, no external resource.
 */
public final class SvgLineChart {

    private static final int LEFT = 78;
    private static final int RIGHT = 18;
    private static final int TOP = 14;
    private static final int BOTTOM = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final int width;
    private final int height;
    private final String color;

    public SvgLineChart(int width, int height, String color) {
        this.width = width;
        this.height = height;
        this.color = color;
    }

    public String render(LineChart chart) {
        List<ChartPoint> points = chart.points();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(chart.title())).append("\">");
        if (points.isEmpty()) {
            svg.append("<text x=\"").append(width / 2).append("\" y=\"").append(height / 2)
                    .append("\" text-anchor=\"middle\" class=\"empty\">no data recorded</text></svg>");
            return svg.toString();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartPoint p : points) {
            if (Double.isFinite(p.value())) {
                min = Math.min(min, p.value());
                max = Math.max(max, p.value());
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        if (chart.area()) {
            min = Math.min(min, 0);
            max = Math.max(max, 0);
        }
        if (max - min < 1e-12) {
            double pad = Math.max(Math.abs(max) * 0.01, 1e-6);
            min -= pad;
            max += pad;
        } else if (!chart.area()) {
            double pad = (max - min) * 0.05;
            min -= pad;
            max += pad;
        }
        Scale y = new Scale(min, max);
        long t0 = points.getFirst().time().toEpochMilli();
        long t1 = points.getLast().time().toEpochMilli();
        double plotWidth = width - LEFT - RIGHT;
        double plotHeight = height - TOP - BOTTOM;

        // grid and value labels
        svg.append("<g class=\"axis\">");
        for (double tick : y.ticks()) {
            double py = TOP + (max - tick) / (max - min) * plotHeight;
            svg.append(line(LEFT, py, width - RIGHT, py, "grid"));
            svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(num(py + 4)).append("\" text-anchor=\"end\">")
                    .append(Html.escape(y.label(tick) + (chart.unit().isEmpty() ? "" : " " + chart.unit()))).append("</text>");
        }
        DateTimeFormatter timeFormat = Duration.ofMillis(t1 - t0).toDays() >= 4 ? DAY : MINUTE;
        int timeTicks = 5;
        for (int i = 0; i <= timeTicks; i++) {
            long t = t0 + (t1 - t0) * i / timeTicks;
            double px = LEFT + (t1 == t0 ? plotWidth / 2 : plotWidth * i / timeTicks);
            svg.append(line(px, TOP + plotHeight, px, TOP + plotHeight + 5, "tick"));
            String anchor = i == 0 ? "start" : i == timeTicks ? "end" : "middle";
            svg.append("<text x=\"").append(num(px)).append("\" y=\"").append(num(TOP + plotHeight + 20))
                    .append("\" text-anchor=\"").append(anchor).append("\">").append(timeFormat.format(Instant.ofEpochMilli(t))).append("</text>");
            if (t1 == t0) break;
        }
        svg.append(line(LEFT, TOP + plotHeight, width - RIGHT, TOP + plotHeight, "base"));
        svg.append("</g>");

        // the series
        StringBuilder path = new StringBuilder();
        double firstX = 0;
        double lastX = 0;
        for (int i = 0; i < points.size(); i++) {
            ChartPoint p = points.get(i);
            double px = LEFT + (t1 == t0 ? plotWidth / 2 : (p.time().toEpochMilli() - t0) / (double) (t1 - t0) * plotWidth);
            double value = Double.isFinite(p.value()) ? p.value() : 0;
            double py = TOP + (max - value) / (max - min) * plotHeight;
            path.append(i == 0 ? "M" : " L").append(num(px)).append(',').append(num(py));
            if (i == 0) firstX = px;
            lastX = px;
        }
        if (chart.area()) {
            double zero = TOP + max / (max - min) * plotHeight;
            svg.append("<path d=\"").append(path).append(" L").append(num(lastX)).append(',').append(num(zero))
                    .append(" L").append(num(firstX)).append(',').append(num(zero)).append(" Z\" fill=\"").append(color)
                    .append("\" fill-opacity=\"0.25\" stroke=\"none\"/>");
        }
        svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>");
        svg.append("</svg>");
        return svg.toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line class=\"" + cls + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\"/>";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Tick values at a round step (1, 2 or 5 times a power of ten) covering {@code [min, max]}. */
    private record Scale(double min, double max) {

        double step() {
            double raw = (max - min) / 4;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double normalized = raw / magnitude;
            double nice = normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10;
            return nice * magnitude;
        }

        List<Double> ticks() {
            double step = step();
            java.util.ArrayList<Double> ticks = new java.util.ArrayList<>();
            for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
            return ticks;
        }

        String label(double tick) {
            double step = step();
            int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
            return String.format(Locale.ROOT, "%,." + decimals + "f", tick);
        }
    }
}
