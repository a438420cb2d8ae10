package io.tradekit.core.marketdata;

import io.tradekit.api.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * The one place where tradekit bars become ta4j bars. Indicator arithmetic uses ta4j's {@code DoubleNum}:
 * indicators are statistics, not money, and every price that reaches an order is BigDecimal again.
 * The series keeps at most {@code maxBars} bars, like the cache it mirrors.
 */
final class BarSeriesBridge {

    private final BarSeries series;

    BarSeriesBridge(String name, int maxBars) {
        series = new BaseBarSeriesBuilder().withName(name).withNumFactory(DoubleNumFactory.getInstance()).build();
        series.setMaximumBarCount(maxBars);
    }

    BarSeries series() {
        return series;
    }

    void append(Bar bar) {
        series.barBuilder()
                .timePeriod(bar.timeframe().duration())
                .endTime(bar.closeTime())
                .openPrice(bar.open())
                .highPrice(bar.high())
                .lowPrice(bar.low())
                .closePrice(bar.close())
                .volume(bar.volume())
                .add();
    }

    /** A standalone ta4j series of the given bars, built the same way (for analysis and benchmarks). */
    static BarSeries of(String name, Iterable<Bar> bars, int maxBars) {
        BarSeriesBridge bridge = new BarSeriesBridge(name, maxBars);
        for (Bar bar : bars) bridge.append(bar);
        return bridge.series;
    }
}
