package io.tradekit.core.pairs;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import io.tradekit.core.paper.FillModel;
import io.tradekit.core.report.PairFigures;
import io.tradekit.core.report.PairReport;
import io.tradekit.core.sizing.PositionSizers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwoPairBacktestTest {

    /** BUY on a rising bar, SELL on a falling one; the bot's signal enters only when flat. */
    static final class UpDown implements Strategy {
        final List<String> symbolsSeen = new ArrayList<>();

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            symbolsSeen.add(ctx.symbol());
            int dir = bar.close().compareTo(bar.open());
            ctx.signal(dir > 0 ? Signal.BUY : dir < 0 ? Signal.SELL : Signal.HOLD);
        }
    }

    /** Tries to buy one unit on every bar, twice: the gate must keep one position per pair. */
    static final class KeepsBuying implements Strategy {
        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            ctx.submit(OrderIntent.market(ctx.symbol(), Side.BUY, BigDecimal.ONE));
            ctx.submit(OrderIntent.market(ctx.symbol(), Side.BUY, BigDecimal.ONE));
        }
    }

    private static Map<String, List<Bar>> btcAndEth() {
        Map<String, List<Bar>> pairs = new LinkedHashMap<>();
        pairs.put("BTCUSDT", PairBars.closes("BTCUSDT", "100", "102", "104", "101", "103", "99"));
        pairs.put("ETHUSDT", PairBars.closes("ETHUSDT", "50", "49", "51", "53", "52", "52"));
        return pairs;
    }

    @Test
    void eachPairTradesItsOwnBarsAndTheTableAddsUpByHand() {
        List<UpDown> made = new ArrayList<>();
        List<String> barOrder = new ArrayList<>();
        BacktestResult r = TradeKit.backtest().pairs(btcAndEth()).instrument(PairBars.BTC).instrument(PairBars.ETH)
                .strategyPerPair("up-down", () -> {
                    UpDown s = new UpDown();
                    made.add(s);
                    return s;
                })
                .sizer(PositionSizers.fixedQuantity(BigDecimal.ONE)).cash(new BigDecimal("10000"))
                .onEvent(e -> {
                    if (e instanceof BotEvent.BarProcessed p) barOrder.add(p.bar().symbol() + "@" + p.bar().closeTime());
                })
                .run();

        assertThat(r.symbol()).isEqualTo("BTCUSDT,ETHUSDT");
        assertThat(made).as("a fresh strategy per pair").hasSize(2);
        assertThat(made.get(0).symbolsSeen).containsOnly("BTCUSDT").hasSize(6);
        assertThat(made.get(1).symbolsSeen).containsOnly("ETHUSDT").hasSize(6);
        // Bars that close together come in the order the pairs were given.
        assertThat(barOrder.subList(0, 4)).containsExactly("BTCUSDT@2024-01-01T00:01:00Z", "ETHUSDT@2024-01-01T00:01:00Z",
                "BTCUSDT@2024-01-01T00:02:00Z", "ETHUSDT@2024-01-01T00:02:00Z");

        // BTC: buy 1 @102 (bar 1), sell @101 (bar 3), buy @103 (bar 4), sell @99 (bar 5); 10 bps fees.
        //   trips: -1 - (0.102 + 0.101) = -1.203 and -4 - (0.103 + 0.099) = -4.202 -> -5.405; fees 0.405; no win
        //   held 00:02-00:04 and 00:05-00:06 = 3 min of the 6 min run = 50 %
        // ETH: bar 1 falls while flat (no short on spot), buy @51 (bar 2), sell @52 (bar 4).
        //   trip: +1 - (0.051 + 0.052) = 0.897; fees 0.103; one win; held 00:03-00:05 = 2 min = 33.3333 %
        // Total: 6 fills, 3 trips, -4.508, 1 win of 3, fees 0.508; some pair held from 00:02 to 00:06 = 4 min = 66.6667 %
        PairReport table = PairReport.of(r, btcAndEth());
        PairFigures btc = table.pairs().get(0);
        PairFigures eth = table.pairs().get(1);
        assertThat(btc.symbol()).isEqualTo("BTCUSDT");
        assertThat(btc.trades()).isEqualTo(4);
        assertThat(btc.roundTrips()).isEqualTo(2);
        assertThat(btc.realizedPnl()).isEqualByComparingTo("-5.405");
        assertThat(btc.winRate()).isZero();
        assertThat(btc.fees()).isEqualByComparingTo("0.405");
        assertThat(btc.exposure()).isEqualTo(Duration.ofMinutes(3));
        assertThat(btc.exposurePct()).isEqualByComparingTo("50");
        assertThat(eth.trades()).isEqualTo(2);
        assertThat(eth.roundTrips()).isEqualTo(1);
        assertThat(eth.realizedPnl()).isEqualByComparingTo("0.897");
        assertThat(eth.winRate()).isEqualTo(1.0);
        assertThat(eth.fees()).isEqualByComparingTo("0.103");
        assertThat(eth.exposure()).isEqualTo(Duration.ofMinutes(2));
        assertThat(eth.exposurePct()).isEqualByComparingTo("33.3333");
        PairFigures total = table.total();
        assertThat(total.trades()).isEqualTo(6);
        assertThat(total.roundTrips()).isEqualTo(3);
        assertThat(total.realizedPnl()).isEqualByComparingTo("-4.508");
        assertThat(total.winRate()).isEqualTo(1 / 3.0);
        assertThat(total.fees()).isEqualByComparingTo("0.508");
        assertThat(total.exposure()).isEqualTo(Duration.ofMinutes(4));
        assertThat(total.exposurePct()).isEqualByComparingTo("66.6667");
        // Flat at the end: the run's realized PnL is the table's, and the account is 10000 plus it.
        assertThat(r.realizedPnl()).isEqualByComparingTo("-4.508");
        assertThat(r.finalEquity()).isEqualByComparingTo("9995.492");
        assertAtMostOnePositionPerPair(r.fills());
    }

    @Test
    void anEntryOnAPairThatHoldsAPositionOrHasAnEntryWorkingIsRefusedWithTheReason() {
        List<BotEvent.OrderDenied> denied = new ArrayList<>();
        BacktestResult r = TradeKit.backtest().pairs(btcAndEth()).instrument(PairBars.BTC).instrument(PairBars.ETH)
                .strategyPerPair("keeps-buying", KeepsBuying::new).fillModel(FillModel.NEXT_OPEN).cash(new BigDecimal("10000"))
                .onEvent(e -> {
                    if (e instanceof BotEvent.OrderDenied d) denied.add(d);
                })
                .run();

        // Each pair's first bar sends one entry; it waits for the next open, and everything after is refused.
        assertThat(r.fills()).hasSize(2);
        assertThat(r.fills()).extracting(Fill::symbol).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");
        assertThat(denied).allSatisfy(d -> assertThat(d.deniedBy()).isEqualTo("one-position-per-pair"));
        // Per pair: the second order of bar 0 (entry working), then two per bar for bars 1-5 (position held): 11 each.
        assertThat(denied).hasSize(22);
        assertThat(denied.get(0).reason()).isEqualTo("BTCUSDT already has entry order backtest-A working; a bot with several pairs holds one position per pair");
        assertThat(denied).anySatisfy(d -> assertThat(d.reason()).isEqualTo("ETHUSDT already holds a position of 1; a bot with several pairs holds one position per pair"));
        assertAtMostOnePositionPerPair(r.fills());
    }

    @Test
    void pairsOfDifferentTimeframesOrAStrategyObjectForSeveralPairsAreRefused() {
        Map<String, List<Bar>> mixed = new LinkedHashMap<>();
        mixed.put("BTCUSDT", PairBars.closes("BTCUSDT", "100", "101"));
        mixed.put("ETHUSDT", PairBars.closes("ETHUSDT", Timeframe.M5, "50", "51"));
        assertThatThrownBy(() -> TradeKit.backtest().pairs(mixed).strategyPerPair("up-down", UpDown::new).run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("backtest: pair ETHUSDT has 5m bars but BTCUSDT has 1m; every pair of a run has the same timeframe");
        assertThatThrownBy(() -> TradeKit.backtest().pairs(btcAndEth()).strategy(new UpDown()).run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a strategy object cannot trade several pairs");
        Map<String, List<Bar>> wrongSymbol = new LinkedHashMap<>();
        wrongSymbol.put("BTCUSDT", PairBars.closes("BTCUSDT", "100", "101"));
        wrongSymbol.put("SOLUSDT", PairBars.closes("ETHUSDT", "50", "51"));
        assertThatThrownBy(() -> TradeKit.backtest().pairs(wrongSymbol).strategyPerPair("up-down", UpDown::new).run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("backtest: pair SOLUSDT: bar 0 is ETHUSDT 1m but the run is SOLUSDT 1m");
    }

    /** Replays the fills: a pair never gets a buy from a second order while it already holds one. */
    static void assertAtMostOnePositionPerPair(List<Fill> fills) {
        Map<String, BigDecimal> held = new HashMap<>();
        Map<String, String> openedBy = new HashMap<>();
        for (Fill f : fills) {
            BigDecimal before = held.getOrDefault(f.symbol(), BigDecimal.ZERO);
            if (f.side() == Side.BUY && before.signum() > 0) {
                assertThat(f.clientOrderId()).as(f.symbol() + " bought by a second order while holding " + before).isEqualTo(openedBy.get(f.symbol()));
            }
            if (before.signum() == 0) openedBy.put(f.symbol(), f.clientOrderId());
            held.put(f.symbol(), before.add(f.side() == Side.BUY ? f.quantity() : f.quantity().negate()));
        }
    }
}
