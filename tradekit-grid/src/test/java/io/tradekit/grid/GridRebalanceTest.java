package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Leaving the range: recenter (with its cooldown), stop or hold. Maker fee 10 bps, taker 20 bps; levels 98..102 at first. */
class GridRebalanceTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static GridStrategy grid(RebalanceMode mode, int cooldown) {
        return new GridStrategy(GridSettings.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2)
                .sizePerLevel(BigDecimal.ONE).sizeMode(SizeMode.BASE).postOnly(false)
                .rebalancing(new Rebalancing(mode, 1, cooldown)).build());
    }

    private static BacktestResult run(GridStrategy grid, List<Bar> bars) {
        return TradeKit.backtest().bars(bars).instrument(PricePath.BTC).strategy(grid).cash(d("1000")).fees(d("10"), d("20")).run();
    }

    private static List<String> levels(GridStrategy grid) {
        return grid.ladder().orElseThrow().levels().stream().map(l -> l.price().toPlainString()).toList();
    }

    private static List<String> working(GridStrategy grid) {
        return grid.workingOrders().stream().map(o -> o.side() + "@" + o.price().toPlainString()).toList();
    }

    /** Up through the top: both sells fill, then the close reaches 103, one level past 102. */
    private static PricePath upAndOut() {
        return PricePath.start()
                .bar("100   100   100   100")
                .bar("100   101.2  99.9 101.1")   // sell 101 -> buy 100
                .bar("101.1 102.3 101   102.2")   // sell 102 -> buy 101; nothing held
                .bar("102.2 103.1 102.1 103");    // 103: recenter, 3 bars after the first build
    }

    @Test
    void aPriceOneLevelPastTheTopRebuildsTheGridAroundItAndBootstrapsItsSells() {
        GridStrategy grid = grid(RebalanceMode.RECENTER, 3);
        BacktestResult r = run(grid, upAndOut().bars());

        assertThat(levels(grid)).containsExactly("101.00", "102.00", "103.00", "104.00", "105.00");
        assertThat(working(grid)).containsExactly("BUY@101.00", "BUY@102.00", "SELL@104.00", "SELL@105.00");
        assertThat(r.orders()).filteredOn(o -> o.status() == OrderStatus.CANCELED)
                .extracting(o -> o.side() + "@" + o.limitPrice().orElseThrow().toPlainString())
                .containsExactlyInAnyOrder("BUY@98", "BUY@99", "BUY@100", "BUY@101");
        assertThat(r.orders()).filteredOn(o -> o.type() == OrderType.MARKET)
                .extracting(o -> o.quantity().toPlainString() + "@" + o.averageFillPrice().stripTrailingZeros().toPlainString())
                .containsExactly("2@100", "2@103");
        assertThat(grid.stats().recenters()).isEqualTo(1);
        assertThat(grid.phase()).isEqualTo(GridPhase.RUNNING);
    }

    @Test
    void theCooldownHoldsTheNextRecenterUntilEnoughBarsHavePassed() {
        GridStrategy grid = grid(RebalanceMode.RECENTER, 3);
        BacktestResult r = run(grid, upAndOut()
                .bar("103   108   103   107.5")   // sells 104 and 105 fill; 107.5 is past 106 but only 1 bar after the rebuild
                .bar("107.5 107.7 107.4 107.6")   // 2 bars: still out of range, waiting
                .bar("107.6 107.8 107.5 107.7")   // 3 bars: rebuilt around 107.7
                .bars());

        assertThat(r.orders()).filteredOn(o -> o.type() == OrderType.MARKET).extracting(Order::createdAt)
                .containsExactly(PricePath.closeOf(0), PricePath.closeOf(3), PricePath.closeOf(6));
        assertThat(levels(grid)).containsExactly("105.70", "106.70", "107.70", "108.70", "109.70");
        assertThat(grid.stats().recenters()).isEqualTo(2);
        // pair 2: 100 -> 101, pair 3: 100 -> 102 (each with half the 0.4 bootstrap fee);
        // then pair 2: 103 -> 104, pair 3: 103 -> 105 (each with half the 0.412 bootstrap fee)
        assertThat(grid.roundTrips()).extracting(t -> t.profit().stripTrailingZeros().toPlainString())
                .containsExactly("0.699", "1.698", "0.69", "1.689");
        assertThat(grid.stats().gridProfit()).isEqualByComparingTo("4.776");
    }

    @Test
    void recenteringDownKeepsWhatTheNewSellsNeedAtItsCostAndSellsTheRest() {
        GridStrategy grid = grid(RebalanceMode.RECENTER, 0);
        BacktestResult r = run(grid, PricePath.start()
                .bar("100 100   100   100")
                .bar("100 100.2  98.9  99")     // buy 99
                .bar("99   99.1  97.9  98")     // buy 98: four held (cost 98 + 99 + 100 + 100 = 397, fees 0.098 + 0.099 + 0.2 + 0.2)
                .bar("98   98.1  96.9  97")     // 97: one level below 98 -> rebuilt around 97, keeps 2, sells 2
                .bar("97   98.2  96.9  98.1")   // the new sell at 98 fills: pair 2 held at 397/4 = 99.25
                .bars());

        Fill trim = r.fills().get(r.fills().size() - 2);
        assertThat(trim.side()).isEqualTo(Side.SELL);
        assertThat(trim.quantity()).isEqualByComparingTo("2");
        assertThat(trim.price()).isEqualByComparingTo("97");
        assertThat(trim.fee()).isEqualByComparingTo("0.388");
        assertThat(r.orders()).filteredOn(o -> o.tag().startsWith("grid:trim ")).singleElement()
                .satisfies(o -> assertThat(o.reduceOnly()).isTrue());
        assertThat(levels(grid)).containsExactly("95.00", "96.00", "97.00", "98.00", "99.00");
        // 98 -> sells again at 99 after the round trip
        assertThat(working(grid)).containsExactly("BUY@95.00", "BUY@96.00", "BUY@97.00", "SELL@99.00");
        GridRoundTrip trip = grid.roundTrips().get(0);
        assertThat(trip.pair()).isEqualTo(2);
        assertThat(trip.buyPrice()).isEqualByComparingTo("99.25");
        assertThat(trip.fees()).isEqualByComparingTo("0.24725");        // 0.597 / 4 + 0.098
        assertThat(trip.profit()).isEqualByComparingTo("-1.49725");     // 98 - 99.25 - 0.24725
        assertThat(grid.stats().inventory()).isEqualByComparingTo("1");
    }

    private static PricePath downAndOut() {
        return PricePath.start()
                .bar("100 100   100   100")
                .bar("100 100.2  98.9  99")
                .bar("99   99.1  97.9  98")
                .bar("98   98.1  96.9  97");    // one level below the grid
    }

    @Test
    void theStopRuleCancelsEveryOrderKeepsTheInventoryAndPlacesNothingMore() {
        GridStrategy grid = grid(RebalanceMode.STOP, 0);
        BacktestResult r = run(grid, downAndOut().bar("97 100.5 96 100").bars());
        assertThat(grid.phase()).isEqualTo(GridPhase.STOPPED);
        assertThat(r.orders()).allMatch(o -> o.status().isTerminal());
        assertThat(r.orders()).allMatch(o -> !o.createdAt().isAfter(PricePath.closeOf(2)));
        assertThat(grid.stats().inventory()).isEqualByComparingTo("4");
        assertThat(grid.workingOrders()).isEmpty();
    }

    @Test
    void theHoldRuleKeepsEveryOrderAndResumesWhenThePriceComesBack() {
        GridStrategy grid = grid(RebalanceMode.HOLD, 0);
        BacktestResult held = run(grid, downAndOut().bars());
        assertThat(grid.phase()).isEqualTo(GridPhase.OUT_OF_RANGE);
        assertThat(working(grid)).containsExactly("SELL@99.00", "SELL@100.00", "SELL@101.00", "SELL@102.00");
        assertThat(held.orders()).filteredOn(o -> o.status() == OrderStatus.CANCELED).isEmpty();

        GridStrategy back = grid(RebalanceMode.HOLD, 0);
        run(back, downAndOut().bar("97 98.2 96.9 98.1").bars());
        assertThat(back.phase()).isEqualTo(GridPhase.RUNNING);
        assertThat(back.stats().recenters()).isZero();
    }

    @Test
    void aRecenterThatCannotFitAtTheNewPriceKeepsTheGridAndWaitsForTheCooldown() {
        // Levels 70 100 130; at 30 a grid with an absolute spacing of 30 would reach zero.
        GridStrategy grid = new GridStrategy(GridSettings.builder().center(d("100")).spacing(d("30"), SpacingUnit.ABSOLUTE).levels(1)
                .sizePerLevel(BigDecimal.ONE).sizeMode(SizeMode.BASE).postOnly(false).rebalancing(new Rebalancing(RebalanceMode.RECENTER, 1, 5))
                .build());
        BacktestResult r = run(grid, PricePath.start().bar("100 100 100 100").bar("100 100 29 30").bars());
        assertThat(grid.phase()).isEqualTo(GridPhase.OUT_OF_RANGE);
        assertThat(grid.stats().recenters()).isZero();
        assertThat(r.orders()).noneMatch(o -> o.status() == OrderStatus.CANCELED);
        assertThat(working(grid)).containsExactly("SELL@100.00", "SELL@130.00");
    }
}
