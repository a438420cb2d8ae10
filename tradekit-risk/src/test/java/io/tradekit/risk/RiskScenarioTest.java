package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Instrument;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.SafetyEvent;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;

/** Each limit tripped in a backtest through the real engine, with the policies found on the classpath. */
class RiskScenarioTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", d("0.01"), d("0.001"), d("0.001"), d("5"));

    /** Long whenever flat: the engine sizes each buy to the whole equity. */
    private static final Strategy ALWAYS_LONG = (bar, ctx) -> ctx.signal(Signal.BUY);

    /** Buys when flat and sells when long, so that every two bars close a round trip. */
    private static final Strategy IN_AND_OUT = (bar, ctx) -> ctx.signal(ctx.position().isFlat() ? Signal.BUY : Signal.SELL);

    private final List<BotEvent> events = new ArrayList<>();

    private BacktestResult run(List<Bar> bars, Strategy strategy, RiskLimits limits) {
        return TradeKit.backtest().bars(bars).instrument(BTC).strategy(strategy).cash(d("10000")).feeBps(BigDecimal.ZERO)
                .risk(limits).onEvent(events::add).run();
    }

    private <T extends BotEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<BotEvent.StateChanged> transitions() {
        return events(BotEvent.StateChanged.class);
    }

    @Test
    void drawdownStopsTheBotFlattensItAndNoBuyGetsThroughAfterwards() {
        List<Bar> bars = SyntheticBars.closes("BTCUSDT", Timeframe.M1, T0, "100", "98", "96", "94.9", "94", "93");
        BacktestResult r = run(bars, ALWAYS_LONG, RiskLimits.builder().maxDrawdown(d("0.05")).build());

        assertThat(r.safetyEvents()).containsExactly(new SafetyEvent(T0.plusSeconds(240), "max-drawdown", SafetyAction.EMERGENCY_STOP,
                "drawdown 0.051 (5.1 %, equity 9490 from peak 10000) reached max-drawdown 0.05"));
        assertThat(transitions()).extracting(BotEvent.StateChanged::to)
                .containsExactly(BotState.STARTING, BotState.RUNNING, BotState.EMERGENCY_STOP, BotState.STOPPED);
        // The buy of 100 BTC at 100, then the flatten sale at 94.9; nothing after.
        assertThat(r.fills()).extracting(f -> f.side() + " " + f.quantity().stripTrailingZeros().toPlainString() + " @ " + f.price().toPlainString())
                .containsExactly("BUY 100 @ 100", "SELL 100 @ 94.9");
        assertThat(r.finalEquity()).isEqualByComparingTo("9490");
        assertThat(events(BotEvent.OrderDenied.class)).hasSize(2).allSatisfy(dn -> {
            assertThat(dn.deniedBy()).isEqualTo("state");
            assertThat(dn.reason()).isEqualTo("bot is EMERGENCY_STOP");
        });
    }

    @Test
    void dailyLossFlattensPausesForTheRestOfTheDayAndTradesAgainTheNextDay() {
        Instant evening = Instant.parse("2024-01-01T20:00:00Z");
        List<Bar> bars = SyntheticBars.closes("BTCUSDT", Timeframe.H1, evening, "100", "99", "97", "96", "96", "97");
        BacktestResult r = run(bars, ALWAYS_LONG, RiskLimits.builder().maxDailyLoss(d("300")).dayBoundaryHour(0).build());

        Instant hit = Instant.parse("2024-01-01T23:00:00Z");
        Instant midnight = Instant.parse("2024-01-02T00:00:00Z");
        assertThat(r.safetyEvents()).containsExactly(new SafetyEvent(hit, "max-daily-loss", SafetyAction.FLATTEN,
                "daily loss 300 (equity 9700 since 10000 at 2024-01-01T00:00:00Z) reached max-daily-loss 300"));
        assertThat(transitions()).extracting(t -> t.to() + " at " + t.time()).containsExactly(
                "STARTING at 2024-01-01T20:00:00Z", "RUNNING at 2024-01-01T20:00:00Z", "PAUSED at " + hit, "RUNNING at " + midnight, "STOPPED at 2024-01-02T02:00:00Z");
        assertThat(events(BotEvent.OrderDenied.class)).singleElement().satisfies(dn -> {
            assertThat(dn.time()).isEqualTo(midnight);
            assertThat(dn.deniedBy()).isEqualTo("state");
        });
        assertThat(r.fills()).extracting(f -> f.side() + " @ " + f.price().toPlainString() + " at " + f.time())
                .containsExactly("BUY @ 100 at 2024-01-01T21:00:00Z", "SELL @ 97 at " + hit, "BUY @ 96 at 2024-01-02T01:00:00Z");
    }

    @Test
    void lossStreakBreakerPausesUntilTheCooldownHasPassedAndNoOrderGoesOutMeanwhile() {
        List<Bar> bars = SyntheticBars.closes("BTCUSDT", Timeframe.H1, T0, "100", "99", "98", "97", "96", "95", "94", "93", "92");
        BacktestResult r = run(bars, IN_AND_OUT, RiskLimits.builder().maxConsecutiveLosses(2, Duration.ofHours(3)).build());

        Instant opened = T0.plusSeconds(4 * 3600);
        Instant closes = T0.plusSeconds(7 * 3600);
        assertThat(r.safetyEvents()).containsExactly(new SafetyEvent(opened, "loss-streak-breaker", SafetyAction.PAUSE,
                "2 losing trades in a row reached max-consecutive-losses 2: breaker open until " + closes + " (loss-streak-cooldown PT3H)"));
        assertThat(transitions()).extracting(t -> t.to() + " at " + t.time()).contains("PAUSED at " + opened, "RUNNING at " + closes);
        assertThat(events(BotEvent.OrderDenied.class)).extracting(BotEvent::time)
                .containsExactly(T0.plusSeconds(5 * 3600), T0.plusSeconds(6 * 3600), closes);
        assertThat(events(BotEvent.OrderSubmitted.class)).extracting(BotEvent::time)
                .noneMatch(t -> t.isAfter(opened) && !t.isAfter(closes));
        assertThat(events(BotEvent.OrderSubmitted.class).getLast().time()).isEqualTo(T0.plusSeconds(9 * 3600));
    }

    @Test
    void sizeLimitsShrinkOrdersOnTheirWayToTheVenue() {
        Strategy buysOneBtcPerBar = (bar, ctx) -> ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("1"), d("100")));
        List<Bar> bars = SyntheticBars.closes("BTCUSDT", Timeframe.M1, T0, "100", "100", "100");
        BacktestResult r = run(bars, buysOneBtcPerBar, RiskLimits.builder().maxOrderNotional(d("50")).maxPositionBase(d("0.6")).build());

        // 50 / 100 = 0.5 per order; the second leaves 0.1 of room under 0.6; the third none.
        assertThat(r.orders()).extracting(o -> o.quantity().stripTrailingZeros().toPlainString()).containsExactly("0.5", "0.1");
        assertThat(events(BotEvent.OrderDenied.class)).singleElement().satisfies(dn -> {
            assertThat(dn.deniedBy()).isEqualTo("max-position");
            assertThat(dn.reason()).isEqualTo("BTCUSDT position 1.1 after the order exceeds max-position-base 0.6; no room left");
        });
    }

    @Test
    void orderRateAndPriceBandDenyWithTheirReasons() {
        Strategy burst = (bar, ctx) -> {
            for (int i = 0; i < 3; i++) ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("0.1"), d("99")));
            ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("0.1"), d("90")));
            for (int i = 0; i < 2; i++) ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("0.1"), d("98")));
        };
        List<Bar> bars = SyntheticBars.closes("BTCUSDT", Timeframe.M1, T0, "100", "100");
        BacktestResult r = run(bars, burst, RiskLimits.builder().maxOrdersPerMinute(4).priceBand(d("0.05")).build());

        // Each bar: three orders pass, the fat-fingered fourth is refused by the band (and not counted by the
        // rate, which runs last), the fifth is the fourth of the minute and the sixth is one too many.
        // The next bar is 60 s later, when the first bar's orders have left the window.
        String band = "price-band: limit price 90 is 0.1 (10 %) from the last price 100, outside price-band 0.05";
        String rate = "order-rate: 4 orders in the last 60 s reached max-orders-per-minute 4";
        assertThat(events(BotEvent.OrderDenied.class)).extracting(dn -> dn.deniedBy() + ": " + dn.reason())
                .containsExactly(band, rate, band, rate);
        assertThat(r.orders()).hasSize(8);
    }

    @Test
    void aLosingRecordPutsTheBotInReduceOnlyOnceTheRiskOfRuinIsOverTheLimit() {
        // Ten round trips of about 100 BTC each, buying at 100 and selling at 99 (loss) or 101 (win):
        // 4 wins and 6 losses of about the same size, an edge below zero, so ruin is certain.
        List<Bar> bars = SyntheticBars.closes("BTCUSDT", Timeframe.M1, T0, "100", "99", "100", "101", "100", "99", "100", "99",
                "100", "101", "100", "99", "100", "101", "100", "99", "100", "99", "100", "101", "100", "100");
        BacktestResult r = run(bars, IN_AND_OUT, RiskLimits.builder().maxRiskOfRuin(d("0.5")).build());

        assertThat(r.roundTrips()).hasSize(10);
        assertThat(r.safetyEvents()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(T0.plusSeconds(20 * 60));
            assertThat(e.policy()).isEqualTo("risk-of-ruin");
            assertThat(e.action()).isEqualTo(SafetyAction.REDUCE_ONLY);
            assertThat(e.reason()).startsWith("risk of ruin 1 (win rate 0.4, payoff ratio ").endsWith("over 10 trades) exceeds max-risk-of-ruin 0.5");
        });
        assertThat(events(BotEvent.OrderDenied.class)).hasSize(2).allSatisfy(dn ->
                assertThat(dn.reason()).isEqualTo("bot is REDUCE_ONLY: only orders that reduce the position are allowed"));
        assertThat(r.orders()).hasSize(20);
    }
}
