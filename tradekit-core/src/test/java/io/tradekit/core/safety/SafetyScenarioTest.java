package io.tradekit.core.safety;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.SafetyEvent;
import io.tradekit.core.SafetyReport;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tradekit.core.safety.TestBars.BTC;
import static io.tradekit.core.safety.TestBars.T0;
import static io.tradekit.core.safety.TestBars.bar;
import static io.tradekit.core.safety.TestBars.closes;
import static io.tradekit.core.safety.TestBars.d;
import static org.assertj.core.api.Assertions.assertThat;

/** Breakers tripped through the engine by a policy plugged in like tradekit-risk's, the safety report and risk listeners. */
class SafetyScenarioTest {

    @TempDir
    Path dir;

    private static Plugins withFloor() {
        return Plugins.discover().register(PriceFloorPolicy.provider());
    }

    /** Buys 1 BTC at market on its first bar and keeps a bid resting 10 below the price; then bids again every bar. */
    private static final class BuyAndBid implements Strategy {
        int n;

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (n++ == 0) ctx.submit(OrderIntent.market("BTCUSDT", Side.BUY, BigDecimal.ONE));
            if (ctx.openOrders().isEmpty()) ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("0.1"), bar.close().subtract(BigDecimal.TEN)));
        }
    }

    @Test
    void aFlattenVerdictCancelsTheRestingBidClosesThePositionAndPausesWithNoOrderAfterTheTrip() {
        List<BotEvent> events = new ArrayList<>();
        List<Bar> bars = closes("100", "100", "98.5", "98", "97");
        BacktestResult r = TradeKit.backtest().bars(bars).instrument(BTC).strategy(new BuyAndBid()).cash(d("10000"))
                .plugins(withFloor()).risk(PriceFloorPolicy.limits("99", SafetyAction.FLATTEN)).onEvent(events::add).run();

        Instant trip = bars.get(2).closeTime();
        assertThat(r.safetyEvents()).containsExactly(new SafetyEvent(trip, "price-floor", SafetyAction.FLATTEN, "price 98.5 fell below the floor 99"));
        assertThat(r.finalState()).isEqualTo(BotState.STOPPED);
        assertThat(events).filteredOn(e -> e instanceof BotEvent.StateChanged).extracting(e -> ((BotEvent.StateChanged) e).to())
                .containsExactly(BotState.STARTING, BotState.RUNNING, BotState.PAUSED, BotState.STOPPED);
        // The bid resting when the breaker tripped was cancelled and the position sold at the bar's close.
        assertThat(r.orders()).filteredOn(o -> o.limitPrice().isPresent()).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELED));
        assertThat(r.fills()).extracting(f -> f.side() + " " + f.quantity().stripTrailingZeros().toPlainString() + " @ " + f.price().toPlainString())
                .containsExactly("BUY 1 @ 100", "SELL 1 @ 98.5");
        // No order passed the tripped breaker: after the trip only the flatten's reduce-only close went out.
        assertThat(events).filteredOn(e -> e instanceof BotEvent.OrderSubmitted s && !s.time().isBefore(trip))
                .extracting(e -> ((BotEvent.OrderSubmitted) e).order())
                .singleElement().satisfies(o -> {
                    assertThat(o.reduceOnly()).isTrue();
                    assertThat(o.tag()).isEqualTo("flatten");
                });
        assertThat(events).filteredOn(e -> e instanceof BotEvent.OrderDenied d && d.time().isAfter(trip)).hasSize(2)
                .allSatisfy(e -> assertThat(((BotEvent.OrderDenied) e).reason()).isEqualTo("bot is PAUSED"));
    }

    @Test
    void anEmergencyStopVerdictStopsFlattensAndStaysWhenThePriceRecovers() {
        List<BotEvent> risk = new ArrayList<>();
        List<Bar> bars = closes("100", "100", "98", "101", "102");
        BacktestResult r = TradeKit.backtest().bars(bars).instrument(BTC).strategy(new BuyAndBid()).cash(d("10000"))
                .plugins(withFloor()).risk(PriceFloorPolicy.limits("99", SafetyAction.EMERGENCY_STOP)).onRisk(risk::add).run();

        assertThat(r.fills()).extracting(f -> f.side()).containsExactly(Side.BUY, Side.SELL);
        assertThat(risk).filteredOn(e -> e instanceof BotEvent.StateChanged).extracting(e -> ((BotEvent.StateChanged) e).to())
                .containsExactly(BotState.EMERGENCY_STOP, BotState.STOPPED);
        // Back above the floor the policy says CONTINUE, but only an operator lifts an emergency stop.
        assertThat(risk).filteredOn(e -> e instanceof BotEvent.OrderDenied).hasSize(2)
                .allSatisfy(e -> assertThat(((BotEvent.OrderDenied) e).reason()).isEqualTo("bot is EMERGENCY_STOP"));
    }

    @Test
    void theSafetyReportShowsTheLevelTheBreakersAndHowCloseEachLimitIs() {
        List<BotEvent> risk = new CopyOnWriteArrayList<>();
        PaperSettings paper = PaperSettings.of(BTC, d("10000"));
        Strategy idle = (bar, ctx) -> { };
        WrappedPaperVenue venue = new WrappedPaperVenue(paper);
        try (TradingBot bot = TradeKit.bot("report").exchange(venue).symbol("BTCUSDT").timeframe(io.tradekit.api.Timeframe.M1)
                .strategy(idle).dataClock().plugins(withFloor()).risk(PriceFloorPolicy.limits("98", SafetyAction.REDUCE_ONLY))
                .onRisk(risk::add).build()) {
            bot.start();
            // usage is floor / price: 0.49, 0.65, 0.89, then past the floor
            venue.feed(bot, bar(0, "200", "200", "200", "200"));
            assertThat(bot.safetyReport().level()).isEqualTo(SafetyReport.Level.LOW);
            venue.feed(bot, bar(1, "200", "200", "150", "150"));
            assertThat(bot.safetyReport().level()).isEqualTo(SafetyReport.Level.MEDIUM);
            venue.feed(bot, bar(2, "150", "150", "110", "110"));
            SafetyReport high = bot.safetyReport();
            assertThat(high.level()).isEqualTo(SafetyReport.Level.HIGH);
            assertThat(high.activeBreakers()).isEmpty();
            assertThat(high.limits()).singleElement().satisfies(l -> {
                assertThat(l.policy()).isEqualTo("price-floor");
                assertThat(l.usage().rule()).isEqualTo(PriceFloorPolicy.RULE);
                assertThat(l.ratio()).isEqualByComparingTo(d("98").divide(d("110"), java.math.MathContext.DECIMAL64));
            });

            venue.feed(bot, bar(3, "110", "110", "97", "97"));
            SafetyReport tripped = bot.safetyReport();

            assertThat(tripped.state()).isEqualTo(BotState.REDUCE_ONLY);
            assertThat(tripped.level()).isEqualTo(SafetyReport.Level.CRITICAL);
            assertThat(tripped.activeBreakers()).singleElement().satisfies(v -> {
                assertThat(v.policy()).isEqualTo("price-floor");
                assertThat(v.action()).isEqualTo(SafetyAction.REDUCE_ONLY);
                assertThat(v.reason()).isEqualTo("price 97 fell below the floor 98");
            });
            assertThat(tripped.health().healthy()).isTrue();
            assertThat(tripped.protection()).isEmpty();
            assertThat(tripped.flatten()).isEmpty();
            assertThat(tripped.recentEvents()).extracting(FlattenTest::describe).containsExactly(
                    "alert price-floor WARNING: price 97 fell below the floor 98",
                    "state RUNNING -> REDUCE_ONLY by price-floor: price 97 fell below the floor 98");
            assertThat(risk).containsExactlyElementsOf(tripped.recentEvents());
        }
    }

    @Test
    void anEmergencyStopHoldsAcrossARestartUntilAnOperatorResumes() {
        Path db = dir.resolve("bot.db");
        Path book = io.tradekit.core.Replay.paperBookFor(db);
        PaperSettings settings = PaperSettings.of(BTC, d("10000"));
        Strategy bidsEveryBar = (bar, ctx) -> {
            if (ctx.openOrders().isEmpty()) ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("0.1"), d("90")));
        };
        try (TradingBot bot = TradeKit.bot("estop").exchange(io.tradekit.core.paper.PaperExchange.durable(settings, book)).symbol("BTCUSDT")
                .timeframe(io.tradekit.api.Timeframe.M1).strategy(bidsEveryBar).store(StateStores.sqlite(db)).dataClock().build()) {
            bot.start();
            ReplayDriver.of(bot).feed(bar(0, "100", "100.5", "99.5", "100"));
            bot.emergencyStop("exchange incident");
            assertThat(bot.state()).isEqualTo(BotState.EMERGENCY_STOP);
        }
        io.tradekit.core.paper.PaperExchange venue = io.tradekit.core.paper.PaperExchange.durable(settings, book);
        try (TradingBot bot = TradeKit.bot("estop").exchange(venue).symbol("BTCUSDT").timeframe(io.tradekit.api.Timeframe.M1)
                .strategy(bidsEveryBar).store(StateStores.sqlite(db)).dataClock().build()) {
            bot.start();
            assertThat(bot.state()).isEqualTo(BotState.EMERGENCY_STOP);
            ReplayDriver.of(bot).feed(bar(1, "100", "100.5", "99.5", "100"));
            assertThat(bot.openOrders()).isEmpty();
            assertThat(bot.safetyReport().level()).isEqualTo(SafetyReport.Level.CRITICAL);

            bot.resume("alice", "incident closed");
            ReplayDriver.of(bot).feed(bar(2, "100", "100.5", "99.5", "100"));
            assertThat(bot.state()).isEqualTo(BotState.RUNNING);
            assertThat(bot.openOrders()).hasSize(1);
        }
    }
}
