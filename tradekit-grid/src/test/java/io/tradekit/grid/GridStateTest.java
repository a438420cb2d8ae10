package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridStateTest {

    @TempDir
    Path dir;

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static GridSettings fiveLevels() {
        return GridSettings.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2).sizePerLevel(BigDecimal.ONE)
                .sizeMode(SizeMode.BASE).postOnly(false).rebalancing(new Rebalancing(RebalanceMode.HOLD, 1, 0)).build();
    }

    @Test
    void savedStateRestoresToTheSameStateWithExactMoney() {
        List<Bar> bars = PricePath.start()
                .bar("100   100   100   100")
                .bar("100   100.5  98.8  99.2")
                .bar("99.2  100.3  99.1 100.1")
                .bar("100.1 101.5 100   101.2")
                .bar("99.5   99.6  98.5  98.7")
                .bars();
        GridStrategy grid = new GridStrategy(fiveLevels());
        TradeKit.backtest().bars(bars).instrument(PricePath.BTC).strategy(grid).cash(d("1000")).fees(d("10"), d("20")).run();
        String saved = grid.saveState();

        GridStrategy restored = new GridStrategy(fiveLevels());
        restored.restoreState(saved);

        assertThat(restored.saveState()).isEqualTo(saved);
        assertThat(restored.stats()).isEqualTo(grid.stats());
        assertThat(restored.roundTrips()).isEqualTo(grid.roundTrips());
        assertThat(restored.phase()).isEqualTo(GridPhase.RUNNING);
        assertThat(restored.config()).isEqualTo(grid.config());
        // money is written as exact plain decimals: 0.801 + 0.699
        assertThat(saved).contains("\"gridProfit\":1.500").contains("\"entryCost\":99.5");
    }

    @Test
    void aStateThatIsNotAGridSnapshotIsRefused() {
        GridStrategy grid = new GridStrategy(fiveLevels());
        assertThatThrownBy(() -> grid.restoreState("{\"version\":7}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("version 7");
        assertThatThrownBy(() -> grid.restoreState("not json")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("grid state");
    }

    @Test
    void aGridStoppedHalfwayAndRestartedEndsExactlyLikeAnUninterruptedOne() {
        List<Bar> bars = PricePath.randomWalk(200, 0.003, 4);
        GridStrategy wholeGrid = new GridStrategy(walkGrid());
        BacktestResult whole = Replay.over(bars).strategy("grid", wholeGrid).instrument(PricePath.BTC)
                .database(dir.resolve("whole/bot.db")).run();

        Path db = dir.resolve("halves/bot.db");
        Replay.over(bars.subList(0, 100)).strategy("grid", new GridStrategy(walkGrid())).instrument(PricePath.BTC).database(db).run();
        GridStrategy resumedGrid = new GridStrategy(walkGrid());
        BacktestResult resumed = Replay.over(bars).strategy("grid", resumedGrid).instrument(PricePath.BTC).database(db).run();

        assertThat(wholeGrid.stats().roundTrips()).isGreaterThan(10);
        assertThat(wholeGrid.stats().recenters()).as("the path leaves the range and the grid follows").isPositive();
        SameFills.assertSame(whole.fills(), resumed.fills());
        assertThat(resumedGrid.stats()).isEqualTo(wholeGrid.stats());
        Comparator<GridRoundTrip> byCloseAndPair = Comparator.comparing(GridRoundTrip::closedAt).thenComparing(GridRoundTrip::pair);
        assertThat(resumedGrid.roundTrips().stream().sorted(byCloseAndPair).toList()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(wholeGrid.roundTrips().stream().sorted(byCloseAndPair).toList());
        assertThat(resumedGrid.workingOrders()).extracting(GridOrder::price).isEqualTo(wholeGrid.workingOrders().stream().map(GridOrder::price).toList());
        assertThat(resumed.finalEquity()).isEqualByComparingTo(whole.finalEquity());
    }

    private static GridSettings walkGrid() {
        return GridSettings.builder().center(d("100")).spacing(d("0.5"), SpacingUnit.PERCENT).levels(5).sizePerLevel(d("0.5"))
                .sizeMode(SizeMode.BASE).rebalancing(new Rebalancing(RebalanceMode.RECENTER, 2, 10)).build();
    }
}
