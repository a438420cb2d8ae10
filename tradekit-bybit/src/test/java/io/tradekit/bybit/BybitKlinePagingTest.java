package io.tradekit.bybit;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bybit answers the newest 1000 klines of a range, newest first: the adapter walks back and returns every bar oldest first. */
class BybitKlinePagingTest {

    @Test
    void historyLongerThanOnePageComesBackWholeAndOldestFirst() {
        List<Bar> bars = TestBars.wave("ETHUSDT", Timeframe.M1, 2500);
        try (SimulatedBybit venue = new SimulatedBybit(bars, 2500)) {
            List<Bar> history = venue.adapter().history("ETHUSDT", Timeframe.M1, TestBars.START, bars.getLast().closeTime());

            assertThat(history).hasSize(2500);
            assertThat(history.getFirst().openTime()).isEqualTo(TestBars.START);
            assertThat(history.getLast().openTime()).isEqualTo(bars.getLast().openTime());
            for (int i = 0; i < history.size(); i++) {
                assertThat(history.get(i).openTime()).isEqualTo(bars.get(i).openTime());
            }
            assertThat(venue.sim.requests("GET", "/v5/market/kline")).isEqualTo(3);
        }
    }
}
