package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Order;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.TradeKit;
import io.tradekit.grid.internal.GridOrderTag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backtest keeps every order, fill and round trip it made until its end, so what each of them holds is memory for
 * the whole run. A grid's orders at one level carry the same numbers again and again; they share them: the level's
 * quantity, its limit price (and the {@code Optional} around it), and a round trip its closing fill's quantity.
 */
class GridOrderSharingTest {

    private static <T> int distinctInstances(List<T> items, Function<T, Object> field) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (T item : items) seen.add(field.apply(item));
        return seen.size();
    }

    @Test
    void theOrdersOfADenseGridShareTheirLevelsNumbersInsteadOfEachKeepingCopies() {
        List<Bar> bars = PricePath.randomWalk(4_000, 0.002, 11);
        // Ten levels a side 0.2 % apart, held in place (one ladder for the whole run), 0.01 BTC a level.
        GridStrategy grid = new GridStrategy(GridSettings.builder().center(new BigDecimal("100")).spacing(new BigDecimal("0.2"), SpacingUnit.PERCENT)
                .levels(10).sizePerLevel(new BigDecimal("0.0100")).sizeMode(SizeMode.BASE).fees(new BigDecimal("2"), new BigDecimal("5"))
                .rebalancing(new Rebalancing(RebalanceMode.HOLD, 1, 0)).build());
        BacktestResult r = TradeKit.backtest().bars(bars).instrument(PricePath.BTC).strategy(grid).cash(new BigDecimal("10000"))
                .fees(new BigDecimal("2"), new BigDecimal("5")).run();

        // The level orders (the bootstrap's market buy of the sells' inventory is one order of its own size).
        List<Order> orders = r.orders().stream().filter(o -> o.tag().startsWith(GridOrderTag.PREFIX + "L")).toList();
        List<RoundTrip> trips = r.roundTrips();
        assertThat(orders).as("orders").hasSizeGreaterThan(300);
        assertThat(trips).as("round trips").hasSizeGreaterThan(100);
        assertThat(orders).allSatisfy(o -> assertThat(o.quantity()).isEqualTo(new BigDecimal("0.01")));

        // The ladder's quantity (every buy), or what a pair was given to sell: the bought fill's own quantity, or its share of
        // the bootstrap's inventory. So at most one number per pair of levels (20), however many orders the run made.
        assertThat(distinctInstances(orders, Order::quantity)).isLessThanOrEqualTo(20);
        assertThat(distinctInstances(trips, RoundTrip::quantity)).isLessThanOrEqualTo(20);
        // One limit price, and one Optional holding it, per level: 21 levels at most.
        int levelsUsed = orders.stream().map(o -> o.limitPrice().orElseThrow()).collect(Collectors.toSet()).size();
        assertThat(distinctInstances(orders, Order::limitPrice)).isEqualTo(levelsUsed).isLessThanOrEqualTo(21);
        assertThat(distinctInstances(orders, o -> o.limitPrice().orElseThrow())).isEqualTo(levelsUsed);
    }
}
