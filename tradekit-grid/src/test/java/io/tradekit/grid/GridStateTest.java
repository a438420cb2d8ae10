package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;
import io.tradekit.core.TradeKit;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.grid.internal.GridStateCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridStateTest {

    private static final String STRATEGY_STATE = "bot.strategyState";

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
        // The state carries no history: the round trips are audit lines of their own, read back on a restart.
        assertThat(grid.roundTrips()).isNotEmpty();
        assertThat(saved).contains("\"roundTrips\":[]");
        assertThat(restored.roundTrips()).isEmpty();
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

    @Test
    void theStateJournaledWithEveryCommitStaysTheSameSizeHoweverManyRoundTripsTheGridMakes() {
        Path db = dir.resolve("long/bot.db");
        GridStrategy grid = new GridStrategy(walkGrid());
        Replay.over(PricePath.randomWalk(1200, 0.004, 9)).strategy("grid", grid).instrument(PricePath.BTC).database(db).run();

        long trips = grid.stats().roundTrips();
        assertThat(trips).as("round trips of the walk").isGreaterThan(60);
        try (SqliteStateStore journal = StateStores.sqlite(db)) {
            String state = journal.config(STRATEGY_STATE).orElseThrow();
            assertThat(state).contains("\"roundTrips\":[]").doesNotContain("closedAt");
            assertThat(state.length()).as("the journaled state, in characters").isLessThan(20_000);
            // One line per round trip, each written with the fill that closed it.
            List<AuditEvent> lines = journal.events(GridStateCodec.TRIP_LINE, 100_000);
            assertThat(lines).hasSize((int) trips);
            assertThat(lines.getLast().inputsJson()).contains("\"symbol\":\"" + PricePath.BTC.symbol() + "\"");
        }
    }

    @Test
    void roundTripsAnOlderStateCarriedAreKeptAsAuditLinesAndOutliveTheNextRestart() {
        List<Bar> bars = PricePath.randomWalk(300, 0.003, 4);
        Path db = dir.resolve("older/bot.db");
        GridStrategy first = new GridStrategy(walkGrid());
        Replay.over(bars.subList(0, 150)).strategy("grid", first).instrument(PricePath.BTC).database(db).run();
        List<GridRoundTrip> before = first.roundTrips();
        assertThat(before).hasSizeGreaterThan(5);
        // Turn the journal into one an older version wrote: the trips inside the state, no trip lines.
        try (SqliteStateStore journal = StateStores.sqlite(db)) {
            String state = journal.config(STRATEGY_STATE).orElseThrow();
            String trips = before.stream().map(t -> "{\"pair\":" + t.pair() + ",\"buyPrice\":" + t.buyPrice().toPlainString()
                    + ",\"sellPrice\":" + t.sellPrice().toPlainString() + ",\"quantity\":" + t.quantity().toPlainString()
                    + ",\"fees\":" + t.fees().toPlainString() + ",\"profit\":" + t.profit().toPlainString()
                    + ",\"closedAt\":\"" + t.closedAt() + "\"}").collect(java.util.stream.Collectors.joining(","));
            journal.putConfig(STRATEGY_STATE, state.replace("\"roundTrips\":[]", "\"roundTrips\":[" + trips + "]"), java.time.Instant.now());
        }
        deleteTripLines(db);

        // Resumed twice over the rest: the second restart finds the older trips only as the lines the first wrote.
        Replay.over(bars.subList(0, 220)).strategy("grid", new GridStrategy(walkGrid())).instrument(PricePath.BTC).database(db).run();
        GridStrategy last = new GridStrategy(walkGrid());
        Replay.over(bars).strategy("grid", last).instrument(PricePath.BTC).database(db).run();
        GridStrategy whole = new GridStrategy(walkGrid());
        Replay.over(bars).strategy("grid", whole).instrument(PricePath.BTC).database(dir.resolve("whole/bot.db")).run();

        Comparator<GridRoundTrip> byCloseAndPair = Comparator.comparing(GridRoundTrip::closedAt).thenComparing(GridRoundTrip::pair);
        assertThat(last.roundTrips().stream().sorted(byCloseAndPair).toList()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(whole.roundTrips().stream().sorted(byCloseAndPair).toList());
        assertThat(last.roundTrips()).hasSizeGreaterThan(before.size());
    }

    private static void deleteTripLines(Path db) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            int deleted = st.executeUpdate("DELETE FROM events WHERE type = '" + GridStateCodec.TRIP_LINE + "'");
            assertThat(deleted).as("trip lines removed").isPositive();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GridSettings walkGrid() {
        return GridSettings.builder().center(d("100")).spacing(d("0.5"), SpacingUnit.PERCENT).levels(5).sizePerLevel(d("0.5"))
                .sizeMode(SizeMode.BASE).rebalancing(new Rebalancing(RebalanceMode.RECENTER, 2, 10)).build();
    }
}
