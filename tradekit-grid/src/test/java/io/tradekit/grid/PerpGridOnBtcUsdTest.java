package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.MarginRules;
import io.tradekit.api.Side;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import io.tradekit.data.DataSets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A neutral grid on a BTC-USD linear perpetual over the first 1500 one-minute bars of btc-usd-1m: 10 levels of
 * 0.01 BTC each side of the price at 0.3 %, post-only, held in place (never recentred), leverage 3.
 */
class PerpGridOnBtcUsdTest {

    private static final Instrument BTC_USD_PERP = new Instrument("BTC-USD", "BTC", "USD", new BigDecimal("0.01"), new BigDecimal("0.0001"),
            BigDecimal.ZERO, BigDecimal.ZERO).asLinearPerpetual(MarginRules.flat(new BigDecimal("100"), new BigDecimal("0.005"), new BigDecimal("0.0006")));
    private static final BigDecimal LIMIT = new BigDecimal("0.03");

    private static List<Bar> bars;

    @BeforeAll
    static void load() {
        bars = DataSets.load(DataSets.BTC_USD_1M).subList(0, 1500);
    }

    private record Run(GridStrategy grid, BacktestResult result) {
    }

    private static Run run(PerpGrid perp) {
        GridStrategy grid = new GridStrategy(GridSettings.builder().spacing(new BigDecimal("0.3"), SpacingUnit.PERCENT).levels(10)
                .sizePerLevel(new BigDecimal("0.01")).sizeMode(SizeMode.BASE).rebalancing(new Rebalancing(RebalanceMode.HOLD, 2, 10))
                .fees(new BigDecimal("2"), new BigDecimal("5")).perp(perp).build());
        BacktestResult r = TradeKit.backtest().bars(bars).instrument(BTC_USD_PERP).leverage(new BigDecimal("3")).strategy(grid)
                .cash(new BigDecimal("10000")).fees(new BigDecimal("2"), new BigDecimal("5")).run();
        return new Run(grid, r);
    }

    /** The position after each fill, in contracts: positive long, negative short. */
    private static List<BigDecimal> positions(List<Fill> fills) {
        BigDecimal held = BigDecimal.ZERO;
        java.util.ArrayList<BigDecimal> out = new java.util.ArrayList<>();
        for (Fill f : fills) {
            held = f.side() == Side.BUY ? held.add(f.quantity()) : held.subtract(f.quantity());
            out.add(held);
        }
        return out;
    }

    @Test
    void neutralGridOpensShortsAboveTheCentreAndLongsBelowAndStaysWithinItsInventoryLimits() {
        Run limited = run(new PerpGrid(PerpGridMode.NEUTRAL, Optional.of(LIMIT), Optional.of(LIMIT)));
        assertThat(limited.grid().builds()).as("held in place: one grid").hasSize(1);
        BigDecimal center = limited.grid().builds().getFirst().ladder().center();
        List<Fill> fills = limited.result().fills();
        List<BigDecimal> positions = positions(fills);

        BigDecimal before = BigDecimal.ZERO;
        int longsOpened = 0;
        int shortsOpened = 0;
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            BigDecimal after = positions.get(i);
            if (after.abs().compareTo(before.abs()) > 0) {
                // Every fill that opens or adds: a buy below the centre (a long pair) or a sell above it (a short pair).
                if (f.side() == Side.BUY) {
                    assertThat(f.price()).as("long opened at %s", f.time()).isLessThan(center);
                    longsOpened++;
                } else {
                    assertThat(f.price()).as("short opened at %s", f.time()).isGreaterThan(center);
                    shortsOpened++;
                }
            }
            assertThat(after.abs()).as("position after the fill at %s", f.time()).isLessThanOrEqualTo(LIMIT);
            before = after;
        }
        assertThat(longsOpened).as("longs opened below the centre").isPositive();
        assertThat(shortsOpened).as("shorts opened above the centre").isPositive();
        assertThat(positions.stream().min(BigDecimal::compareTo).orElseThrow()).as("the short side reached its limit").isEqualByComparingTo("-0.03");
        assertThat(positions.stream().max(BigDecimal::compareTo).orElseThrow()).as("the long side reached its limit").isEqualByComparingTo("0.03");

        Run unlimited = run(PerpGrid.neutral());
        List<BigDecimal> free = positions(unlimited.result().fills());
        assertThat(free.stream().map(BigDecimal::abs).max(BigDecimal::compareTo).orElseThrow())
                .as("without the limits the same grid holds more").isGreaterThan(LIMIT);
    }
}
