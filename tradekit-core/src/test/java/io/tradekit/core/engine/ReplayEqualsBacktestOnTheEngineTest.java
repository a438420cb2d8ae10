package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
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
 * The hardest caller of the kernel: a strategy that answers every fill with a post-only counter-order
 * one step away, as a grid does. A backtest and two replays (live loop thread, durable paper venue,
 * SQLite journal) of the same bars give the same fills at the same prices and times.
 */
class ReplayEqualsBacktestOnTheEngineTest {

    @TempDir
    Path dir;

    /** A tiny ladder: a buy 1 below the close when it has none, and for each fill a post-only order 1 away on the other side. */
    static final class CounterOrders implements Strategy {
        private boolean placed;

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (!placed || ctx.openOrders().isEmpty()) {
                placed = true;
                ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("0.5"), bar.close().subtract(BigDecimal.ONE))
                        .withType(OrderType.LIMIT_MAKER, TimeInForce.GTC));
            }
        }

        @Override
        public void onFill(Fill fill, StrategyContext ctx) {
            Side other = fill.side() == Side.BUY ? Side.SELL : Side.BUY;
            BigDecimal price = fill.side() == Side.BUY ? fill.price().add(BigDecimal.ONE) : fill.price().subtract(BigDecimal.ONE);
            ctx.submit(OrderIntent.limit("BTCUSDT", other, fill.quantity(), price).withType(OrderType.LIMIT_MAKER, TimeInForce.GTC));
        }
    }

    private static List<String> described(List<Fill> fills) {
        return fills.stream().map(f -> f.side() + " " + f.price().stripTrailingZeros().toPlainString() + " "
                + f.quantity().stripTrailingZeros().toPlainString() + " " + f.time()).toList();
    }

    @Test
    void fillHandlerOrdersGiveTheSameFillsInReplayAsInTheBacktest() {
        List<Bar> bars = Bars.walk(400, 7);
        BacktestResult backtest = TradeKit.backtest().bars(bars).instrument(Bars.BTC).strategy("counter", new CounterOrders()).run();
        assertThat(backtest.fills()).hasSizeGreaterThan(20);

        for (String run : List.of("r1", "r2")) {
            BacktestResult replay = Replay.over(bars).instrument(Bars.BTC).strategy("counter", new CounterOrders())
                    .database(dir.resolve(run).resolve("bot.db")).run();
            assertThat(described(replay.fills())).as(run).isEqualTo(described(backtest.fills()));
            assertThat(replay.roundTrips()).as(run).isEqualTo(backtest.roundTrips());
            assertThat(replay.realizedPnl()).as(run).isEqualByComparingTo(backtest.realizedPnl());
            assertThat(replay.finalEquity()).as(run).isEqualByComparingTo(backtest.finalEquity());
            assertThat(replay.ordersDenied()).isEqualTo(backtest.ordersDenied());
        }
    }

    @Test
    void aStrategyThatThrowsPausesTheBotWithAnErrorNamingItAndTheBar() {
        List<Bar> bars = Bars.closes("100", "101", "102", "103");
        Strategy failing = (bar, ctx) -> {
            if (bar.close().compareTo(new BigDecimal("102")) == 0) throw new IllegalStateException("boom");
        };
        List<io.tradekit.api.event.BotEvent> events = new java.util.ArrayList<>();
        BacktestResult r = TradeKit.backtest().bars(bars).instrument(Bars.BTC).strategy("fails-at-102", failing).onEvent(events::add).run();

        assertThat(r.strategyFailure()).hasValueSatisfying(f -> {
            assertThat(f.strategy()).isEqualTo("fails-at-102");
            assertThat(f.callback()).isEqualTo("onBar");
            assertThat(f.barTime()).contains(bars.get(2).closeTime());
            assertThat(f.error()).contains("boom");
        });
        assertThat(r.endedOnStrategyFailure()).isTrue();
        assertThat(events).filteredOn(e -> e instanceof io.tradekit.api.event.BotEvent.ErrorOccurred)
                .extracting(e -> ((io.tradekit.api.event.BotEvent.ErrorOccurred) e).message())
                .singleElement().satisfies(m -> assertThat(m).contains("fails-at-102").contains(bars.get(2).closeTime().toString()));
        assertThat(events).filteredOn(e -> e instanceof io.tradekit.api.event.BotEvent.StateChanged s && s.to() == BotState.PAUSED).hasSize(1);
    }
}
