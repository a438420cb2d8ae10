package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A neutral perpetual grid replayed into a real SQLite store, stopped halfway and restarted, against one run straight through. */
class PerpGridRestartTest {

    @TempDir
    Path dir;

    private static GridSettings walkGrid() {
        return GridSettings.builder().center(new BigDecimal("100")).spacing(new BigDecimal("0.5"), SpacingUnit.PERCENT).levels(5)
                .sizePerLevel(new BigDecimal("0.5")).sizeMode(SizeMode.BASE).rebalancing(new Rebalancing(RebalanceMode.RECENTER, 2, 10))
                .perp(new PerpGrid(PerpGridMode.NEUTRAL, Optional.of(new BigDecimal("1.5")), Optional.of(new BigDecimal("1.5")))).build();
    }

    private static BacktestResult replay(List<Bar> bars, GridStrategy grid, Path db) {
        return Replay.over(bars).strategy("grid", grid).instrument(PerpGridBacktestTest.BTC_PERP).leverage(new BigDecimal("3")).database(db).run();
    }

    @Test
    void aPerpetualGridStoppedHalfwayAndRestartedEndsExactlyLikeAnUninterruptedOne() {
        List<Bar> bars = PricePath.randomWalk(200, 0.003, 4);
        GridStrategy wholeGrid = new GridStrategy(walkGrid());
        BacktestResult whole = replay(bars, wholeGrid, dir.resolve("whole/bot.db"));

        Path db = dir.resolve("halves/bot.db");
        replay(bars.subList(0, 100), new GridStrategy(walkGrid()), db);
        GridStrategy resumedGrid = new GridStrategy(walkGrid());
        BacktestResult resumed = replay(bars, resumedGrid, db);

        assertThat(wholeGrid.stats().roundTrips()).isGreaterThan(10);
        BigDecimal held = BigDecimal.ZERO;
        BigDecimal mostShort = BigDecimal.ZERO;
        BigDecimal mostLong = BigDecimal.ZERO;
        for (Fill f : whole.fills()) {
            held = f.side() == io.tradekit.api.Side.BUY ? held.add(f.quantity()) : held.subtract(f.quantity());
            mostShort = mostShort.min(held);
            mostLong = mostLong.max(held);
        }
        assertThat(mostShort).as("it held shorts").isNegative();
        assertThat(mostLong).as("and longs").isPositive();
        SameFills.assertSame(whole.fills(), resumed.fills());
        assertThat(resumedGrid.stats()).isEqualTo(wholeGrid.stats());
        assertThat(resumedGrid.workingOrders()).extracting(GridOrder::price).isEqualTo(wholeGrid.workingOrders().stream().map(GridOrder::price).toList());
        assertThat(resumed.finalEquity()).isEqualByComparingTo(whole.finalEquity());
    }

}
