package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveLoopTest {

    static PaperSettings paper() {
        return PaperSettings.of(Bars.BTC, new BigDecimal("10000"));
    }

    @Test
    void theThreadedLoopMakesTheSameTradesAsTheBacktest() {
        List<Bar> bars = Bars.walk(1_500, 11);
        BacktestResult backtest = TradeKit.backtest().bars(bars).instrument(Bars.BTC).strategy(new BacktestEngineTest.Alternating())
                .cash(new BigDecimal("10000")).run();

        PaperExchange venue = new PaperExchange(paper());
        try (TradingBot bot = TradeKit.bot("replay").exchange(venue).symbol("BTCUSDT").timeframe(bars.get(0).timeframe())
                .strategy(new BacktestEngineTest.Alternating()).dataClock().build()) {
            bot.start();
            for (Bar bar : bars) ReplayDriver.of(bot).feed(bar);
            List<Fill> liveFills = venue.fills("BTCUSDT", Bars.T0);
            assertThat(liveFills).hasSize(backtest.fills().size());
            for (int i = 0; i < liveFills.size(); i++) {
                Fill live = liveFills.get(i);
                Fill back = backtest.fills().get(i);
                assertThat(live.side()).isEqualTo(back.side());
                assertThat(live.price()).isEqualByComparingTo(back.price());
                assertThat(live.quantity()).isEqualByComparingTo(back.quantity());
                assertThat(live.time()).isEqualTo(back.time());
            }
            assertThat(bot.equity()).isEqualByComparingTo(backtest.finalEquity());
        }
    }

    @Test
    void noOrderLeavesOnStaleData() {
        List<BotEvent.OrderDenied> denied = new CopyOnWriteArrayList<>();
        Strategy eager = (bar, ctx) -> ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("90")));
        PaperExchange venue = new PaperExchange(paper());
        // wall clock: a bar from 2024 is long stale
        try (TradingBot bot = TradeKit.bot("stale").exchange(venue).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .strategy(eager).onEvent(e -> {
                    if (e instanceof BotEvent.OrderDenied d) denied.add(d);
                }).build()) {
            bot.start();
            ReplayDriver.of(bot).feed(Bars.closes("100").get(0));
            assertThat(denied).singleElement().satisfies(d -> {
                assertThat(d.deniedBy()).isEqualTo("stale-data");
                assertThat(d.reason()).contains("BTCUSDT");
            });
            assertThat(bot.openOrders()).isEmpty();
            assertThat(venue.openOrders("BTCUSDT")).isEmpty();
        }
    }

    @Test
    void anOrderWhoseRequestTimedOutIsLookedUpAndItsFillAppliedOnce() {
        FlakyVenue venue = new FlakyVenue(new PaperExchange(paper()), 1);
        Strategy once = new SubmitOnce(OrderIntent.market("BTCUSDT", Side.BUY, BigDecimal.ONE));
        List<BotEvent.ErrorOccurred> errors = new CopyOnWriteArrayList<>();
        try (TradingBot bot = TradeKit.bot("flaky").exchange(venue).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .strategy(once).dataClock().onEvent(e -> {
                    if (e instanceof BotEvent.ErrorOccurred x) errors.add(x);
                }).build()) {
            bot.start();
            for (Bar bar : Bars.closes("100", "101", "102", "103")) {
                venue.paper().onBar(bar); // the flaky wrapper is not itself a PaperExchange, so feed its book by hand
                ReplayDriver.of(bot).feed(bar);
            }
            assertThat(venue.placed.get()).isEqualTo(1); // never sent twice
            assertThat(bot.orders()).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                assertThat(o.filledQuantity()).isEqualByComparingTo("1");
            });
            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
            assertThat(errors).anySatisfy(e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN_OUTCOME));
        }
    }

    @Test
    void anOrderWhoseAnswerNeverComesIsLookedUpAfterTheTimeout() throws Exception {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        ForwardingVenue silent = new ForwardingVenue(new PaperExchange(paper())) {
            @Override
            public OrderAck place(OrderRequest request) {
                inner.place(request); // the venue takes the order...
                try {
                    never.await(); // ...but its answer is lost
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("unreachable");
            }
        };
        Strategy once = new SubmitOnce(OrderIntent.market("BTCUSDT", Side.BUY, BigDecimal.ONE));
        try (TradingBot bot = TradeKit.bot("silent").exchange(silent).symbol("BTCUSDT").timeframe(Bars.BTC_TF).strategy(once)
                .staleAfter(java.time.Duration.ofDays(100_000)).ackTimeout(java.time.Duration.ofMillis(300)).build()) {
            bot.start();
            Bar bar = Bars.closes("100").get(0);
            silent.paper().onBar(bar);
            ReplayDriver.of(bot).feed(bar);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline && bot.position().quantity().signum() == 0) Thread.sleep(50);
            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
            assertThat(bot.orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
        } finally {
            never.countDown();
        }
    }

    @Test
    void operatorPauseStopsNewOrdersAndResumeRestoresThem() {
        AtomicInteger submitted = new AtomicInteger();
        Strategy s = (bar, ctx) -> {
            if (ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("0.1"), new BigDecimal("50"))).isSent()) submitted.incrementAndGet();
        };
        try (TradingBot bot = TradeKit.bot("ops").exchange(new PaperExchange(paper())).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .strategy(s).dataClock().build()) {
            bot.start();
            List<Bar> bars = Bars.closes("100", "101", "102");
            ReplayDriver.of(bot).feed(bars.get(0));
            bot.pause("alice", "checking something");
            assertThat(bot.state()).isEqualTo(BotState.PAUSED);
            ReplayDriver.of(bot).feed(bars.get(1));
            bot.resume("alice", "done");
            ReplayDriver.of(bot).feed(bars.get(2));
            assertThat(submitted.get()).isEqualTo(2);
            assertThat(bot.state()).isEqualTo(BotState.RUNNING);
            bot.stop();
            // read after stop: answered at once from the final state, not after a timeout
            assertThat(bot.state()).isEqualTo(BotState.STOPPED);
            assertThat(bot.openOrders()).hasSize(2);
        }
    }

    @Test
    void builderSaysWhatIsMissing() {
        assertThatThrownBy(() -> TradeKit.bot("x").symbol("BTCUSDT").strategy((b, c) -> { }).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no exchange");
        assertThatThrownBy(() -> TradeKit.bot("x").exchange(new PaperExchange(paper())).strategy((b, c) -> { }).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no symbol");
        assertThatThrownBy(() -> TradeKit.bot("x").exchange(new PaperExchange(paper())).symbol("BTCUSDT").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no strategy");
    }

    /** A paper venue whose first {@code failures} order requests are accepted but answered with a 5xx. */
    static final class FlakyVenue extends ForwardingVenue {
        final AtomicInteger placed = new AtomicInteger();
        int failuresLeft;

        FlakyVenue(PaperExchange inner, int failures) {
            super(inner);
            this.failuresLeft = failures;
        }

        @Override
        public OrderAck place(OrderRequest request) {
            placed.incrementAndGet();
            OrderAck ack = inner.place(request);
            if (failuresLeft-- > 0) {
                throw new ExchangeException("paper", ErrorCategory.UNKNOWN_OUTCOME, "503", "HTTP 503 Service Unavailable");
            }
            return ack;
        }
    }
}
