package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.Side;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flatten the grid did not ask for (an operator's, a risk policy's) sells the inventory under the grid's
 * feet; the grid's book must follow the account, not go on believing it holds what was sold.
 */
class GridAccountAlignmentTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** Levels 98 99 100 101 102, one BTC per level, post-only, never rebalanced. */
    private static GridSettings fiveLevels() {
        return GridSettings.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2).sizePerLevel(BigDecimal.ONE)
                .sizeMode(SizeMode.BASE).postOnly(true).rebalancing(new Rebalancing(RebalanceMode.HOLD, 1, 0)).build();
    }

    @Test
    void afterAFlattenItDidNotStartTheGridHoldsWhatTheAccountHoldsAndTradesOnWithoutRefusals() {
        List<Bar> bars = PricePath.start()
                .flat("100", 2)                     // b0: built, bootstrap buys 2 for the sells at 101 and 102; b1: the operator flattens
                .flat("100", 2)                     // b2, b3: nothing held; buys rest at 98 and 99, none at 100 or 101 (they would take)
                .bar("100   100.2  98.8  99.1")     // b4: buy 99 fills -> its sell at 100
                .bar("99.1  101.4  99    101.2")    // b5: sell 100 fills (a round trip); 100 and 101 now rest below the price: buys
                .bars();
        GridStrategy grid = new GridStrategy(fiveLevels());
        BacktestResult r = TradeKit.backtest().bars(bars).instrument(PricePath.BTC).strategy(new FlattenAt(grid, 1)).cash(d("1000"))
                .fees(d("10"), d("20")).run();

        List<Fill> flattenSells = r.fills().stream().filter(f -> f.side() == Side.SELL && f.time().equals(PricePath.closeOf(1))).toList();
        assertThat(flattenSells).extracting(f -> f.quantity().stripTrailingZeros().toPlainString()).containsExactly("2");
        assertThat(r.fills()).extracting(f -> f.side() + "@" + f.price().stripTrailingZeros().toPlainString())
                .containsExactly("BUY@100", "SELL@100", "BUY@99", "SELL@100");

        GridStats stats = grid.stats();
        assertThat(stats.inventory()).as("the grid holds what the account holds").isEqualByComparingTo("0");
        assertThat(stats.rejections()).as("nothing refused: no sell of inventory that is gone").isZero();
        assertThat(stats.roundTrips()).isEqualTo(1);
        assertThat(grid.roundTrips()).singleElement().satisfies(t -> {
            assertThat(t.buyPrice()).isEqualByComparingTo("99");
            assertThat(t.sellPrice()).isEqualByComparingTo("100");
        });
        assertThat(grid.workingOrders()).extracting(o -> o.side() + "@" + o.price().toPlainString())
                .containsExactly("BUY@98.00", "BUY@99.00", "BUY@100.00", "BUY@101.00");
        assertThat(r.orders()).filteredOn(o -> o.tag().startsWith("grid:")).noneMatch(o -> o.status() == io.tradekit.api.OrderStatus.REJECTED);
    }

    /** The grid, with an operator who flattens the bot once, after the grid handled bar {@code at}. */
    private static final class FlattenAt implements Strategy {
        private final GridStrategy grid;
        private final int at;
        private int seen;

        FlattenAt(GridStrategy grid, int at) {
            this.grid = grid;
            this.at = at;
        }

        @Override
        public void onStart(StrategyContext ctx) {
            grid.onStart(ctx);
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            grid.onBar(bar, ctx);
            if (seen++ == at) ctx.flatten("operator");
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
