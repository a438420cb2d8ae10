package io.tradekit.strategies;

import io.tradekit.api.Fill;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.Side;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RsiTest {

    /**
     * The test's own RSI, as Wilder defines it: the first average gain and loss are the plain means of the first
     * {@code period} changes (so the first RSI is at index {@code period}; NaN before it), then each average moves by
     * (today's gain or loss - the average) / period; RSI = 100 - 100 / (1 + average gain / average loss), 100 with no
     * loss, 0 with neither.
     */
    static double[] rsi(List<BigDecimal> closes, int period) {
        double[] out = new double[closes.size()];
        java.util.Arrays.fill(out, Double.NaN);
        double gain = 0;
        double loss = 0;
        for (int i = 1; i < closes.size(); i++) {
            double change = closes.get(i).subtract(closes.get(i - 1)).doubleValue();
            if (i <= period) {
                gain += Math.max(change, 0) / period;
                loss += Math.max(-change, 0) / period;
                if (i < period) continue;
            } else {
                gain += (Math.max(change, 0) - gain) / period;
                loss += (Math.max(-change, 0) - loss) / period;
            }
            out[i] = loss == 0 ? (gain == 0 ? 0 : 100) : 100 - 100 / (1 + gain / loss);
        }
        return out;
    }

    /** Falls by 2 for 10 bars, rises by 3 for 15, falls by 3 for 15. */
    static List<BigDecimal> closes() {
        List<BigDecimal> closes = new ArrayList<>();
        BigDecimal p = new BigDecimal("100");
        closes.add(p);
        for (int i = 0; i < 10; i++) closes.add(p = p.subtract(BigDecimal.TWO));
        for (int i = 0; i < 15; i++) closes.add(p = p.add(new BigDecimal("3")));
        for (int i = 0; i < 15; i++) closes.add(p = p.subtract(new BigDecimal("3")));
        return closes;
    }

    @Test
    void buysBelowOversoldAndSellsAboveOverbought() {
        int period = 5;
        List<BigDecimal> closes = closes();
        double[] rsi = rsi(closes, period);
        // Expected: from the first bar the strategy is called on (index period, after period + 1 bars), the first bar
        // under 30 buys (the engine ignores further buys while long), the first bar over 70 after it sells, and so on.
        // Falling by 2 from the start: no gain, so RSI = 0 at index 5: a buy at its close, 90.
        assertThat(rsi[5]).isZero();
        List<Side> expectedSides = new ArrayList<>();
        List<BigDecimal> expectedPrices = new ArrayList<>();
        boolean holding = false;
        for (int i = period; i < closes.size(); i++) {
            if (!holding && rsi[i] < 30) {
                expectedSides.add(Side.BUY);
                expectedPrices.add(closes.get(i));
                holding = true;
            } else if (holding && rsi[i] > 70) {
                expectedSides.add(Side.SELL);
                expectedPrices.add(closes.get(i));
                holding = false;
            }
        }
        assertThat(expectedSides).as("the data goes under 30, over 70 and under 30 again").containsExactly(Side.BUY, Side.SELL, Side.BUY);
        assertThat(expectedPrices.getFirst()).isEqualByComparingTo("90");

        BacktestResult result = TradeKit.backtest().bars(SmaCrossTest.bars(closes)).instrument(SmaCrossTest.SOL).strategy(new Rsi(period, 30, 70))
                .feeBps(BigDecimal.ZERO).cash(new BigDecimal("1000")).run();

        assertThat(result.fills()).extracting(Fill::side).containsExactlyElementsOf(expectedSides);
        for (int i = 0; i < expectedPrices.size(); i++) {
            assertThat(result.fills().get(i).price()).as("fill %d at the close of its bar", i).isEqualByComparingTo(expectedPrices.get(i));
        }
    }

    @Test
    void isFoundByNameWithPeriodFourteenAndLevelsThirtyAndSeventy() {
        Rsi strategy = (Rsi) Plugins.discover().strategy("rsi").create(Params.empty("rsi"));

        assertThat(strategy.period()).isEqualTo(14);
        assertThat(strategy.oversold()).isEqualTo(30.0);
        assertThat(strategy.overbought()).isEqualTo(70.0);
        assertThat(strategy.warmupBars()).isEqualTo(15);
        Rsi tuned = (Rsi) new RsiProvider().create(Params.of("rsi", Map.of("period", "9", "oversold", "25.5", "overbought", "80")));
        assertThat(tuned.oversold()).isEqualTo(25.5);
        assertThat(tuned.warmupBars()).isEqualTo(10);
    }

    @Test
    void refusesLevelsOutOfOrderOrRangeAndAShortPeriod() {
        RsiProvider provider = new RsiProvider();

        assertThatThrownBy(() -> provider.create(Params.of("rsi", Map.of("oversold", "70", "overbought", "70"))))
                .isInstanceOf(InvalidInputException.class).hasMessage("rsi: parameter 'oversold' (70.0) must be below 'overbought' (70.0)");
        assertThatThrownBy(() -> provider.create(Params.of("rsi", Map.of("overbought", "100"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'overbought' must be above 0 and below 100, got 100.0");
        assertThatThrownBy(() -> provider.create(Params.of("rsi", Map.of("oversold", "-5"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'oversold' must be above 0 and below 100");
        assertThatThrownBy(() -> provider.create(Params.of("rsi", Map.of("period", "1"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'period' must be at least 2, got 1");
        assertThatThrownBy(() -> provider.create(Params.of("rsi", Map.of("oversold", "low"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rsi: parameter 'oversold'");
        assertThatThrownBy(() -> provider.create(Params.of("rsi", Map.of("length", "14"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown parameter 'length'; known parameters are allowShort, overbought, oversold, period");
    }
}
