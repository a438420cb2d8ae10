package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.InvalidInputException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The grid's own limits, each ending in core's flatten ({@code StrategyContext.flatten}, whose closing
 * orders carry the tag {@code flatten}): no orders left, nothing held, nothing placed after.
 */
class GridRiskLimitsTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static GridStrategy grid(GridRiskLimits limits) {
        return new GridStrategy(GridSettings.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2)
                .sizePerLevel(BigDecimal.ONE).sizeMode(SizeMode.BASE).postOnly(false)
                .rebalancing(new Rebalancing(RebalanceMode.HOLD, 1, 0)).limits(limits).build());
    }

    private static BacktestResult run(GridStrategy grid, List<Bar> bars) {
        return TradeKit.backtest().bars(bars).instrument(PricePath.BTC).strategy(grid).cash(d("1000")).fees(d("10"), d("20")).run();
    }

    private static BigDecimal position(BacktestResult r) {
        BigDecimal held = BigDecimal.ZERO;
        for (Fill f : r.fills()) held = f.side() == Side.BUY ? held.add(f.quantity()) : held.subtract(f.quantity());
        return held;
    }

    private static void assertFlattenedAfter(GridStrategy grid, BacktestResult r, int bar) {
        assertThat(grid.phase()).isEqualTo(GridPhase.FLATTENED);
        assertThat(position(r)).isEqualByComparingTo("0");
        assertThat(r.orders()).allMatch(o -> o.status().isTerminal());
        assertThat(r.orders()).allMatch(o -> !o.createdAt().isAfter(PricePath.closeOf(bar)));
        assertThat(grid.workingOrders()).isEmpty();
        assertThat(r.safetyEvents()).as("the grid flattened itself; core's safety manager did not act").isEmpty();
    }

    @Test
    void theStopPriceCancelsTheGridAndSellsEverythingAtMarket() {
        GridStrategy grid = grid(GridRiskLimits.none().withStopPrice(d("97")));
        BacktestResult r = run(grid, PricePath.start()
                .bar("100 100    100   100")
                .bar("100 100.2   98.9  99")     // buy 99
                .bar("99   99.1   97.9  98")     // buy 98: 4 held
                .bar("98   98.1   96.4  96.5")   // close 96.5 <= 97: flatten
                .bar("96.5 99     96    98.5")   // nothing more
                .bars());

        Order flatten = r.orders().stream().filter(o -> "flatten".equals(o.tag())).findFirst().orElseThrow();
        assertThat(flatten.type()).isEqualTo(OrderType.MARKET);
        assertThat(flatten.reduceOnly()).isTrue();
        assertThat(flatten.quantity()).isEqualByComparingTo("4");
        assertThat(flatten.status()).isEqualTo(OrderStatus.FILLED);
        Fill last = r.fills().get(r.fills().size() - 1);
        assertThat(last.price()).isEqualByComparingTo("96.5");
        assertThat(last.fee()).isEqualByComparingTo("0.772");   // 386 * 0.002
        assertThat(r.orders()).filteredOn(o -> o.status() == OrderStatus.CANCELED)
                .extracting(o -> o.limitPrice().orElseThrow().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("99", "100", "101", "102");
        assertFlattenedAfter(grid, r, 3);
        assertThat(grid.stats().inventory()).isEqualByComparingTo("0");
    }

    @Test
    void theTakeProfitPriceCancelsTheGridAndEndsIt() {
        GridStrategy grid = grid(GridRiskLimits.none().withTakeProfitPrice(d("103.5")));
        BacktestResult r = run(grid, PricePath.start()
                .bar("100   100   100   100")     // built: bootstrap 2 at 100, buys 98 99, sells 101 102
                .bar("100   100.2  98.9  99.2")   // 100 -> 100.2 -> 98.9: buy 99 fills at 99 -> sell 100; 3 held
                .bar("103.6 104   103.5 103.8")   // gaps up to the open 103.6: the venue fills sells 100 101 102 there;
                                                  // the grid sees 103.6 >= 103.5 first and ends: it cancels, places no counter-buy
                .bar("103.8 104   100   101")     // would have filled buys; there are none
                .bars());

        assertThat(r.fills()).filteredOn(f -> f.side() == Side.SELL).extracting(f -> f.price().stripTrailingZeros().toPlainString())
                .containsExactly("103.6", "103.6", "103.6");
        // Only the buy at 98 still rested when the cancels came: the sells had filled at the gap.
        assertThat(r.orders()).filteredOn(o -> o.status() == OrderStatus.CANCELED)
                .extracting(o -> o.side() + "@" + o.limitPrice().orElseThrow().stripTrailingZeros().toPlainString())
                .containsExactly("BUY@98");
        // The gap's fills came to a grid that had ended: none of them got its counter-buy.
        assertThat(r.orders()).filteredOn(o -> o.type() == OrderType.LIMIT)
                .extracting(o -> o.side() + "@" + o.limitPrice().orElseThrow().stripTrailingZeros().toPlainString())
                .containsExactly("BUY@98", "BUY@99", "SELL@101", "SELL@102", "SELL@100");
        assertThat(r.orders()).noneMatch(o -> "flatten".equals(o.tag())); // nothing was held: nothing to sell
        assertFlattenedAfter(grid, r, 2);
    }

    @Test
    void inventoryAboveTheMaximumFlattensAtTheFillThatPassedIt() {
        GridStrategy grid = grid(GridRiskLimits.none().withMaxInventory(d("3.5")));
        BacktestResult r = run(grid, PricePath.start()
                .bar("100 100   100   100")
                .bar("100 100.2  98.9  99")     // 3 held
                .bar("99   99.1  97.9  98")     // buy 98: 4 held > 3.5
                .bar("98  100    97    99.5")
                .bars());

        Fill last = r.fills().get(r.fills().size() - 1);
        assertThat(last.side()).isEqualTo(Side.SELL);
        assertThat(last.quantity()).isEqualByComparingTo("4");
        assertThat(last.price()).isEqualByComparingTo("98");
        assertThat(grid.stats().maxInventory()).isEqualByComparingTo("4");
        assertFlattenedAfter(grid, r, 2);
    }

    @Test
    void aStopInsideTheGridOrATakeProfitBelowItsTopIsRefused() {
        List<Bar> bars = PricePath.start().flat("100", 1).bars();
        assertThatThrownBy(() -> run(grid(GridRiskLimits.none().withStopPrice(d("98"))), bars))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'stop-price' 98 must be below the grid's lowest level 98.00");
        assertThatThrownBy(() -> run(grid(GridRiskLimits.none().withTakeProfitPrice(d("101"))), bars))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'take-profit-price' 101");
        assertThatThrownBy(() -> GridRiskLimits.none().withStopPrice(d("110")).withTakeProfitPrice(d("105")))
                .hasMessageContaining("'stop-price' 110 must be below 'take-profit-price' 105");
    }
}
