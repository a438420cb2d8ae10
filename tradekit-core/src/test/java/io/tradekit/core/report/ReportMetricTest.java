package io.tradekit.core.report;

import io.tradekit.core.report.ReportMetric.Unit;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ReportMetricTest {

    static String shown(Duration d) {
        return new ReportMetric("d", "d", d, Unit.DURATION).display();
    }

    @Test
    void aDurationShowsItsTwoLargestUnits() {
        assertThat(shown(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(shown(Duration.ofMinutes(113))).isEqualTo("1 h 53 min");
        assertThat(shown(Duration.ofHours(90).plusMinutes(59))).isEqualTo("3 d 18 h");
        assertThat(shown(Duration.ofDays(2))).isEqualTo("2 d");
        assertThat(shown(Duration.ofMinutes(5).plusSeconds(12))).isEqualTo("5 min 12 s");
    }

    @Test
    void aStatisticWithoutAValueShowsAsNotAvailable() {
        assertThat(new ReportMetric("profitFactor", "profit factor", Double.NaN, Unit.RATIO).display()).isEqualTo("n/a");
    }
}
