package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegimeDetectorTest {

    private final RegimeDetector detector = RegimeDetector.standard();

    @Test
    void steadyUptrendIsTrendingUp() {
        RegimeReading r = detector.detect(SyntheticBars.trend("BTCUSDT", 150, 100, 0.01));
        assertThat(r.regime()).isEqualTo(MarketRegime.TRENDING_UP);
        assertThat(r.adx()).isGreaterThan(BigDecimal.valueOf(25));
        assertThat(r.plusDi()).isGreaterThan(r.minusDi());
        assertThat(r.shock()).isFalse();
    }

    @Test
    void steadyDowntrendIsTrendingDown() {
        RegimeReading r = detector.detect(SyntheticBars.trend("BTCUSDT", 150, 100, -0.01));
        assertThat(r.regime()).isEqualTo(MarketRegime.TRENDING_DOWN);
        assertThat(r.minusDi()).isGreaterThan(r.plusDi());
    }

    @Test
    void flatWaveIsRanging() {
        RegimeReading r = detector.detect(SyntheticBars.flatWave("BTCUSDT", 150));
        assertThat(r.regime()).isEqualTo(MarketRegime.RANGING);
        assertThat(r.adx()).isLessThan(BigDecimal.valueOf(25));
        assertThat(r.volatilityPercentile()).as("a steady wave has the same volatility throughout").isEqualTo(0.5);
    }

    @Test
    void volatilitySpikeIsHighVolatilityAtTheTopPercentile() {
        RegimeReading r = detector.detect(SyntheticBars.waveThenSpike("BTCUSDT", 150, 3));
        assertThat(r.regime()).isEqualTo(MarketRegime.HIGH_VOLATILITY);
        // The last value is the only one of its size among the 100 ranked: 99 below plus half of itself.
        assertThat(r.volatilityPercentile()).isEqualTo(0.995);
        assertThat(r.realizedVolatility()).isGreaterThan(0.02);
    }

    @Test
    void aBarWhoseRangeIsThreeAtrsIsAShockEvenWhenClosesAreCalm() {
        List<Bar> bars = new ArrayList<>(SyntheticBars.flatWave("BTCUSDT", 150));
        Bar last = bars.removeLast();
        bars.add(SyntheticBars.bar("BTCUSDT", 149, last.open().doubleValue(), last.close().doubleValue(), 5));
        RegimeReading r = detector.detect(bars);
        assertThat(r.volatilityPercentile()).isEqualTo(0.5);
        assertThat(r.shock()).isTrue();
        assertThat(r.regime()).isEqualTo(MarketRegime.HIGH_VOLATILITY);
    }

    @Test
    void tooFewBarsAreRefusedNamingHowManyAreNeeded() {
        assertThatThrownBy(() -> detector.detect(SyntheticBars.flatWave("ETHUSDT", 50)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("regime detection needs at least 120 bars of ETHUSDT, got 50");
    }
}
