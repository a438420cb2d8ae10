package io.tradekit.core.marketdata;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeframeAggregatorTest {

    static final Timeframe M15 = Timeframe.parse("15m");
    static final Instant MIDNIGHT = Instant.parse("2024-03-04T00:00:00Z");

    static Bar m5(Instant open, String o, String h, String l, String c, String v) {
        return new Bar("ETH", Timeframe.M5, open, new BigDecimal(o), new BigDecimal(h), new BigDecimal(l), new BigDecimal(c), new BigDecimal(v));
    }

    static Instant at(int minutes) {
        return MIDNIGHT.plusSeconds(60L * minutes);
    }

    private static List<Bar> feed(TimeframeAggregator aggregator, List<Bar> bars, List<Integer> emittedAt) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            List<Bar> closed = aggregator.add(bars.get(i));
            for (int k = 0; k < closed.size(); k++) emittedAt.add(i);
            out.addAll(closed);
        }
        return out;
    }

    @Test
    void aQuarterHourIsMadeWhenItsThirdFiveMinuteBarClosesWithTheFirstOpenExtremesLastCloseAndSummedVolume() {
        TimeframeAggregator quarter = new TimeframeAggregator("ETH", Timeframe.M5, M15);
        List<Integer> emittedAt = new ArrayList<>();

        List<Bar> made = feed(quarter, List.of(
                m5(at(0), "10", "12", "9", "11", "1.5"),
                m5(at(5), "11", "14", "10", "13", "2"),
                m5(at(10), "13", "13", "8", "9", "0.25"),
                m5(at(15), "9", "10", "9", "10", "1")), emittedAt);

        // open 10 (first bar), high max(12,14,13)=14, low min(9,10,8)=8, close 9 (third bar), volume 1.5+2+0.25=3.75
        assertThat(made).containsExactly(new Bar("ETH", M15, at(0), new BigDecimal("10"), new BigDecimal("14"), new BigDecimal("8"),
                new BigDecimal("9"), new BigDecimal("3.75")));
        assertThat(emittedAt).as("made on the third bar, the one closing at 00:15; the fourth starts the next quarter").containsExactly(2);
    }

    @Test
    void aMissingBarInsideAPeriodIsLeftOutAndAMissingLastBarClosesThePeriodWhenTheNextPeriodBegins() {
        TimeframeAggregator quarter = new TimeframeAggregator("ETH", Timeframe.M5, M15);
        List<Integer> emittedAt = new ArrayList<>();

        List<Bar> made = feed(quarter, List.of(
                m5(at(0), "10", "12", "9", "11", "1"),
                // 00:05 missing
                m5(at(10), "11", "13", "10", "12", "1"),
                m5(at(15), "12", "15", "12", "14", "2"),
                m5(at(20), "14", "16", "13", "15", "2"),
                // 00:25 missing: the quarter 00:15 closes when the bar at 00:30 arrives
                // quarter 00:45 has no bar at all
                m5(at(30), "15", "15", "14", "14", "1"),
                m5(at(35), "14", "14", "13", "13", "1"),
                m5(at(40), "13", "13", "12", "12", "1"),
                m5(at(60), "12", "13", "11", "13", "1")), emittedAt);

        assertThat(made).extracting(Bar::openTime).containsExactly(at(0), at(15), at(30));
        // 00:00 from the bars at 00:00 and 00:10: o 10, h 13, l 9, c 12, v 2
        assertThat(made.get(0)).isEqualTo(new Bar("ETH", M15, at(0), new BigDecimal("10"), new BigDecimal("13"), new BigDecimal("9"),
                new BigDecimal("12"), new BigDecimal("2")));
        // 00:15 from 00:15 and 00:20: o 12, h 16, l 12, c 15, v 4
        assertThat(made.get(1)).isEqualTo(new Bar("ETH", M15, at(15), new BigDecimal("12"), new BigDecimal("16"), new BigDecimal("12"),
                new BigDecimal("15"), new BigDecimal("4")));
        assertThat(emittedAt).as("00:00 on its last bar (00:10); 00:15 when 00:30 arrives; 00:30 on its last bar (00:40)").containsExactly(1, 4, 6);
        assertThat(made).allSatisfy(bar -> assertThat(bar.timeframe()).isEqualTo(M15));
    }

    @Test
    void theFirstPeriodIsMadeOnlyWhenItsFirstBarStartsIt() {
        TimeframeAggregator hour = new TimeframeAggregator("ETH", Timeframe.M5, Timeframe.H1);
        List<Bar> bars = new ArrayList<>();
        // from 00:25 to 02:00: the hour 00:00 is cut, the hour 01:00 whole
        for (int m = 25; m < 120; m += 5) bars.add(m5(at(m), "10", "11", "9", "10", "1"));

        List<Bar> made = feed(hour, bars, new ArrayList<>());

        assertThat(made).extracting(Bar::openTime).containsExactly(at(60));
        assertThat(made.getFirst().volume()).isEqualByComparingTo("12");
    }

    @Test
    void periodsAreAlignedToUtcAndWeeksStartOnMonday() {
        TimeframeAggregator fourHours = new TimeframeAggregator("ETH", Timeframe.H1, Timeframe.parse("4h"));
        Instant threeOclock = Instant.parse("2024-03-04T03:00:00Z");
        Bar h1 = new Bar("ETH", Timeframe.H1, threeOclock, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE);
        // 03:00-04:00 is the last hour of the 4h period 00:00-04:00 in UTC, but it was the first bar seen: a cut period
        assertThat(fourHours.add(h1)).isEmpty();

        TimeframeAggregator week = new TimeframeAggregator("ETH", Timeframe.D1, Timeframe.parse("1w"));
        List<Bar> days = new ArrayList<>();
        // 2024-03-04 is a Monday
        for (int d = 0; d < 8; d++) {
            days.add(new Bar("ETH", Timeframe.D1, MIDNIGHT.plusSeconds(86_400L * d), BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                    BigDecimal.TEN, BigDecimal.ONE));
        }
        List<Integer> emittedAt = new ArrayList<>();
        List<Bar> weeks = feed(week, days, emittedAt);
        assertThat(weeks).extracting(Bar::openTime).containsExactly(MIDNIGHT);
        assertThat(emittedAt).as("on Sunday's bar").containsExactly(6);
    }

    @Test
    void refusesATimeframeThatIsNoWholeMultipleAndABarAcrossABoundary() {
        assertThatThrownBy(() -> new TimeframeAggregator("ETH", Timeframe.M5, Timeframe.parse("7m")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("7m cannot be made from 5m bars");
        assertThatThrownBy(() -> new TimeframeAggregator("ETH", Timeframe.H1, Timeframe.M5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("5m cannot be made from 1h bars");

        TimeframeAggregator quarter = new TimeframeAggregator("ETH", Timeframe.M5, M15);
        assertThatThrownBy(() -> quarter.add(m5(at(12), "10", "11", "9", "10", "1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("crosses the 15m boundary at 2024-03-04T00:15:00Z");
    }
}
