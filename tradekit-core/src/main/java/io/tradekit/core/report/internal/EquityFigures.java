package io.tradekit.core.report.internal;

import io.tradekit.core.EquityPoint;
import io.tradekit.core.report.ChartPoint;
import io.tradekit.core.report.LineChart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The two pictures every backtest report has: the equity curve and its drawdown from the running peak. */
public final class EquityFigures {

    private EquityFigures() {
    }

    public static LineChart equity(List<EquityPoint> curve, String quoteAsset) {
        List<ChartPoint> points = new ArrayList<>(curve.size());
        for (EquityPoint p : curve) points.add(new ChartPoint(p.time(), p.equity().doubleValue()));
        return new LineChart("Equity", quoteAsset, points, false);
    }

    /** Drawdown in percent, zero or negative: how far below its highest point so far the equity stands. */
    public static LineChart drawdown(List<EquityPoint> curve) {
        List<ChartPoint> points = new ArrayList<>(curve.size());
        BigDecimal peak = null;
        for (EquityPoint p : curve) {
            if (peak == null || p.equity().compareTo(peak) > 0) peak = p.equity();
            double fall = peak.signum() <= 0 ? 0.0 : (peak.doubleValue() - p.equity().doubleValue()) / peak.doubleValue() * 100.0;
            points.add(new ChartPoint(p.time(), fall == 0.0 ? 0.0 : -fall));
        }
        return new LineChart("Drawdown", "%", points, true);
    }
}
