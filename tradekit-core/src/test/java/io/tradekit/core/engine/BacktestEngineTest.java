package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import io.tradekit.core.paper.FillModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BacktestEngineTest {

    /** Buys on bar {@code buyAt} (counted from the first bar it sees) and sells on {@code sellAt}. */
    static final class BuyThenSell implements Strategy {
        final int warmup;
        final int buyAt;
        final int sellAt;
        final List<Bar> seen = new ArrayList<>();

        BuyThenSell(int warmup, int buyAt, int sellAt) {
            this.warmup = warmup;
            this.buyAt = buyAt;
            this.sellAt = sellAt;
        }

        @Override
        public int warmupBars() {
            return warmup;
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            seen.add(bar);
            if (seen.size() == buyAt) ctx.signal(Signal.BUY);
            if (seen.size() == sellAt) ctx.signal(Signal.SELL);
        }
    }

    @Test
    void strategyFirstSeesABarWhenItsWarmupIsComplete() {
        BuyThenSell s = new BuyThenSell(5, 0, 0);
        List<Bar> bars = Bars.closes("100", "101", "102", "103", "104", "105", "106", "107", "108", "109");
        TradeKit.backtest().bars(bars).instrument(Bars.BTC).strategy(s).run();
        assertThat(s.seen).hasSize(6);
        assertThat(s.seen.get(0)).isEqualTo(bars.get(4));
    }

    @Test
    void buySignalSpendsTheEquityNetOfTheFeeAndSellClosesThePosition() {
        BuyThenSell s = new BuyThenSell(1, 1, 3);
        BacktestResult r = TradeKit.backtest().bars(Bars.closes("100", "110", "120", "130")).instrument(Bars.BTC)
                .strategy(s).cash(new BigDecimal("1000")).feeBps(new BigDecimal("10")).run();

        // 1000 / (100 * 1.001) = 9.99000999 -> 9.99 at step 0.001
        assertThat(r.fills()).hasSize(2);
        assertThat(r.fills().get(0).side()).isEqualTo(Side.BUY);
        assertThat(r.fills().get(0).quantity()).isEqualByComparingTo("9.99");
        assertThat(r.fills().get(0).price()).isEqualByComparingTo("100");
        assertThat(r.fills().get(1).side()).isEqualTo(Side.SELL);
        assertThat(r.fills().get(1).price()).isEqualByComparingTo("120");
        // fees 0.999 + 1.1988; gross 199.8
        assertThat(r.fees()).isEqualByComparingTo("2.1978");
        assertThat(r.realizedPnl()).isEqualByComparingTo("197.6022");
        assertThat(r.finalEquity()).isEqualByComparingTo("1197.6022");
        assertThat(r.returnPct()).isEqualByComparingTo("19.7602");
        assertThat(r.roundTrips()).singleElement().satisfies(t -> assertThat(t.pnl()).isEqualByComparingTo("197.6022"));
        assertThat(r.winRate()).isEqualTo(1.0);
        assertThat(r.orders()).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
        assertThat(r.bars()).isEqualTo(4);
        assertThat(r.finalState()).isEqualTo(BotState.STOPPED);
    }

    @Test
    void anAllInBuyStaysAffordableWithSlippageAndTickRounding() {
        BuyThenSell s = new BuyThenSell(1, 1, 3);
        BacktestResult r = TradeKit.backtest().bars(Bars.closes("100", "110", "120", "130")).instrument(Bars.BTC)
                .strategy(s).cash(new BigDecimal("1000")).feeBps(new BigDecimal("10")).slippageBps(new BigDecimal("7")).run();
        assertThat(r.ordersDenied()).isZero();
        assertThat(r.orders()).hasSize(2).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
        // 100 * 1.0007 = 100.07: the buy pays the slip, rounded up to the tick
        assertThat(r.fills().get(0).price()).isEqualByComparingTo("100.07");
        assertThat(r.fills().get(0).quantity().multiply(new BigDecimal("100.07")).multiply(new BigDecimal("1.001")))
                .isLessThanOrEqualTo(new BigDecimal("1000"));
    }

    @Test
    void aStrategyCanAskCoreToFlattenIt() {
        Strategy buyThenBail = new Strategy() {
            int n;

            @Override
            public void onBar(Bar bar, StrategyContext ctx) {
                n++;
                if (n == 1) {
                    ctx.signal(Signal.BUY);
                    ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("50")));
                }
                if (n == 3) ctx.flatten("strategy saw enough");
            }
        };
        BacktestResult r = TradeKit.backtest().bars(Bars.closes("100", "101", "102", "103", "104")).instrument(Bars.BTC)
                .strategy(buyThenBail).cash(new BigDecimal("1000")).feeBps(BigDecimal.ZERO).run();
        assertThat(r.fills()).extracting(f -> f.side()).containsExactly(Side.BUY, Side.SELL);
        assertThat(r.fills().get(1).quantity()).isEqualByComparingTo(r.fills().get(0).quantity());
        assertThat(r.orders()).noneMatch(o -> o.status().isOpen()); // the resting bid was cancelled first
    }

    @Test
    void nextOpenFillModelFillsAtTheFollowingBarsOpen() {
        BuyThenSell s = new BuyThenSell(1, 1, 3);
        BacktestResult r = TradeKit.backtest().bars(Bars.closes("100", "110", "120", "130")).instrument(Bars.BTC)
                .strategy(s).cash(new BigDecimal("1000")).feeBps(BigDecimal.ZERO).fillModel(FillModel.NEXT_OPEN).run();
        assertThat(r.fills()).extracting(f -> f.price().toPlainString()).containsExactly("100", "120");
        // the second bar opens at 100 (the first bar's close) and the fourth at 120
        assertThat(r.fills().get(0).time()).isEqualTo(Bars.T0.plusSeconds(60));
    }

    @Test
    void drawdownIsMeasuredOnEveryBar() {
        BuyThenSell s = new BuyThenSell(1, 1, 4);
        BacktestResult r = TradeKit.backtest().bars(Bars.closes("100", "100", "80", "90")).instrument(Bars.BTC)
                .strategy(s).cash(new BigDecimal("1000")).feeBps(BigDecimal.ZERO).run();
        // all in at 100 (10 BTC), equity 1000 -> 800 at the low close: 20 %
        assertThat(r.maxDrawdownPct()).isEqualByComparingTo("20");
    }

    @Test
    void anOrderBelowTheMinimumIsDeniedWithTheRuleAsAnEventAndTheRunGoesOn() {
        List<BotEvent.OrderDenied> denied = new ArrayList<>();
        List<Submission> results = new ArrayList<>();
        Strategy tiny = (bar, ctx) -> results.add(ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("99"))));
        BacktestResult r = TradeKit.backtest().bars(Bars.closes("100", "101")).instrument(Bars.BTC).strategy(tiny)
                .onEvent(e -> {
                    if (e instanceof BotEvent.OrderDenied d) denied.add(d);
                }).run();
        assertThat(results).hasSize(2).allSatisfy(sub -> assertThat(sub.isSent()).isFalse());
        assertThat(denied).hasSize(2).allSatisfy(d -> {
            assertThat(d.deniedBy()).isEqualTo("sizing");
            assertThat(d.reason()).contains("minimum notional 5");
        });
        assertThat(r.ordersDenied()).isEqualTo(2);
        assertThat(r.orders()).isEmpty();
    }

    @Test
    void pricesAreRoundedInTheDirectionThatNeverBreaksALimit() {
        List<Submission> sent = new ArrayList<>();
        Strategy s = (bar, ctx) -> {
            if (sent.isEmpty()) {
                sent.add(ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("0.1239"), new BigDecimal("90.019"))));
            }
        };
        TradeKit.backtest().bars(Bars.closes("100", "101")).instrument(Bars.BTC).strategy(s).run();
        var order = sent.get(0).order().orElseThrow();
        assertThat(order.limitPrice().orElseThrow()).isEqualByComparingTo("90.01");
        assertThat(order.quantity()).isEqualByComparingTo("0.123");
    }

    @Test
    void aLimitThatNoPolicyEnforcesIsRefusedBeforeTheRun() {
        RiskLimits limits = RiskLimits.builder().maxDailyLoss(new BigDecimal("100")).build();
        assertThatThrownBy(() -> TradeKit.backtest().bars(Bars.closes("100")).strategy(new BuyThenSell(0, 0, 0)).risk(limits).run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("max-daily-loss")
                .hasMessageContaining("never silently ignored");
    }

    @Test
    void unknownStrategyListsTheKnownOnes() {
        assertThatThrownBy(() -> TradeKit.backtest().bars(Bars.closes("100")).strategy("nope", Map.of()).run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown strategy 'nope'");
    }

    @Test
    void backtestRefusesBarsOutOfOrder() {
        List<Bar> bars = new ArrayList<>(Bars.closes("100", "101", "102"));
        java.util.Collections.swap(bars, 1, 2);
        assertThatThrownBy(() -> TradeKit.backtest().bars(bars).strategy(new BuyThenSell(0, 0, 0)).run())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bar 2").hasMessageContaining("time order");
    }

    @Test
    void aSeriesCheckedOnceIsCheckedAgainWhenItCouldHaveChanged() {
        // A mutable list is copied by every builder: changed after a run that passed, the next run still refuses it.
        List<Bar> bars = new ArrayList<>(Bars.closes("100", "101", "102", "103"));
        assertThat(TradeKit.backtest().bars(bars).strategy(new BuyThenSell(0, 0, 0)).run().bars()).isEqualTo(4);
        java.util.Collections.swap(bars, 2, 3);
        assertThatThrownBy(() -> TradeKit.backtest().bars(bars).strategy(new BuyThenSell(0, 0, 0)).run())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bar 3").hasMessageContaining("time order");
        // An unmodifiable list that passed is kept as it is and runs again; another one, out of order, is refused.
        List<Bar> fixed = List.copyOf(Bars.closes("100", "101", "102", "103"));
        assertThat(TradeKit.backtest().bars(fixed).strategy(new BuyThenSell(0, 0, 0)).run().bars()).isEqualTo(4);
        assertThat(TradeKit.backtest().bars(fixed).strategy(new BuyThenSell(0, 0, 0)).run().bars()).isEqualTo(4);
        List<Bar> reversed = List.copyOf(fixed.reversed());
        assertThatThrownBy(() -> TradeKit.backtest().bars(reversed).strategy(new BuyThenSell(0, 0, 0)).run())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bar 1").hasMessageContaining("time order");
    }

    @Test
    void sameInputsGiveTheSameFills() {
        List<Bar> bars = Bars.walk(2_000, 7);
        BacktestResult a = TradeKit.backtest().bars(bars).instrument(Bars.BTC).strategy(new Alternating()).run();
        BacktestResult b = TradeKit.backtest().bars(bars).instrument(Bars.BTC).strategy(new Alternating()).run();
        assertThat(a.fills()).hasSizeGreaterThan(100).isEqualTo(b.fills());
        assertThat(a.finalEquity()).isEqualByComparingTo(b.finalEquity());
    }

    /** Buys every 7th bar and sells every 11th: plenty of orders to compare runs by. */
    static final class Alternating implements Strategy {
        int n;

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            n++;
            if (n % 7 == 0) ctx.signal(Signal.BUY);
            if (n % 11 == 0) ctx.signal(Signal.SELL);
        }
    }

    /** Holds no position; counts the times its state is asked for, which only a snapshot does in a backtest. */
    static final class CountsSaves implements Strategy {
        int saves;

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
        }

        @Override
        public String saveState() {
            saves++;
            return "{\"saves\":" + saves + "}";
        }
    }

    @Test
    void aBacktestIntoAStoreTheHostGaveLeavesItsFinalSnapshotThere() {
        CountsSaves s = new CountsSaves();
        io.tradekit.core.store.MemoryStateStore store = new io.tradekit.core.store.MemoryStateStore(3);
        TradeKit.backtest().bars(Bars.closes("100", "101", "102")).instrument(Bars.BTC).strategy(s).store(store).run();
        assertThat(s.saves).isEqualTo(1);
        assertThat(store.latestSnapshot()).hasValueSatisfying(snap -> {
            assertThat(snap.strategyState()).isEqualTo("{\"saves\":1}");
            assertThat(snap.lastBarTime()).isPresent();
        });
    }

    @Test
    void aBacktestIntoItsOwnStoreWritesNoSnapshotThatNobodyCouldRead() {
        CountsSaves s = new CountsSaves();
        TradeKit.backtest().bars(Bars.closes("100", "101", "102")).instrument(Bars.BTC).strategy(s).run();
        assertThat(s.saves).isZero();
    }
}
