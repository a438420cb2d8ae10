package io.tradekit.core.protection;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.safety.PriceFloorPolicy;
import io.tradekit.core.safety.Venues;
import io.tradekit.core.sizing.PositionSizers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tradekit.core.safety.TestBars.BTC;
import static io.tradekit.core.safety.TestBars.bar;
import static io.tradekit.core.safety.TestBars.d;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each protection hit in a backtest through the real engine: the exit, its event, and the state afterwards.
 * A bar is played as its price path (open, the nearer of high and low, the other, close at 0, 20, 40 and
 * 60 s), so a protection fills at its level where the path crosses it, not at the bar's close.
 */
class ProtectionScenarioTest {

    private final List<BotEvent> events = new ArrayList<>();

    /** Goes long 1 BTC on bar {@code at} (counted from 0) and never sells: only a protection closes the position. */
    private static Strategy longOnceAt(int at) {
        return new Strategy() {
            int n;

            @Override
            public void onBar(Bar bar, StrategyContext ctx) {
                if (n++ == at) ctx.signal(Signal.BUY);
            }
        };
    }

    private BacktestResult run(List<Bar> bars, Strategy strategy, Protections protections) {
        return TradeKit.backtest().bars(bars).instrument(BTC).strategy(strategy).cash(d("10000")).feeBps(BigDecimal.ZERO)
                .sizer(PositionSizers.fixedQuantity(BigDecimal.ONE)).protection(protections).onEvent(events::add).run();
    }

    private static List<String> fills(BacktestResult r) {
        return r.fills().stream().map(f -> f.side() + " " + f.quantity().stripTrailingZeros().toPlainString() + " @ "
                + f.price().toPlainString() + " at " + f.time()).toList();
    }

    private List<BotEvent.RiskAlert> alerts() {
        return events.stream().filter(e -> e instanceof BotEvent.RiskAlert).map(e -> (BotEvent.RiskAlert) e).toList();
    }

    private static Order exitOrder(BacktestResult r) {
        return r.orders().stream().filter(o -> o.side() == Side.SELL).findFirst().orElseThrow();
    }

    @Test
    void aPercentStopLossClosesTheLongAtItsLevelWhereThePathReachesIt() {
        List<Bar> bars = List.of(bar(0, "100", "100.5", "99.5", "100"), bar(1, "100", "100.2", "98.5", "99"),
                bar(2, "99", "99.1", "97.9", "98.2"), bar(3, "98.2", "99", "98", "98.5"));
        BacktestResult r = run(bars, longOnceAt(0), Protections.stopLossPercent(d("0.02")));

        // bar 2 goes 99, 99.1 (the nearer), down through 98 to 97.9 (40 s), 98.2
        Instant hit = bars.get(2).openTime().plusSeconds(40);
        assertThat(fills(r)).containsExactly("BUY 1 @ 100 at " + bars.get(0).closeTime(), "SELL 1 @ 98 at " + hit);
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.policy()).isEqualTo("stop-loss");
            assertThat(a.action()).isEqualTo(SafetyAction.CONTINUE);
            assertThat(a.level()).isEqualTo(BotEvent.AlertLevel.WARNING);
            assertThat(a.time()).isEqualTo(hit);
            assertThat(a.reason()).isEqualTo("stop-loss 98 reached: long entered at 100, price 98 (stop 2%); closing 1 BTC");
        });
        assertThat(exitOrder(r)).satisfies(o -> {
            assertThat(o.type()).isEqualTo(OrderType.MARKET);
            assertThat(o.reduceOnly()).isTrue();
            assertThat(o.tag()).isEqualTo("stop-loss");
        });
        assertThat(r.safetyEvents()).isEmpty(); // a protection exit is a trade, not a change of the bot's state
    }

    /** Bars whose true range is exactly 2 (high 101, low 99 around 100), so that ATR(14) is exactly 2. */
    private static List<Bar> flatBars(int count) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(bar(i, "100", "101", "99", "100"));
        return out;
    }

    @Test
    void anAtrStopAndARiskRewardTakeProfitAreMeasuredFromTheEntry() {
        List<Bar> bars = new ArrayList<>(flatBars(15));
        bars.add(bar(15, "100", "108.5", "99.5", "108"));
        BacktestResult r = run(bars, longOnceAt(14), Protections.stopLossAtr(14, 2).takeProfitRR(2));

        // stop 2 x ATR 2 = 4 under the entry at 100; take-profit 2 x that distance above it, crossed on the way up to 108.5 (40 s)
        assertThat(fills(r)).containsExactly("BUY 1 @ 100 at " + bars.get(14).closeTime(), "SELL 1 @ 108 at " + bars.get(15).openTime().plusSeconds(40));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.policy()).isEqualTo("take-profit");
            assertThat(a.reason()).isEqualTo("take-profit 108 reached: long entered at 100, price 108 (take-profit); closing 1 BTC");
        });
        assertThat(exitOrder(r).tag()).isEqualTo("take-profit");
    }

    @Test
    void theAtrStopSideOfTheSameProtection() {
        List<Bar> bars = new ArrayList<>(flatBars(15));
        bars.add(bar(15, "100", "100.5", "95.9", "96.5"));
        BacktestResult r = run(bars, longOnceAt(14), Protections.stopLossAtr(14, 2).takeProfitRR(2));

        assertThat(fills(r).get(1)).isEqualTo("SELL 1 @ 96 at " + bars.get(15).openTime().plusSeconds(40));
        assertThat(alerts()).singleElement().satisfies(a ->
                assertThat(a.reason()).isEqualTo("stop-loss 96 reached: long entered at 100, price 96 (stop 2×ATR(14)); closing 1 BTC"));
    }

    @Test
    void anAtrStopWaitsForEnoughBarsAndSaysSo() {
        List<Bar> bars = new ArrayList<>(flatBars(16));
        bars.add(bar(16, "100", "100", "95.5", "96"));
        BacktestResult r = run(bars, longOnceAt(0), Protections.stopLossAtr(14, 2));

        assertThat(alerts()).extracting(a -> a.policy() + ": " + a.reason()).containsExactly(
                "protection: protections not in force yet: stop-loss 2×ATR(14): not enough bars yet",
                "stop-loss: stop-loss 96 reached: long entered at 100, price 96 (stop 2×ATR(14)); closing 1 BTC");
        assertThat(fills(r).get(1)).isEqualTo("SELL 1 @ 96 at " + bars.get(16).openTime().plusSeconds(40));
    }

    @Test
    void aTrailingStopFollowsTheHighAndClosesOnTheRetrace() {
        List<Bar> bars = List.of(bar(0, "100", "100.5", "99.5", "100"), bar(1, "100", "110", "100", "109"),
                bar(2, "109", "112", "108", "111"), bar(3, "111", "111", "106.5", "107.5"));
        BacktestResult r = run(bars, longOnceAt(0), Protections.trailingStop(StopDistance.fixed(d("5"))));

        // 95, then 110 - 5 = 105, then 112 - 5 = 107, which the next bar crosses on its way down to 106.5 (40 s)
        assertThat(fills(r).get(1)).isEqualTo("SELL 1 @ 107 at " + bars.get(3).openTime().plusSeconds(40));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.policy()).isEqualTo("trailing-stop");
            assertThat(a.reason()).isEqualTo("trailing-stop 107 reached: long entered at 100, price 107 (trailing 5 from best 112); closing 1 BTC");
        });
    }

    @Test
    void theBreakevenMoveLiftsTheStopToTheEntryOnceThePriceHasGoneFarEnough() {
        List<Bar> bars = List.of(bar(0, "100", "100.5", "99.5", "100"), bar(1, "100", "103.5", "100", "103"),
                bar(2, "103", "103", "99.8", "100.5"));
        BacktestResult r = run(bars, longOnceAt(0), Protections.stopLossPercent(d("0.05")).breakevenAfter(StopDistance.fixed(d("3"))));

        assertThat(alerts()).extracting(a -> a.policy() + " " + a.level() + ": " + a.reason()).containsExactly(
                "breakeven-stop INFO: stop moved to the entry 100 after the price reached 103.5",
                "breakeven-stop WARNING: breakeven-stop 100 reached: long entered at 100, price 100 (stop moved to the entry); closing 1 BTC");
        assertThat(fills(r).get(1)).isEqualTo("SELL 1 @ 100 at " + bars.get(2).openTime().plusSeconds(40));
    }

    @Test
    void aProtectionExitPassesInReduceOnlyWhileNewExposureDoesNot() {
        Strategy buyThenAddEveryBar = new Strategy() {
            int n;

            @Override
            public void onBar(Bar bar, StrategyContext ctx) {
                if (n++ == 0) ctx.signal(Signal.BUY);
                else ctx.submit(OrderIntent.market("BTCUSDT", Side.BUY, d("0.1")));
            }
        };
        List<Bar> bars = List.of(bar(0, "100", "100.5", "99.5", "100"), bar(1, "100", "100.2", "98.7", "98.8"),
                bar(2, "98.8", "98.9", "96.5", "97.2"), bar(3, "97.2", "97.5", "97", "97.3"));
        BacktestResult r = TradeKit.backtest().bars(bars).instrument(BTC).strategy(buyThenAddEveryBar).cash(d("10000"))
                .feeBps(BigDecimal.ZERO).sizer(PositionSizers.fixedQuantity(BigDecimal.ONE))
                .plugins(Plugins.discover().register(PriceFloorPolicy.provider())).risk(PriceFloorPolicy.limits("99", SafetyAction.REDUCE_ONLY))
                .protection(Protections.stopLossPercent(d("0.03"))).onEvent(events::add).run();

        Instant trip = bars.get(1).closeTime();
        assertThat(events).filteredOn(e -> e instanceof BotEvent.StateChanged).extracting(e -> ((BotEvent.StateChanged) e).to())
                .containsExactly(BotState.STARTING, BotState.RUNNING, BotState.REDUCE_ONLY, BotState.STOPPED);
        // the 3 % stop at 97, crossed on bar 2's way down to 96.5 (40 s)
        assertThat(fills(r)).containsExactly("BUY 1 @ 100 at " + bars.get(0).closeTime(), "SELL 1 @ 97 at " + bars.get(2).openTime().plusSeconds(40));
        // No order passed the tripped breaker except the reducing stop-loss exit.
        assertThat(events).filteredOn(e -> e instanceof BotEvent.OrderSubmitted s && !s.time().isBefore(trip))
                .extracting(e -> ((BotEvent.OrderSubmitted) e).order())
                .singleElement().satisfies(o -> {
                    assertThat(o.tag()).isEqualTo("stop-loss");
                    assertThat(o.reduceOnly()).isTrue();
                    assertThat(o.status()).isEqualTo(OrderStatus.PENDING_NEW);
                });
        assertThat(events).filteredOn(e -> e instanceof BotEvent.OrderDenied).extracting(e -> ((BotEvent.OrderDenied) e).deniedBy())
                .containsExactly("price-floor", "state", "state");
    }

    @Test
    void onAVenueWithoutMarketOrdersTheExitIsAnAggressiveLimitOrder() {
        Venues.NoMarketOrders venue = new Venues.NoMarketOrders(PaperSettings.of(BTC, d("10000")).withFees(BigDecimal.ZERO, BigDecimal.ZERO));
        Strategy buyOnce = new Strategy() {
            boolean done;

            @Override
            public void onBar(Bar bar, StrategyContext ctx) {
                if (!done) {
                    done = true;
                    ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, d("100")));
                }
            }
        };
        try (TradingBot bot = TradeKit.bot("guarded").exchange(venue).symbol("BTCUSDT").timeframe(io.tradekit.api.Timeframe.M1)
                .strategy(buyOnce).dataClock().protection(Protections.stopLossPercent(d("0.02"))).build()) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            venue.feed(bot, bar(1, "100", "100.2", "97.5", "97.8"));

            Order exit = bot.orders().stream().filter(o -> o.side() == Side.SELL).findFirst().orElseThrow();
            // 0.5 % through the last price 97.8 is 97.311, rounded up to the tick as a sell price is
            assertThat(exit.type()).isEqualTo(OrderType.LIMIT);
            assertThat(exit.limitPrice().orElseThrow()).isEqualByComparingTo("97.32");
            assertThat(exit.reduceOnly()).isTrue();
            assertThat(exit.tag()).isEqualTo("stop-loss");
            assertThat(exit.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(bot.position().quantity()).isZero();
            assertThat(venue.requests).noneMatch(q -> q.type() == OrderType.MARKET);
            assertThat(bot.safetyReport().protection()).isEmpty();
        }
    }

    @Test
    void aTickerBetweenBarsTriggersTheStopWithoutWaitingForTheClose() {
        io.tradekit.core.safety.WrappedPaperVenue venue = new io.tradekit.core.safety.WrappedPaperVenue(
                PaperSettings.of(BTC, d("10000")).withFees(BigDecimal.ZERO, BigDecimal.ZERO));
        List<BotEvent> risk = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TradingBot bot = TradeKit.bot("ticks").exchange(venue).symbol("BTCUSDT").timeframe(io.tradekit.api.Timeframe.M1)
                .strategy(longOnceAt(0)).sizer(PositionSizers.fixedQuantity(BigDecimal.ONE)).dataClock()
                .protection(Protections.stopLossPercent(d("0.02"))).onRisk(risk::add).build()) {
            bot.start();
            venue.feed(bot, bar(0, "100", "100.5", "99.5", "100"));
            Instant tick = bar(0, "100", "100.5", "99.5", "100").closeTime().plusSeconds(30);
            io.tradekit.api.Ticker quote = new io.tradekit.api.Ticker("BTCUSDT", tick, d("97.85"), d("97.95"), d("97.9"));
            venue.quote(quote);
            venue.post(new io.tradekit.api.event.Event.TickerUpdated(quote));
            ReplayDriver.of(bot).awaitIdle(java.time.Duration.ofSeconds(5));

            assertThat(risk).singleElement().isInstanceOfSatisfying(BotEvent.RiskAlert.class, a -> {
                assertThat(a.time()).isEqualTo(tick);
                assertThat(a.reason()).isEqualTo("stop-loss 98 reached: long entered at 100, price 97.9 (stop 2%); closing 1 BTC");
            });
            assertThat(venue.paper().fills("BTCUSDT", tick)).singleElement().satisfies(f -> {
                assertThat(f.side()).isEqualTo(Side.SELL);
                assertThat(f.price()).isEqualByComparingTo("97.85");
            });
            assertThat(bot.position().quantity()).isZero();
        }
    }
}
