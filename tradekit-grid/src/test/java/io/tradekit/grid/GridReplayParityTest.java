package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.OrderStatus;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay of the grid equals its backtest fill for fill, in the same order, where the funds are tight: on each
 * recenter the grid cancels its ladder, sells what the new one does not need at market and lays the new one out in
 * one burst, and each buy is affordable only once the orders before it in that burst have reached the venue.
 */
class GridReplayParityTest {

    @TempDir
    Path dir;

    @Test
    void aRecenteringGridOnTightFundsReplaysFillForFillInTheOrderOfItsBacktest() {
        List<Bar> bars = PricePath.randomWalk(2500, 0.004, 21);
        BacktestResult backtest = TradeKit.backtest().bars(bars).instrument(PricePath.BTC).strategy(new GridStrategy(settings()))
                .cash(d("1000")).feeBps(d("10")).run();
        long refused = backtest.orders().stream().filter(o -> o.status() == OrderStatus.REJECTED).count();
        assertThat(backtest.fills()).as("fills of the backtest").hasSizeGreaterThan(100);

        for (int run = 1; run <= 2; run++) {
            BacktestResult replay = Replay.over(bars).strategy("grid", new GridStrategy(settings())).instrument(PricePath.BTC)
                    .cash(d("1000")).feeBps(d("10")).database(dir.resolve("run" + run + "/bot.db")).run();
            assertSameInOrder(backtest.fills(), replay.fills(), run);
            assertThat(replay.orders().stream().filter(o -> o.status() == OrderStatus.REJECTED).count())
                    .as("orders the venue refused, replay %d", run).isEqualTo(refused);
            assertThat(replay.realizedPnl()).as("realized, replay %d", run).isEqualByComparingTo(backtest.realizedPnl());
            assertThat(replay.finalEquity()).as("final equity, replay %d", run).isEqualByComparingTo(backtest.finalEquity());
        }
    }

    private static void assertSameInOrder(List<Fill> expected, List<Fill> actual, int run) {
        assertThat(actual).as("fills of replay %d", run).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Fill a = expected.get(i);
            Fill b = actual.get(i);
            String where = "fill " + i + " of replay " + run + " (backtest: " + a.side() + " " + a.quantity() + " at " + a.price() + ", " + a.time() + ")";
            assertThat(b.side()).as(where).isEqualTo(a.side());
            assertThat(b.price()).as(where).isEqualByComparingTo(a.price());
            assertThat(b.quantity()).as(where).isEqualByComparingTo(a.quantity());
            assertThat(b.time()).as(where).isEqualTo(a.time());
            assertThat(b.clientOrderId().substring(b.clientOrderId().indexOf('-'))).as(where)
                    .isEqualTo(a.clientOrderId().substring(a.clientOrderId().indexOf('-')));
        }
    }

    /** A recentering grid whose budget is nearly all the cash: a recenter's buys wait for its market sell's proceeds. */
    private static GridSettings settings() {
        return GridSettings.builder().center(d("100")).spacing(d("0.4"), SpacingUnit.PERCENT).levels(8).budget(d("950"))
                .postOnly(true).rebalancing(new Rebalancing(RebalanceMode.RECENTER, 2, 10)).build();
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
