package io.tradekit.core.perp;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.ExitReason;
import io.tradekit.core.Replay;
import io.tradekit.core.TradeKit;
import io.tradekit.core.paper.MatchingEngine;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.sizing.FixedQuantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reduce-only orders, flattening a short, and a perpetual replay against its backtest. */
class PerpetualOrdersTest {

    @TempDir
    Path dir;

    static final List<Bar> FLAT_BARS = PerpBars.bars("2000 2000 2000 2000", "2000 2010 1990 2000", "2000 2010 1990 2000");

    /** Buys 10 on the first bar, then on the second sends the reduce-only orders it is given. */
    static final class ReduceOnlyProbe implements Strategy {
        private final List<OrderIntent> probes;
        final List<Submission> answers = new ArrayList<>();
        private int bar;

        ReduceOnlyProbe(List<OrderIntent> probes) {
            this.probes = probes;
        }

        @Override
        public void onBar(Bar b, StrategyContext ctx) {
            if (bar == 0) ctx.signal(Signal.BUY);
            if (bar == 1) for (OrderIntent i : probes) answers.add(ctx.submit(i));
            bar++;
        }
    }

    @Test
    void aReduceOnlyOrderThatWouldFlipOrGrowThePositionIsRefusedWithItsReason() {
        ReduceOnlyProbe probe = new ReduceOnlyProbe(List.of(
                OrderIntent.market("ETHUSDT", Side.SELL, new BigDecimal("15")).asReduceOnly(),
                OrderIntent.market("ETHUSDT", Side.BUY, new BigDecimal("1")).asReduceOnly(),
                OrderIntent.market("ETHUSDT", Side.SELL, new BigDecimal("4")).asReduceOnly()));
        List<BotEvent.OrderDenied> denied = new ArrayList<>();
        BacktestResult r = TradeKit.backtest().bars(FLAT_BARS).instrument(PerpBars.ETH_PERP).strategy("probe", probe)
                .sizer(new FixedQuantity(BigDecimal.TEN)).leverage(new BigDecimal("5"))
                .onEvent(e -> {
                    if (e instanceof BotEvent.OrderDenied d) denied.add(d);
                }).run();

        assertThat(probe.answers.get(0).isSent()).isFalse();
        assertThat(probe.answers.get(0).deniedBy()).isEqualTo("reduce-only");
        assertThat(probe.answers.get(0).reason()).isEqualTo("reduce-only SELL 15 ETHUSDT would flip the position of 10 to -5");
        assertThat(probe.answers.get(1).reason()).isEqualTo("reduce-only BUY 1 ETHUSDT would grow the long position of 10");
        assertThat(probe.answers.get(2).isSent()).isTrue();
        assertThat(denied).extracting(BotEvent.OrderDenied::reason).hasSize(2);
        assertThat(r.fills()).extracting(f -> f.quantity().stripTrailingZeros().toPlainString()).containsExactly("10", "4");
    }

    @Test
    void theVenueRefusesAReduceOnlyOrderThatWouldFlipOrOpenAPosition() {
        MatchingEngine venue = new MatchingEngine("paper", PaperSettings.of(PerpBars.ETH_PERP, new BigDecimal("10000")));
        venue.setLeverage("ETHUSDT", new BigDecimal("5"));
        venue.onBar(FLAT_BARS.get(0));
        assertThatThrownBy(() -> venue.submit(new OrderRequest("c1", "ETHUSDT", Side.SELL, io.tradekit.api.OrderType.MARKET,
                BigDecimal.ONE, Optional.empty(), io.tradekit.api.TimeInForce.GTC, true)))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.rule()).isEqualTo("REDUCE_ONLY"))
                .hasMessage("reduce-only SELL 1 ETHUSDT would open a position: there is none to reduce");
        venue.submit(new OrderRequest("c2", "ETHUSDT", Side.BUY, io.tradekit.api.OrderType.MARKET, new BigDecimal("2"),
                Optional.empty(), io.tradekit.api.TimeInForce.GTC, false));
        assertThatThrownBy(() -> venue.submit(new OrderRequest("c3", "ETHUSDT", Side.SELL, io.tradekit.api.OrderType.MARKET,
                new BigDecimal("3"), Optional.empty(), io.tradekit.api.TimeInForce.GTC, true)))
                .hasMessage("reduce-only SELL 3 ETHUSDT would flip the position of 2 to -1");
        // 2 ETH at 2000, 5x: 800 margin locked; fee 4000 × 0.001 = 4 out of the wallet.
        assertThat(venue.balances()).singleElement().satisfies(b -> {
            assertThat(b.locked()).isEqualByComparingTo("800");
            assertThat(b.total()).isEqualByComparingTo("9996");
        });
        assertThat(venue.position("ETHUSDT")).hasValueSatisfying(p -> assertThat(p.quantity()).isEqualByComparingTo("2"));
    }

    @Test
    void aFlattenClosesAShort() {
        Strategy shortThenFlatten = new Strategy() {
            private int bar;

            @Override
            public boolean allowsShort() {
                return true;
            }

            @Override
            public void onBar(Bar b, StrategyContext ctx) {
                if (bar == 0) ctx.signal(Signal.SELL);
                if (bar == 1) ctx.flatten("test");
                bar++;
            }
        };
        BacktestResult r = TradeKit.backtest().bars(FLAT_BARS).instrument(PerpBars.ETH_PERP).strategy("short", shortThenFlatten)
                .sizer(new FixedQuantity(BigDecimal.TEN)).leverage(new BigDecimal("2")).run();
        assertThat(r.fills()).extracting(Fill::side).containsExactly(Side.SELL, Side.BUY);
        assertThat(r.roundTrips()).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo(Side.SELL);
            assertThat(t.exitReason()).isEqualTo(ExitReason.FLATTEN);
        });
    }

    /** Short below the previous close, long above it: many round trips both ways. */
    static final class FollowTheLastBar implements Strategy {
        private BigDecimal previous;

        @Override
        public boolean allowsShort() {
            return true;
        }

        @Override
        public void onBar(Bar b, StrategyContext ctx) {
            if (previous != null) ctx.signal(b.close().compareTo(previous) < 0 ? Signal.SELL : Signal.BUY);
            previous = b.close();
        }
    }

    private static List<Bar> walk(int n) {
        java.util.Random random = new java.util.Random(11);
        String[] ohlc = new String[n];
        double p = 2000;
        for (int i = 0; i < n; i++) {
            double open = p;
            p = Math.max(100, p + random.nextGaussian() * 30);
            double high = Math.max(open, p) + Math.abs(random.nextGaussian() * 10);
            double low = Math.min(open, p) - Math.abs(random.nextGaussian() * 10);
            ohlc[i] = String.format(java.util.Locale.ROOT, "%.2f %.2f %.2f %.2f", open, high, low, p);
        }
        return PerpBars.bars(ohlc);
    }

    private static List<String> described(List<Fill> fills) {
        return fills.stream().map(f -> f.side() + " " + f.price().stripTrailingZeros().toPlainString() + " "
                + f.quantity().stripTrailingZeros().toPlainString() + " " + f.fee().stripTrailingZeros().toPlainString() + " " + f.time()).toList();
    }

    @Test
    void aPerpetualReplayEqualsItsBacktestFillForFillWithTheSameFunding() {
        List<Bar> bars = walk(120);
        FundingRates funding = FundingRates.constant(new BigDecimal("0.0001"));
        BacktestResult backtest = TradeKit.backtest().bars(bars).instrument(PerpBars.ETH_PERP).strategy("follow", new FollowTheLastBar())
                .feeBps(new BigDecimal("5")).leverage(new BigDecimal("20")).funding(funding).run();
        assertThat(backtest.roundTrips()).filteredOn(t -> t.side() == Side.SELL).hasSizeGreaterThan(5);
        var perp = backtest.perpetual().orElseThrow();
        assertThat(perp.fundingPaid().add(perp.fundingReceived())).isPositive();

        BacktestResult replay = Replay.over(bars).instrument(PerpBars.ETH_PERP).strategy("follow", new FollowTheLastBar())
                .feeBps(new BigDecimal("5")).leverage(new BigDecimal("20")).funding(funding)
                .database(dir.resolve("bot.db")).run();
        assertThat(described(replay.fills())).isEqualTo(described(backtest.fills()));
        assertThat(replay.roundTrips()).isEqualTo(backtest.roundTrips());
        assertThat(replay.realizedPnl()).isEqualByComparingTo(backtest.realizedPnl());
        assertThat(replay.finalEquity()).isEqualByComparingTo(backtest.finalEquity());
        assertThat(replay.perpetual()).isEqualTo(backtest.perpetual());
    }
}
