package io.tradekit.risk.internal;

import io.tradekit.api.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DecimalNumFactory;

import java.util.List;

/** A one-off ta4j series copied from api bars, so that ta4j's indicators can read them. */
public final class Ta4jSeries {

    private Ta4jSeries() {
    }

    public static BarSeries of(String name, List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName(name).withNumFactory(DecimalNumFactory.getInstance()).build();
        for (Bar b : bars) {
            series.barBuilder().timePeriod(b.timeframe().duration()).endTime(b.closeTime())
                    .openPrice(b.open()).highPrice(b.high()).lowPrice(b.low()).closePrice(b.close()).volume(b.volume()).add();
        }
        return series;
    }
}
