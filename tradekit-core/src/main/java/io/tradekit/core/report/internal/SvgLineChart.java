package io.tradekit.core.report.internal;

import io.tradekit.core.report.ChartPoint;
import io.tradekit.core.report.LineChart;

import java.util.List;

import static io.tradekit.core.report.internal.ChartFrame.num;

/**
 * Draws a {@link LineChart} as a self-contained inline SVG: axes with rounded tick values, time labels
 * in UTC, and the series as a line or as an area down to zero. No script, no external resource.
 */
public final class SvgLineChart {

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
        if (points.isEmpty()) return ChartFrame.empty(width, height, chart.title());
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
        ChartFrame frame = new ChartFrame(width, height, min, max, points.getFirst().time(), points.getLast().time());
        StringBuilder svg = new StringBuilder();
        ChartFrame.open(svg, width, height, chart.title());
        frame.axes(svg, chart.unit());

        StringBuilder path = new StringBuilder();
        double firstX = 0;
        double lastX = 0;
        for (int i = 0; i < points.size(); i++) {
            ChartPoint p = points.get(i);
            double px = frame.x(p.time());
            double py = frame.y(Double.isFinite(p.value()) ? p.value() : 0);
            path.append(i == 0 ? "M" : " L").append(num(px)).append(',').append(num(py));
            if (i == 0) firstX = px;
            lastX = px;
        }
        if (chart.area()) {
            double zero = frame.y(0);
            svg.append("<path d=\"").append(path).append(" L").append(num(lastX)).append(',').append(num(zero))
                    .append(" L").append(num(firstX)).append(',').append(num(zero)).append(" Z\" fill=\"").append(color)
                    .append("\" fill-opacity=\"0.25\" stroke=\"none\"/>");
        }
        svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>");
        svg.append("</svg>");
        return svg.toString();
    }
}
