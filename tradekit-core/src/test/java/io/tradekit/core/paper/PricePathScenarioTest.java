package io.tradekit.core.paper;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestBuilder;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.ExitReason;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.TradeKit;
import io.tradekit.core.protection.Protections;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-computed bars through the whole backtest engine and paper venue. Each bar is played as open, the
 * nearer of high and low, the other, close (at 0 s, 20 s, 40 s and 60 s of a one-minute bar); every
 * expected price below is worked out from that path by hand.
 */
class PricePathScenarioTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"));

    /** Rows of {@code timestamp,open,high,low,close,volume} (timestamp in minutes from T0), as a small CSV. */
    private static List<Bar> csv(String text) {
        List<Bar> bars = new ArrayList<>();
        for (String line : text.strip().split("\n")) {
            if (line.startsWith("timestamp")) continue;
            String[] c = line.strip().split(",");
            bars.add(new Bar("BTCUSDT", Timeframe.M1, T0.plusSeconds(60L * Long.parseLong(c[0])), d(c[1]), d(c[2]), d(c[3]), d(c[4]), d(c[5])));
        }
        return bars;
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** A strategy that acts once, on the first bar's close, and optionally on each of its fills. */
    private record Once(BiConsumer<Bar, StrategyContext> onFirstBar, BiConsumer<Fill, StrategyContext> onEachFill) implements Strategy {
        Once(BiConsumer<Bar, StrategyContext> onFirstBar) {
            this(onFirstBar, (f, c) -> { });
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (bar.openTime().equals(T0)) onFirstBar.accept(bar, ctx);
        }

        @Override
        public void onFill(Fill fill, StrategyContext ctx) {
            onEachFill.accept(fill, ctx);
        }
    }

    private static BacktestBuilder backtest(List<Bar> bars, Strategy strategy) {
        return TradeKit.backtest().bars(bars).instrument(BTC).strategy(strategy).cash(d("10000")).fees(d("2"), d("5"));
    }

    private static Fill onlyFill(BacktestResult r) {
        assertThat(r.fills()).hasSize(1);
        return r.fills().get(0);
    }

    @Test
    void aRestingLimitTouchedExactlyAtTheLowFillsAtItsLimitWhenThePathGetsThere() {
        List<Bar> bars = csv("""
                timestamp,open,high,low,close,volume
                0,100,101,99,100,10
                1,100,100.5,98,99.5,10
                """);
        BacktestResult r = backtest(bars, new Once((bar, ctx) -> ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("1"), d("98"))))).run();

        Fill fill = onlyFill(r);
        // open 100, high 100.5 is nearer than low 98, so the low is the path's third point: 40 s into the bar.
        assertThat(fill.price()).isEqualByComparingTo("98");
        assertThat(fill.maker()).isTrue();
        assertThat(fill.fee()).isEqualByComparingTo("0.0196"); // 98 × 2 bps
        assertThat(fill.time()).isEqualTo(T0.plusSeconds(60 + 40));
    }

    @Test
    void aBarThatGapsThroughALimitFillsItAtTheOpenNeverWorseThanTheLimit() {
        List<Bar> bars = csv("""
                timestamp,open,high,low,close,volume
                0,100,101,99,100,10
                1,97,97.5,96,97,10
                """);
        BacktestResult r = backtest(bars, new Once((bar, ctx) -> ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("1"), d("98"))))).run();

        Fill fill = onlyFill(r);
        assertThat(fill.price()).isEqualByComparingTo("97");
        assertThat(fill.time()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aStopHitInsideTheBarExitsAtTheStopNotAtTheClose() {
        // The case: long at 100, stop at 98, a bar with low 97 and close 100.4.
        List<Bar> bars = csv("""
                timestamp,open,high,low,close,volume
                0,100,100.2,99.8,100,10
                1,100,100.4,97,100.4,10
                """);
        BacktestResult r = backtest(bars, new Once((bar, ctx) -> ctx.submit(OrderIntent.market("BTCUSDT", Side.BUY, d("1")))))
                .protection(Protections.stopLossPercent(d("0.02"))).run();

        assertThat(r.fills()).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
        assertThat(r.fills().get(0).price()).isEqualByComparingTo("100");
        // path: 100, 100.4 (the nearer), down through 98 where the stop is (40 s), 97, back to 100.4
        Fill exit = r.fills().get(1);
        assertThat(exit.price()).isEqualByComparingTo("98");
        assertThat(exit.time()).isEqualTo(T0.plusSeconds(60 + 40));
        RoundTrip trip = r.roundTrips().get(0);
        assertThat(trip.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        // -2 gross, fees 100 × 5 bps + 98 × 5 bps
        assertThat(trip.pnl()).isEqualByComparingTo("-2.099");
    }

    @Test
    void aStopTheBarGapsThroughExitsAtTheOpen() {
        List<Bar> bars = csv("""
                timestamp,open,high,low,close,volume
                0,100,100.2,99.8,100,10
                1,96,97,95.5,96.5,10
                """);
        BacktestResult r = backtest(bars, new Once((bar, ctx) -> ctx.submit(OrderIntent.market("BTCUSDT", Side.BUY, d("1")))))
                .protection(Protections.stopLossPercent(d("0.02"))).run();

        Fill exit = r.fills().get(1);
        assertThat(exit.price()).isEqualByComparingTo("96");
        assertThat(exit.time()).isEqualTo(T0.plusSeconds(60));
        assertThat(r.roundTrips().get(0).exitReason()).isEqualTo(ExitReason.STOP_LOSS);
    }

    @Test
    void aTakeProfitExitsAtItsLevelWhereThePathReachesIt() {
        // entry 100, stop 2 % = 98, take-profit 2R = 104; the path goes 100, 99.5 (nearer), up through 104, 105, close 101
        List<Bar> bars = csv("""
                timestamp,open,high,low,close,volume
                0,100,100.2,99.8,100,10
                1,100,105,99.5,101,10
                """);
        BacktestResult r = backtest(bars, new Once((bar, ctx) -> ctx.submit(OrderIntent.market("BTCUSDT", Side.BUY, d("1")))))
                .protection(Protections.stopLossPercent(d("0.02")).takeProfitRR(2)).run();

        Fill exit = r.fills().get(1);
        assertThat(exit.price()).isEqualByComparingTo("104");
        assertThat(exit.time()).isEqualTo(T0.plusSeconds(60 + 40));
        assertThat(r.roundTrips().get(0).exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
    }

    @Test
    void aCounterOrderPlacedAtAFillPointMeetsTheRestOfTheSameBar() {
        // buy 99 fills on the way down to 98.5 (20 s); the post-only sell at 101 placed there is valid at 99
        // and fills on the way up to 102 (40 s), inside the same bar.
        List<Bar> bars = csv("""
                timestamp,open,high,low,close,volume
                0,100,100.5,99.5,100,10
                1,100,102,98.5,100,10
                """);
        Strategy s = new Once((bar, ctx) -> ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("1"), d("99"))),
                (fill, ctx) -> {
                    if (fill.side() == Side.BUY) {
                        ctx.submit(OrderIntent.limit("BTCUSDT", Side.SELL, d("1"), d("101")).withType(OrderType.LIMIT_MAKER, TimeInForce.GTC));
                    }
                });
        BacktestResult r = backtest(bars, s).run();

        assertThat(r.fills()).extracting(f -> f.side() + " " + f.price().stripTrailingZeros().toPlainString() + " " + f.time())
                .containsExactly("BUY 99 " + T0.plusSeconds(60 + 20), "SELL 101 " + T0.plusSeconds(60 + 40));
        assertThat(r.ordersDenied()).isZero();
        assertThat(r.orders()).extracting(Order::status).containsOnly(OrderStatus.FILLED);
    }

    @Test
    void slippageMovesAMarketOrderButNeverAMarketableLimit() {
        List<Bar> bars = csv("""
                timestamp,open,high,low,close,volume
                0,100,100.5,99.5,100,10
                1,100,100.5,99.5,100,10
                """);
        BacktestResult limit = backtest(bars, new Once((bar, ctx) -> ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("1"), d("100.05")))))
                .slippageBps(d("10")).run();
        BacktestResult market = backtest(bars, new Once((bar, ctx) -> ctx.submit(OrderIntent.market("BTCUSDT", Side.BUY, d("1")))))
                .slippageBps(d("10")).run();

        assertThat(onlyFill(limit).price()).isEqualByComparingTo("100"); // the close it met, not 100.10
        assertThat(onlyFill(limit).maker()).isFalse();
        assertThat(onlyFill(market).price()).isEqualByComparingTo("100.1"); // 100 + 10 bps
    }

    @Test
    void nextOpenChecksFundsAtTheGappedOpenAndResizesAnAllInBuy() {
        // BUY sized at the close 100 with all 10 000; the next bar opens at 110: the venue pays for what the cash buys there.
        List<Bar> bars = csv("""
                timestamp,open,high,low,close,volume
                0,100,100.5,99.5,100,10
                1,110,111,109,110,10
                """);
        BacktestResult r = backtest(bars, new Once((bar, ctx) -> ctx.signal(Signal.BUY))).fillModel(FillModel.NEXT_OPEN).run();

        Fill fill = onlyFill(r);
        assertThat(fill.price()).isEqualByComparingTo("110");
        assertThat(fill.time()).isEqualTo(T0.plusSeconds(60));
        // 10 000 / (110 × 1.0005) = 90.8636..., down to the step 0.001
        assertThat(fill.quantity()).isEqualByComparingTo("90.863");
        BigDecimal cashLeft = d("10000").subtract(fill.price().multiply(fill.quantity())).subtract(fill.fee());
        assertThat(cashLeft).isNotNegative();
        assertThat(r.orders()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(o.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("re-sized"));
        });
    }

    @Test
    void aParticipationCapFillsPartOfAnOrderAndTheRestOnTheNextBar() {
        // cap 0.5: bar 1 (volume 4) lets 2 of the 3 fill at 98 (its low, 40 s: the high is nearer), bar 2 (volume 4)
        // the last 1 on its way down to 97.8 (again after the nearer high, 40 s).
        List<Bar> bars = csv("""
                timestamp,open,high,low,close,volume
                0,100,100.5,99.5,100,10
                1,100,100.5,97.5,99,4
                2,99,99.5,97.8,99,4
                """);
        BacktestResult r = backtest(bars, new Once((bar, ctx) -> ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, d("3"), d("98")))))
                .participationCap(d("0.5")).run();

        assertThat(r.fills()).extracting(f -> f.quantity().stripTrailingZeros().toPlainString() + " @ " + f.price().stripTrailingZeros().toPlainString())
                .containsExactly("2 @ 98", "1 @ 98");
        assertThat(r.fills().get(0).time()).isEqualTo(T0.plusSeconds(60 + 40));
        assertThat(r.fills().get(1).time()).isEqualTo(T0.plusSeconds(120 + 40));
        assertThat(r.orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
    }
}
