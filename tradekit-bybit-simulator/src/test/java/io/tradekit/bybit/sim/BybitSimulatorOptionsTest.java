package io.tradekit.bybit.sim;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A simulator's options missing a part are refused naming the part, before anything is started. */
class BybitSimulatorOptionsTest {

    private static final List<Bar> BARS = List.of(new Bar("BTCUSDT", Timeframe.M1, Instant.parse("2024-01-01T00:00:00Z"),
            BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE));

    @Test
    void aMissingInstrumentBarsOrBalancesIsNamed() {
        BybitSimulator.Options good = BybitSimulator.Options.of(0, BARS);
        assertThatThrownBy(() -> new BybitSimulator.Options(0, BARS, null, good.credentials(), good.balances(), BigDecimal.TEN, BigDecimal.TEN,
                1, 20, good.category(), BigDecimal.ZERO)).isInstanceOf(NullPointerException.class).hasMessage("instrument");
        assertThatThrownBy(() -> new BybitSimulator.Options(0, null, good.instrument(), good.credentials(), good.balances(), BigDecimal.TEN,
                BigDecimal.TEN, 1, 20, good.category(), BigDecimal.ZERO)).isInstanceOf(NullPointerException.class).hasMessage("bars");
        assertThatThrownBy(() -> new BybitSimulator.Options(0, BARS, good.instrument(), good.credentials(), (Map<String, BigDecimal>) null,
                BigDecimal.TEN, BigDecimal.TEN, 1, 20, good.category(), BigDecimal.ZERO)).isInstanceOf(NullPointerException.class).hasMessage("balances");
    }
}
