package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.Ticker;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grids run through the real backtest engine and paper matching engine. Each bar is played as its price
 * path: open, the nearer of high and low, the other, close. A resting order fills where the path reaches
 * its level, at its limit, or at the open when the bar gaps through it; the grid hears of the fill there
 * and its counter-order meets the rest of the same bar. A market order sent at a close fills at that
 * close. Maker fee 10 bps, taker 20 bps.
 */
class GridBacktestTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** Levels 98 99 100 101 102, one BTC per level, plain limit orders, never rebalanced. */
    private static GridSettings.Builder fiveLevels() {
        return GridSettings.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2)
                .sizePerLevel(BigDecimal.ONE).sizeMode(SizeMode.BASE).postOnly(false)
                .rebalancing(new Rebalancing(RebalanceMode.HOLD, 1, 0));
    }

    private static BacktestResult run(GridStrategy grid, List<Bar> bars, String cash) {
        return TradeKit.backtest().bars(bars).instrument(PricePath.BTC).strategy(grid).cash(d(cash)).fees(d("10"), d("20")).run();
    }

    private static void assertFill(Fill f, Side side, String price, String qty, String fee) {
        assertThat(f.side()).isEqualTo(side);
        assertThat(f.price()).as("price").isEqualByComparingTo(price);
        assertThat(f.quantity()).as("quantity").isEqualByComparingTo(qty);
        assertThat(f.fee()).as("fee").isEqualByComparingTo(fee);
    }

    private static void assertTrip(GridRoundTrip t, int pair, String buy, String sell, String fees, String profit) {
        assertThat(t.pair()).isEqualTo(pair);
        assertThat(t.buyPrice()).as("buy").isEqualByComparingTo(buy);
        assertThat(t.sellPrice()).as("sell").isEqualByComparingTo(sell);
        assertThat(t.quantity()).isEqualByComparingTo("1");
        assertThat(t.fees()).as("fees").isEqualByComparingTo(fees);
        assertThat(t.profit()).as("profit").isEqualByComparingTo(profit);
    }

    @Test
    void everyFillCounterOrderAndRoundTripOfAHandComputedPathIsExact() {
        // Each bar's path (open, nearer extreme, other extreme, close) and what it meets on the way:
        List<Bar> bars = PricePath.start()
                .bar("100   100   100   100")    // b0: grid built at the close; bootstrap buys 2 at 100; buys 98 99; sells 101 102
                .bar("100   100.5  98.8  99.2")  // b1: 100 -> 100.5 (high nearer) -> 98.8: buy 99 fills at 99 -> sell 100 (rests: 100 > 99);
                                                 //     -> 98.8 stops short of 98; -> 99.2 short of 100
                .bar("99.2  100.3  99.1 100.1")  // b2: 99.2 -> 99.1 -> 100.3: sell 100 fills at 100 -> buy 99 (pair 1: 0.801); -> 100.1
                .bar("100.1 101.5 100   101.2")  // b3: 100.1 -> 100 -> 101.5: sell 101 fills at 101 -> buy 100 (pair 2: 0.699); -> 101.2
                .bar("99.5   99.6  98.5  98.7")  // b4: gaps down to the open 99.5: buy 100 fills there -> sell 101;
                                                 //     -> 99.6 -> 98.5: buy 99 fills at 99 -> sell 100; 98.5 stops short of 98
                .bar("98.7  101.3  98.6 101.1")  // b5: 98.7 -> 98.6 -> 101.3: sell 100 fills at 100 -> buy 99 (pair 1: 0.801),
                                                 //     then sell 101 at 101 -> buy 100 (pair 2: 1.2995); short of 102; -> 101.1
                .bars();
        GridStrategy grid = new GridStrategy(fiveLevels().build());
        BacktestResult r = run(grid, bars, "1000");

        List<Fill> fills = r.fills();
        assertThat(fills).hasSize(8);
        assertFill(fills.get(0), Side.BUY, "100", "2", "0.4");     // bootstrap, taker: 200 * 0.002
        assertFill(fills.get(1), Side.BUY, "99", "1", "0.099");    // b1, on the way down to the low
        assertFill(fills.get(2), Side.SELL, "100", "1", "0.1");    // b2, on the way up to the high
        assertFill(fills.get(3), Side.SELL, "101", "1", "0.101");  // b3
        assertFill(fills.get(4), Side.BUY, "99.5", "1", "0.0995"); // b4, the gap at the open: min(100, 99.5), before the path goes lower
        assertFill(fills.get(5), Side.BUY, "99", "1", "0.099");    // b4, on the way down to the low
        assertFill(fills.get(6), Side.SELL, "100", "1", "0.1");    // b5, on the way up: 100 first
        assertFill(fills.get(7), Side.SELL, "101", "1", "0.101");  // b5, then 101
        assertThat(fills).extracting(Fill::time).as("each fill at the path point that reached it").containsExactly(
                PricePath.closeOf(0), PricePath.pathPoint(1, 2), PricePath.pathPoint(2, 2), PricePath.pathPoint(3, 2),
                PricePath.pathPoint(4, 0), PricePath.pathPoint(4, 2), PricePath.pathPoint(5, 2), PricePath.pathPoint(5, 2));

        // Every counter-order: the level orders in the order they were sent.
        List<String> sent = r.orders().stream()
                .map(o -> o.side() + " " + o.type() + " " + o.limitPrice().map(BigDecimal::toPlainString).orElse("-") + " " + o.tag().split(" ")[0])
                .toList();
        assertThat(sent).containsExactly(
                "BUY MARKET - grid:bootstrap",
                "BUY LIMIT 98 grid:L0", "BUY LIMIT 99 grid:L1", "SELL LIMIT 101 grid:L3", "SELL LIMIT 102 grid:L4",
                "SELL LIMIT 100 grid:L2",  // b1: bought at 99 (level 1) -> sells at level 2
                "BUY LIMIT 99 grid:L1",    // b2: sold at 100 (level 2) -> buys at level 1
                "BUY LIMIT 100 grid:L2",   // b3: sold at 101 (level 3) -> buys at level 2
                "SELL LIMIT 101 grid:L3", "SELL LIMIT 100 grid:L2",  // b4: the gap's fill first, then the one on the way down
                "BUY LIMIT 99 grid:L1", "BUY LIMIT 100 grid:L2");    // b5

        List<GridRoundTrip> trips = grid.roundTrips();
        assertThat(trips).hasSize(4);
        assertTrip(trips.get(0), 1, "99", "100", "0.199", "0.801");      // 1 - 0.099 - 0.1
        assertTrip(trips.get(1), 2, "100", "101", "0.301", "0.699");     // 1 - 0.2 (half the bootstrap fee) - 0.101
        assertTrip(trips.get(2), 1, "99", "100", "0.199", "0.801");
        assertTrip(trips.get(3), 2, "99.5", "101", "0.2005", "1.2995");  // 1.5 - 0.0995 - 0.101

        GridStats stats = grid.stats();
        assertThat(stats.roundTrips()).isEqualTo(4);
        assertThat(stats.gridProfit()).isEqualByComparingTo("3.6005");
        assertThat(stats.fees()).isEqualByComparingTo("1.0995");
        assertThat(stats.inventory()).isEqualByComparingTo("1");      // pair 3 still holds, selling at 102
        assertThat(stats.maxInventory()).isEqualByComparingTo("3");   // after b1 and after b4
        assertThat(stats.rejections()).isZero();

        assertThat(grid.workingOrders()).extracting(o -> o.side() + "@" + o.price().toPlainString())
                .containsExactly("BUY@98.00", "BUY@99.00", "BUY@100.00", "SELL@102.00");
        // cash 1000 - 200.4 - 99.099 + 99.9 + 100.899 - 99.099 - 99.5995 + 99.9 + 100.899 = 903.4005, plus 1 BTC at 101.1
        assertThat(r.finalEquity()).isEqualByComparingTo("1004.5005");
        assertThat(grid.phase()).isEqualTo(GridPhase.RUNNING);
    }

    @Test
    void whenFlatTheBootstrapBuysTheSellsInventoryInOneMarketOrderBeforeAnySellIsSent() {
        List<String> journal = new ArrayList<>();
        GridStrategy grid = new GridStrategy(fiveLevels().levels(3).build());
        TradeKit.backtest().bars(PricePath.start().flat("100", 2).bars()).instrument(PricePath.BTC).strategy(grid)
                .cash(d("1000")).fees(d("10"), d("20"))
                .onEvent(e -> {
                    if (e instanceof BotEvent.OrderSubmitted s) {
                        journal.add("sent " + s.order().side() + " " + s.order().quantity().toPlainString() + " "
                                + s.order().limitPrice().map(BigDecimal::toPlainString).orElse("market"));
                    }
                    if (e instanceof BotEvent.FillApplied f) journal.add("filled " + f.fill().side() + " " + f.fill().quantity().toPlainString());
                })
                .run();
        assertThat(journal).containsExactly(
                "sent BUY 3 market", "sent BUY 1 97", "sent BUY 1 98", "sent BUY 1 99",
                "filled BUY 3",
                "sent SELL 1 101", "sent SELL 1 102", "sent SELL 1 103");
        assertThat(grid.stats().inventory()).isEqualByComparingTo("3");
    }

    @Test
    void aPriceBelowTheCenterBootstrapsEverySellAboveTheLevelItSitsOn() {
        GridStrategy grid = new GridStrategy(fiveLevels().build());
        BacktestResult r = run(grid, PricePath.start().flat("99.1", 1).bars(), "1000");
        // nearest level 99: sells at 100 101 102, so 3 BTC first; one buy at 98
        assertThat(r.orders().get(0).type()).isEqualTo(OrderType.MARKET);
        assertThat(r.orders().get(0).quantity()).isEqualByComparingTo("3");
        assertThat(grid.workingOrders()).extracting(o -> o.side() + "@" + o.price().toPlainString())
                .containsExactly("BUY@98.00", "SELL@100.00", "SELL@101.00", "SELL@102.00");
    }

    @Test
    void aPriceAboveTheWholeGridNeedsNoBootstrap() {
        GridStrategy grid = new GridStrategy(fiveLevels().build());
        BacktestResult r = run(grid, PricePath.start().flat("103", 1).bars(), "1000");
        assertThat(r.orders()).allMatch(o -> o.type() == OrderType.LIMIT && o.side() == Side.BUY);
        assertThat(r.orders()).extracting(o -> o.limitPrice().orElseThrow().toPlainString()).containsExactly("98", "99", "100", "101");
        assertThat(grid.stats().inventory()).isEqualByComparingTo("0");
    }

    /**
     * Under bar-close timing this counter-order was judged at the close 100.4 and refused as a taker. On the
     * path it is sent where its partner filled, at 99, where it rests; the path then rises through 100 and
     * it fills as a maker in the same bar: nothing is refused, retried or backed off.
     */
    @Test
    void aPostOnlyCounterOrderIsJudgedWhereItsPartnerFilledAndFillsLaterInTheSameBar() {
        List<Bar> bars = PricePath.start()
                .bar("100   100    100    100")    // b0: built: bootstrap 2 at 100; buys 98 99; sells 101 102
                .bar("100   100.5   98.9  100.4")  // b1: 100 -> 100.5 (high nearer) -> 98.9: buy 99 fills at 99 -> sell 100 sent there,
                                                   //     below... above the market 99: it rests; -> 100.4: sell 100 fills at 100 -> buy 99
                .bars();
        GridStrategy grid = new GridStrategy(fiveLevels().postOnly(true).build());
        BacktestResult r = run(grid, bars, "1000");

        List<Order> sellsAt100 = r.orders().stream().filter(o -> o.side() == Side.SELL && o.limitPrice().orElseThrow().compareTo(d("100")) == 0).toList();
        assertThat(sellsAt100).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo(OrderType.LIMIT_MAKER);
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.createdAt()).as("sent at the buy's fill, on the way down").isEqualTo(PricePath.pathPoint(1, 2));
        });
        assertThat(r.fills()).filteredOn(f -> f.side() == Side.SELL).singleElement().satisfies(f -> {
            assertFill(f, Side.SELL, "100", "1", "0.1");      // maker: 100 * 0.001
            assertThat(f.time()).as("on the way up to the close").isEqualTo(PricePath.closeOf(1));
        });
        assertThat(r.orders()).noneMatch(o -> o.status() == OrderStatus.REJECTED);

        GridStats stats = grid.stats();
        assertThat(stats.rejections()).isZero();
        assertThat(stats.retries()).isZero();
        assertThat(stats.pendingRetries()).isZero();
        assertThat(grid.roundTrips()).singleElement().satisfies(t -> assertTrip(t, 1, "99", "100", "0.199", "0.801"));
        assertThat(grid.workingOrders()).extracting(o -> o.side() + "@" + o.price().toPlainString())
                .containsExactly("BUY@98.00", "BUY@99.00", "SELL@101.00", "SELL@102.00");
    }

    /**
     * A post-only level whose order is gone (an operator cancelled it) while the price then moves through
     * it would take if sent: the grid holds it back, unsent and uncounted, and sends it at the first price
     * point where it rests, in the middle of a bar if that is where the price is heard, not after a backoff.
     */
    @Test
    void aPostOnlyLevelThatWouldTakeWaitsUnsentForThePricePointWhereItRestsWithoutBackoff() {
        List<Bar> bars = PricePath.start()
                .bar("100   100    100    100")    // b0: built: bootstrap 2 at 100; buys 98 99; sells 101 102
                .bar("100   100.5   98.9  100.4")  // b1: buy 99 fills, sell 100 fills -> buy 99 again; the operator cancels it at the close
                .bar("100.4 100.5   98.5   98.6")  // b2: 100.4 -> 100.5 -> 98.5, nothing rests on the way; close 98.6: a buy at 99 would take
                .bar("98.6  98.9    98.4   98.7")  // b3: 98.6 -> 98.4 -> 98.9 -> 98.7: still above the market at every price heard
                .bar("98.7 101.2    98.6  101.1")  // b4: 98.7 -> 98.6 -> 101.2: the path stops at 101 for the sell there; at 101
                                                   //     the buy at 99 rests: sent at that point; sell 101 fills -> buy 100
                .bars();
        GridStrategy grid = new GridStrategy(fiveLevels().postOnly(true).build());
        BacktestResult r = TradeKit.backtest().bars(bars).instrument(PricePath.BTC).strategy(new CancelBuyAt(grid, 1, d("99")))
                .cash(d("1000")).fees(d("10"), d("20")).run();

        List<Order> buysAt99 = r.orders().stream().filter(o -> o.side() == Side.BUY && o.limitPrice().isPresent()
                && o.limitPrice().get().compareTo(d("99")) == 0).toList();
        assertThat(buysAt99).extracting(Order::status).containsExactly(OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.NEW);
        // Not at b2 or b3 (each close is above it), not on a 1-2-4 bar backoff: at the stop of b4's path at 101.
        assertThat(buysAt99).extracting(Order::createdAt)
                .containsExactly(PricePath.closeOf(0), PricePath.closeOf(1), PricePath.pathPoint(4, 2));
        assertThat(r.orders()).noneMatch(o -> o.status() == OrderStatus.REJECTED);

        GridStats stats = grid.stats();
        assertThat(stats.rejections()).as("held back, never refused").isZero();
        assertThat(stats.retries()).as("the one re-placement").isEqualTo(1);
        assertThat(stats.pendingRetries()).isZero();
        assertThat(grid.roundTrips()).satisfiesExactly(
                t -> assertTrip(t, 1, "99", "100", "0.199", "0.801"),
                t -> assertTrip(t, 2, "100", "101", "0.301", "0.699"));   // 1 - 0.2 (half the bootstrap's taker fee) - 0.101
        assertThat(grid.workingOrders()).extracting(o -> o.side() + "@" + o.price().toPlainString())
                .containsExactly("BUY@98.00", "BUY@99.00", "BUY@100.00", "SELL@102.00");
    }

    @Test
    void levelsRefusedForLackOfFundsAreRetriedAfter1Then2Then4BarsAndNeverDropped() {
        // 250 cash: the bootstrap takes 200.4, so neither buy (98.098 and 99.099 with fees locked) fits.
        GridStrategy grid = new GridStrategy(fiveLevels().build());
        BacktestResult r = run(grid, PricePath.start().flat("100", 9).bars(), "250");

        List<Order> buysAt98 = r.orders().stream().filter(o -> o.side() == Side.BUY && o.limitPrice().isPresent()
                && o.limitPrice().get().compareTo(d("98")) == 0).toList();
        assertThat(buysAt98).allMatch(o -> o.status() == OrderStatus.REJECTED);
        assertThat(buysAt98.get(0).reason()).hasValueSatisfying(reason -> assertThat(reason).contains("insufficient balance"));
        // tried when built (close of b0), then 1 bar later (b1), 2 bars later (b3), 4 bars later (b7)
        assertThat(buysAt98).extracting(Order::createdAt)
                .containsExactly(PricePath.closeOf(0), PricePath.closeOf(1), PricePath.closeOf(3), PricePath.closeOf(7));
        GridStats stats = grid.stats();
        assertThat(stats.rejections()).isEqualTo(8);
        assertThat(stats.retries()).isEqualTo(6);
        assertThat(stats.pendingRetries()).isEqualTo(2);
        assertThat(grid.workingOrders()).extracting(o -> o.side() + "@" + o.price().toPlainString())
                .containsExactly("SELL@101.00", "SELL@102.00");
    }

    @Test
    void ordersGoOutAtTheLaddersTickRoundedPrices() {
        Instrument halfTick = new Instrument("BTCUSDT", "BTC", "USDT", d("0.5"), d("0.0001"), BigDecimal.ZERO, BigDecimal.ZERO);
        GridStrategy grid = new GridStrategy(fiveLevels().spacing(d("0.7"), SpacingUnit.ABSOLUTE).levels(3).build());
        BacktestResult r = TradeKit.backtest().bars(PricePath.start().flat("100", 1).bars()).instrument(halfTick).strategy(grid)
                .cash(d("1000")).run();
        assertThat(r.orders()).filteredOn(o -> o.type() == OrderType.LIMIT)
                .extracting(o -> o.side() + "@" + o.limitPrice().orElseThrow().stripTrailingZeros().toPlainString())
                .containsExactly("BUY@98", "BUY@98.5", "BUY@99.5", "SELL@100.5", "SELL@101.5", "SELL@102");
    }
    /** The grid, with an operator who cancels its buy at {@code price} once, after the grid handled bar {@code at}. */
    private static final class CancelBuyAt implements Strategy {
        private final GridStrategy grid;
        private final int at;
        private final BigDecimal price;
        private int seen;

        CancelBuyAt(GridStrategy grid, int at, BigDecimal price) {
            this.grid = grid;
            this.at = at;
            this.price = price;
        }

        @Override
        public void onStart(StrategyContext ctx) {
            grid.onStart(ctx);
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            grid.onBar(bar, ctx);
            if (seen++ != at) return;
            GridOrder order = grid.workingOrders().stream().filter(o -> o.side() == Side.BUY && o.price().compareTo(price) == 0)
                    .findFirst().orElseThrow();
            ctx.cancel(order.clientOrderId());
        }

        @Override
        public void onTicker(Ticker ticker, StrategyContext ctx) {
            grid.onTicker(ticker, ctx);
        }

        @Override
        public void onOrderUpdate(Order order, StrategyContext ctx) {
            grid.onOrderUpdate(order, ctx);
        }

        @Override
        public void onFill(Fill fill, StrategyContext ctx) {
            grid.onFill(fill, ctx);
        }

        @Override
        public void onStop(StrategyContext ctx) {
            grid.onStop(ctx);
        }
    }
}
