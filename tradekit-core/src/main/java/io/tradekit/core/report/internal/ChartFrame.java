package io.tradekit.core.report.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plot area of one SVG chart: where a time and a value land in pixels, and the axes drawn around
 * it (value labels at round steps, time labels in UTC, light horizontal grid lines).
 */
final class ChartFrame {

    static final int LEFT = 78;
    static final int RIGHT = 18;
    static final int TOP = 14;
    static final int BOTTOM = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private static final long MINUTE_MILLIS = 60_000L;
    private static final long HOUR_MILLIS = 60 * MINUTE_MILLIS;
    static final long DAY_MILLIS = 24 * HOUR_MILLIS;
    private static final long[] TIME_STEPS = {MINUTE_MILLIS, 2 * MINUTE_MILLIS, 5 * MINUTE_MILLIS, 10 * MINUTE_MILLIS, 15 * MINUTE_MILLIS,
            30 * MINUTE_MILLIS, HOUR_MILLIS, 2 * HOUR_MILLIS, 3 * HOUR_MILLIS, 6 * HOUR_MILLIS, 12 * HOUR_MILLIS, DAY_MILLIS, 2 * DAY_MILLIS,
            7 * DAY_MILLIS, 14 * DAY_MILLIS, 28 * DAY_MILLIS, 91 * DAY_MILLIS, 182 * DAY_MILLIS, 364 * DAY_MILLIS};
    private static final int MAX_TIME_TICKS = 7;

    private final int width;
    private final int height;
    private final double min;
    private final double max;
    private final long t0;
    private final long t1;

    ChartFrame(int width, int height, double min, double max, Instant from, Instant to) {
        this.width = width;
        this.height = height;
        this.min = min;
        this.max = max;
        this.t0 = from.toEpochMilli();
        this.t1 = to.toEpochMilli();
    }

    double plotWidth() {
        return width - LEFT - RIGHT;
    }

    double plotHeight() {
        return height - TOP - BOTTOM;
    }

    double x(Instant time) {
        return x(time.toEpochMilli());
    }

    double x(long epochMilli) {
        return LEFT + (t1 == t0 ? plotWidth() / 2 : (epochMilli - t0) / (double) (t1 - t0) * plotWidth());
    }

    double y(double value) {
        return TOP + (max - value) / (max - min) * plotHeight();
    }

    /** Opens the SVG element, with the title as its accessible name. */
    static void open(StringBuilder svg, int width, int height, String title) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">");
    }

    /** A whole SVG that says there is nothing to draw. */
    static String empty(int width, int height, String title) {
        StringBuilder svg = new StringBuilder();
        open(svg, width, height, title);
        svg.append("<text x=\"").append(width / 2).append("\" y=\"").append(height / 2)
                .append("\" text-anchor=\"middle\" class=\"empty\">no data recorded</text></svg>");
        return svg.toString();
    }

    /** Grid lines with value labels, time ticks with labels, and the base line. */
    void axes(StringBuilder svg, String unit) {
        Scale scale = new Scale(min, max);
        svg.append("<g class=\"axis\">");
        for (double tick : scale.ticks()) {
            double py = y(tick);
            svg.append(line(LEFT, py, width - RIGHT, py, "grid"));
            svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(num(py + 4)).append("\" text-anchor=\"end\">")
                    .append(Html.escape(scale.label(tick) + (unit.isEmpty() ? "" : " " + unit))).append("</text>");
        }
        double bottom = TOP + plotHeight();
        if (t1 == t0) {
            timeLabel(svg, x(t0), bottom, "middle", MINUTE.format(Instant.ofEpochMilli(t0)));
        } else if (t1 - t0 < MINUTE_MILLIS) {
            timeLabel(svg, x(t0), bottom, "start", MINUTE.format(Instant.ofEpochMilli(t0)));
            timeLabel(svg, x(t1), bottom, "end", MINUTE.format(Instant.ofEpochMilli(t1)));
        } else {
            long step = timeStep(t1 - t0);
            DateTimeFormatter format = step >= DAY_MILLIS ? DAY : MINUTE;
            for (long t = Math.floorDiv(t0 + step - 1, step) * step; t <= t1; t += step) {
                double px = x(t);
                String anchor = px - LEFT < 30 ? "start" : width - RIGHT - px < 30 ? "end" : "middle";
                timeLabel(svg, px, bottom, anchor, format.format(Instant.ofEpochMilli(t)));
            }
        }
        svg.append(line(LEFT, bottom, width - RIGHT, bottom, "base"));
        svg.append("</g>");
    }

    private static void timeLabel(StringBuilder svg, double px, double bottom, String anchor, String text) {
        svg.append(line(px, bottom, px, bottom + 5, "tick"));
        svg.append("<text x=\"").append(num(px)).append("\" y=\"").append(num(bottom + 20))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(text).append("</text>");
    }

    /**
     * The shortest round step (a minute, an hour, a day, a week, ...) that puts at most
     * {@value #MAX_TIME_TICKS} ticks on the span; ticks fall on its multiples in UTC, so that a day's
     * label sits at midnight.
     */
    static long timeStep(long spanMillis) {
        for (long step : TIME_STEPS) {
            if (spanMillis / step <= MAX_TIME_TICKS) return step;
        }
        long years = spanMillis / (365 * DAY_MILLIS * MAX_TIME_TICKS) + 1;
        return years * 365 * DAY_MILLIS;
    }

    static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line class=\"" + cls + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\"/>";
    }

    static String num(double v) {
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
            List<Double> ticks = new ArrayList<>();
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
