package io.tradekit.strategies;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.Replay;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmaCrossTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Instrument SOL = new Instrument("SOL-USD", "SOL", "USD", new BigDecimal("0.01"), new BigDecimal("0.0001"),
            BigDecimal.ZERO, BigDecimal.ZERO);

    /**
     * Falls by 1 for 12 bars, rises by 3 for 10, falls by 3 for 10, rises by 5 for 6: after the warmup the 3 and 6
     * bar averages cross up, down and up again, and are never equal (an equality would make the crossing a matter of
     * convention).
     */
    static List<BigDecimal> closes() {
        List<BigDecimal> closes = new ArrayList<>();
        BigDecimal p = new BigDecimal("100");
        for (int i = 0; i < 12; i++) closes.add(p = p.subtract(BigDecimal.ONE));
        for (int i = 0; i < 10; i++) closes.add(p = p.add(new BigDecimal("3")));
        for (int i = 0; i < 10; i++) closes.add(p = p.subtract(new BigDecimal("3")));
        for (int i = 0; i < 6; i++) closes.add(p = p.add(new BigDecimal("5")));
        return closes;
    }

    static List<Bar> bars(List<BigDecimal> closes) {
        List<Bar> bars = new ArrayList<>();
        BigDecimal previous = closes.getFirst();
        for (int i = 0; i < closes.size(); i++) {
            BigDecimal c = closes.get(i);
            bars.add(new Bar("SOL-USD", Timeframe.M1, T0.plusSeconds(60L * i), previous, previous.max(c), previous.min(c), c, BigDecimal.ONE));
            previous = c;
        }
        return bars;
    }

    /** The test's own arithmetic: the mean of the {@code n} closes up to {@code i}. */
    static BigDecimal mean(List<BigDecimal> closes, int i, int n) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = i - n + 1; k <= i; k++) sum = sum.add(closes.get(k));
        return sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
    }

    @Test
    void buysWhenTheFastAverageCrossesAboveTheSlowOneAndSellsWhenItCrossesBelow() {
        int fast = 3;
        int slow = 6;
        List<BigDecimal> closes = closes();
        List<Side> expectedSides = new ArrayList<>();
        List<BigDecimal> expectedPrices = new ArrayList<>();
        boolean holding = false;
        for (int i = slow; i < closes.size(); i++) {
            int before = mean(closes, i - 1, fast).compareTo(mean(closes, i - 1, slow));
            int now = mean(closes, i, fast).compareTo(mean(closes, i, slow));
            assertThat(before * now).as("no equal averages at bar %d", i).isNotZero();
            if (before < 0 && now > 0 && !holding) {
                expectedSides.add(Side.BUY);
                expectedPrices.add(closes.get(i));
                holding = true;
            } else if (before > 0 && now < 0 && holding) {
                expectedSides.add(Side.SELL);
                expectedPrices.add(closes.get(i));
                holding = false;
            }
        }
        assertThat(expectedSides).as("the data crosses up, down and up again").containsExactly(Side.BUY, Side.SELL, Side.BUY);

        BacktestResult result = TradeKit.backtest().bars(bars(closes)).instrument(SOL).strategy(new SmaCross(fast, slow))
                .feeBps(BigDecimal.ZERO).cash(new BigDecimal("1000")).run();

        assertThat(result.fills()).extracting(Fill::side).containsExactlyElementsOf(expectedSides);
        for (int i = 0; i < expectedPrices.size(); i++) {
            assertThat(result.fills().get(i).price()).as("fill %d at the close of the crossing bar", i).isEqualByComparingTo(expectedPrices.get(i));
        }
        // long only and all in: the sell closes exactly what the buy bought
        assertThat(result.fills().get(1).quantity()).isEqualByComparingTo(result.fills().get(0).quantity());
        assertThat(result.roundTrips()).hasSize(1);
    }

    @Test
    void aRestoredSideSeesACrossingOnTheFirstBarAfterARestart() {
        List<BigDecimal> closes = closes();
        List<Bar> bars = bars(closes);
        // the 3 and 6 bar averages cross up at bar 13 (see closes())
        SmaCross before = new SmaCross(3, 6);
        TradeKit.backtest().bars(bars.subList(0, 13)).instrument(SOL).strategy(before).run();
        assertThat(before.saveState()).isEqualTo("{\"side\":-1}");

        // the restarted run begins 5 bars earlier, so that bar 13 is its first bar after the warmup
        SmaCross restored = new SmaCross(3, 6);
        restored.restoreState(before.saveState());
        BacktestResult resumed = TradeKit.backtest().bars(bars.subList(8, bars.size())).instrument(SOL).strategy(restored).run();
        BacktestResult fresh = TradeKit.backtest().bars(bars.subList(8, bars.size())).instrument(SOL).strategy(new SmaCross(3, 6)).run();

        assertThat(resumed.fills().getFirst().side()).isEqualTo(Side.BUY);
        assertThat(resumed.fills().getFirst().price()).isEqualByComparingTo(closes.get(13));
        assertThat(fresh.fills().getFirst().price()).as("without the state the first bar only sets the side").isEqualByComparingTo(closes.get(34));
        assertThatThrownBy(() -> new SmaCross(3, 6).restoreState("{\"side\":7}")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new SmaCross(3, 6).restoreState("side=1")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aReplayKilledBeforeItSavedItsSideTakesTheSideFromItsWarmupBarsAndSeesTheCrossingOnItsFirstBar(@TempDir Path dir) throws Exception {
        List<BigDecimal> closes = closes();
        List<Bar> bars = bars(closes);
        Path db = dir.resolve("bot.db");
        // the 3 and 6 bar averages cross up at bar 13 (see closes()): the first run stops just before it
        Replay.over(bars.subList(0, 13)).strategy("sma-cross", new SmaCross(3, 6)).instrument(SOL).cash(new BigDecimal("1000")).database(db).run();
        // A kill leaves no snapshot of the strategy's side: take away the one the clean stop saved.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("DELETE FROM bot_snapshots")).isPositive();
        }

        BacktestResult resumed = Replay.over(bars).strategy("sma-cross", new SmaCross(3, 6)).instrument(SOL).cash(new BigDecimal("1000"))
                .database(db).run();

        assertThat(resumed.fills().getFirst().side()).isEqualTo(Side.BUY);
        assertThat(resumed.fills().getFirst().price()).isEqualByComparingTo(closes.get(13));
    }

    @Test
    void neverTradesOnAFallingMarket() {
        List<BigDecimal> falling = new ArrayList<>();
        for (int i = 0; i < 60; i++) falling.add(new BigDecimal(200 - i));

        BacktestResult result = TradeKit.backtest().bars(bars(falling)).instrument(SOL).strategy(new SmaCross(5, 20)).run();

        assertThat(result.orders()).isEmpty();
    }

    @Test
    void isFoundByNameWithDefaultPeriodsTenAndThirty() {
        var provider = Plugins.discover().strategy("sma-cross");
        SmaCross strategy = (SmaCross) provider.create(Params.empty("sma-cross"));

        assertThat(strategy.fast()).isEqualTo(10);
        assertThat(strategy.slow()).isEqualTo(30);
        assertThat(strategy.warmupBars()).isEqualTo(30);
        assertThat(((SmaCross) provider.create(Params.of("sma-cross", Map.of("fast", "5", "slow", "50")))).warmupBars()).isEqualTo(50);
    }

    @Test
    void refusesAFastPeriodThatIsNotBelowTheSlowOne() {
        var provider = new SmaCrossProvider();

        assertThatThrownBy(() -> provider.create(Params.of("sma-cross", Map.of("fast", "30", "slow", "30"))))
                .isInstanceOf(InvalidInputException.class).hasMessage("sma-cross: parameter 'fast' (30) must be smaller than 'slow' (30)");
        assertThatThrownBy(() -> provider.create(Params.of("sma-cross", Map.of("fast", "0"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'fast' must be at least 1");
        assertThatThrownBy(() -> provider.create(Params.of("sma-cross", Map.of("fast", "ten"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("parameter 'fast' is 'ten', expected a whole number");
        assertThatThrownBy(() -> provider.create(Params.of("sma-cross", Map.of("period", "5"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown parameter 'period'; known parameters are allowShort, fast, slow");
    }
}
