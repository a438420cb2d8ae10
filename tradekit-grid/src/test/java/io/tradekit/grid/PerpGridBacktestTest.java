package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.MarginRules;
import io.tradekit.api.Side;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Grids on a linear perpetual through the real backtest engine and paper venue, on a hand-made path. Levels
 * 98 99 100 101 102 around the centre 100, one contract per level, plain limit orders, never rebalanced,
 * leverage 5, maker fee 10 bps. Each bar is played as its path: open, the nearer extreme, the other, close.
 * The three modes see the same bars:
 * <pre>
 *   b0 100                          the grid is laid out at the close
 *   b1 100 -> 99.5 -> 101.5 -> 100.5
 *   b2 100.5 -> 100.6 -> 98.5 -> 99
 *   b3 99 -> 98.9 -> 100.2 -> 100.1
 * </pre>
 */
class PerpGridBacktestTest {

    static final Instrument BTC_PERP = PricePath.BTC.asLinearPerpetual(MarginRules.flat(new BigDecimal("100"), new BigDecimal("0.005"),
            new BigDecimal("0.0006")));

    private static final List<Bar> PATH = PricePath.start()
            .bar("100   100   100   100")
            .bar("100   101.5  99.5 100.5")
            .bar("100.5 100.6  98.5  99")
            .bar("99    100.2  98.9 100.1")
            .bars();

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static GridStrategy grid(PerpGrid perp) {
        return new GridStrategy(GridSettings.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2)
                .sizePerLevel(BigDecimal.ONE).sizeMode(SizeMode.BASE).postOnly(false)
                .rebalancing(new Rebalancing(RebalanceMode.HOLD, 1, 0)).perp(perp).build());
    }

    private static BacktestResult run(GridStrategy grid, Instrument instrument) {
        return TradeKit.backtest().bars(PATH).instrument(instrument).leverage(d("5")).strategy(grid).cash(d("1000")).fees(d("10"), d("20")).run();
    }

    private static List<String> fills(BacktestResult r) {
        return r.fills().stream().map(PerpGridBacktestTest::show).toList();
    }

    private static String show(Fill f) {
        return f.side() + " " + f.quantity().stripTrailingZeros().toPlainString() + " @ " + f.price().stripTrailingZeros().toPlainString()
                + " fee " + f.fee().stripTrailingZeros().toPlainString();
    }

    private static List<String> sent(BacktestResult r) {
        return r.orders().stream().map(o -> o.side() + " " + o.limitPrice().map(BigDecimal::toPlainString).orElse("market") + " "
                + o.tag().split(" ")[0]).toList();
    }

    private static String trip(GridRoundTrip t) {
        return "pair " + t.pair() + " buy " + t.buyPrice().toPlainString() + " sell " + t.sellPrice().toPlainString() + " fees "
                + t.fees().stripTrailingZeros().toPlainString() + " profit " + t.profit().stripTrailingZeros().toPlainString();
    }

    @Test
    void neutralGridShortsAboveTheCentreAndGoesLongBelowIt() {
        GridStrategy grid = grid(PerpGrid.neutral());
        BacktestResult r = run(grid, BTC_PERP);

        // b0: pairs 0 and 1 (98-99, 99-100) are long and buy at 98 and 99; pairs 2 and 3 (100-101, 101-102) are short and
        //     sell at 101 and 102. Nothing at market. The nearest levels go first.
        // b1: the way up reaches 101: pair 2 sells 1 (opening a short) and buys it back at 100.
        // b2: the way down reaches 100: pair 2 buys back (short round trip: 101 - 100 - fees 0.101 + 0.1 = 0.799) and sells
        //     at 101 again; then 99: pair 1 buys 1 (opening a long) and sells it at 100. 98.5 stops short of 98.
        // b3: the way up reaches 100: pair 1 sells (long round trip: 100 - 99 - fees 0.099 + 0.1 = 0.801) and buys at 99 again.
        assertThat(sent(r)).containsExactly(
                "BUY 99 grid:L1", "SELL 101 grid:L3", "BUY 98 grid:L0", "SELL 102 grid:L4",
                "BUY 100 grid:L2", "SELL 101 grid:L3", "SELL 100 grid:L2", "BUY 99 grid:L1");
        assertThat(fills(r)).containsExactly("SELL 1 @ 101 fee 0.101", "BUY 1 @ 100 fee 0.1", "BUY 1 @ 99 fee 0.099", "SELL 1 @ 100 fee 0.1");
        assertThat(grid.roundTrips()).extracting(PerpGridBacktestTest::trip).containsExactly(
                "pair 2 buy 100 sell 101 fees 0.201 profit 0.799", "pair 1 buy 99 sell 100 fees 0.199 profit 0.801");
        assertThat(grid.stats().inventory()).as("flat again").isEqualByComparingTo("0");
    }

    @Test
    void contractLimitsLeaveRoomOnlyForTheNearestLevels() {
        GridStrategy grid = grid(new PerpGrid(PerpGridMode.NEUTRAL, Optional.of(BigDecimal.ONE), Optional.of(BigDecimal.ONE)));
        BacktestResult r = run(grid, BTC_PERP);

        // One contract a side. b0: the buy at 99 and the sell at 101 take it; 98 and 102 wait.
        // b1: pair 2 holds its short of 1 and buys back at 100; 102 would make 2 short: it waits.
        // b2: the buy-back frees the short side, and pair 2 sells at 101 again (nearer than 102); pair 1's long holds the long side.
        // b3: pair 1 sells and buys at 99 again. 98 and 102 never go out.
        assertThat(sent(r)).containsExactly("BUY 99 grid:L1", "SELL 101 grid:L3", "BUY 100 grid:L2", "SELL 101 grid:L3", "SELL 100 grid:L2",
                "BUY 99 grid:L1");
        assertThat(fills(r)).containsExactly("SELL 1 @ 101 fee 0.101", "BUY 1 @ 100 fee 0.1", "BUY 1 @ 99 fee 0.099", "SELL 1 @ 100 fee 0.1");
    }

    @Test
    void longOnlyGridOpensLongsOnlyAndWaitsForItsLevelsAboveThePriceToRest() {
        GridStrategy grid = grid(new PerpGrid(PerpGridMode.LONG_ONLY, Optional.empty(), Optional.empty()));
        BacktestResult r = run(grid, BTC_PERP);

        // b0: every pair is long: buys at 98 and 99; the buys at 100 and 101 would take at 100, so they wait.
        // b1 closes at 100.5: the buy at 100 rests now and goes out; 101 still waits.
        // b2: the way down fills the buy at 100 (pair 2, sells at 101) and at 99 (pair 1, sells at 100).
        // b3: the way up fills the sell at 100: pair 1's round trip 99 -> 100, profit 1 - 0.099 - 0.1 = 0.801.
        assertThat(sent(r)).containsExactly("BUY 99 grid:L1", "BUY 98 grid:L0", "BUY 100 grid:L2", "SELL 101 grid:L3", "SELL 100 grid:L2",
                "BUY 99 grid:L1");
        assertThat(fills(r)).containsExactly("BUY 1 @ 100 fee 0.1", "BUY 1 @ 99 fee 0.099", "SELL 1 @ 100 fee 0.1");
        assertThat(grid.roundTrips()).extracting(PerpGridBacktestTest::trip).containsExactly("pair 1 buy 99 sell 100 fees 0.199 profit 0.801");
        assertThat(r.fills()).noneMatch(f -> f.side() == Side.SELL && f.price().compareTo(d("100")) < 0);
        assertThat(grid.stats().inventory()).as("long 1 from 100").isEqualByComparingTo("1");
    }

    @Test
    void shortOnlyGridOpensShortsOnly() {
        GridStrategy grid = grid(new PerpGrid(PerpGridMode.SHORT_ONLY, Optional.empty(), Optional.empty()));
        BacktestResult r = run(grid, BTC_PERP);

        // b0: every pair is short: sells at 101 and 102; the sells at 99 and 100 would take at 100, so they wait.
        // b1: the way up fills the sell at 101 (pair 2, buys back at 100).
        // b2: the way down fills the buy at 100: pair 2's round trip 101 -> 100, profit 1 - 0.101 - 0.1 = 0.799; it sells at 101 again.
        //     It closes at 99: pair 1's sell at 100 rests now and goes out (99 still waits).
        // b3: the way up fills the sell at 100 (pair 1 opens a short and buys back at 99).
        assertThat(sent(r)).containsExactly("SELL 101 grid:L3", "SELL 102 grid:L4", "BUY 100 grid:L2", "SELL 101 grid:L3", "SELL 100 grid:L2",
                "BUY 99 grid:L1");
        assertThat(fills(r)).containsExactly("SELL 1 @ 101 fee 0.101", "BUY 1 @ 100 fee 0.1", "SELL 1 @ 100 fee 0.1");
        assertThat(grid.roundTrips()).extracting(PerpGridBacktestTest::trip).containsExactly("pair 2 buy 100 sell 101 fees 0.201 profit 0.799");
        assertThat(grid.stats().inventory()).as("short 1 from 100").isEqualByComparingTo("-1");
    }

    @Test
    void aRecentredNeutralGridClosesWhatTheOldOneHeldAndStartsFlat() {
        GridStrategy grid = new GridStrategy(GridSettings.builder().center(d("100")).spacing(d("1"), SpacingUnit.ABSOLUTE).levels(2)
                .sizePerLevel(BigDecimal.ONE).sizeMode(SizeMode.BASE).postOnly(false)
                .rebalancing(new Rebalancing(RebalanceMode.RECENTER, 1, 0)).perp(PerpGrid.neutral()).build());
        List<Bar> bars = PricePath.start()
                .bar("100   100   100   100")
                .bar("100   101.5  99.5 100.5")   // b1: the way up sells 1 at 101 (pair 2) -> buy back at 100
                .bar("100.5 103.2 100.4 103.1")   // b2: down to 100.4 (short of 100), up: sells 1 at 102 (pair 3) -> buy back at 101;
                .bars();                          //     it closes at 103.1, past the trigger 103 (one level beyond 102): recentred there
        BacktestResult r = TradeKit.backtest().bars(bars).instrument(BTC_PERP).leverage(d("5")).strategy(grid).cash(d("1000")).fees(d("10"), d("20"))
                .run();

        // The new grid (101.1 102.1 103.1 104.1 105.1) accounts for nothing the old one held: the short of 2 is bought back at
        // market (reduce-only, taker fee 2 x 103.1 x 0.002 = 0.4124) before its own orders, nearest first.
        assertThat(sent(r)).containsExactly(
                "BUY 99 grid:L1", "SELL 101 grid:L3", "BUY 98 grid:L0", "SELL 102 grid:L4",
                "BUY 100 grid:L2", "BUY 101 grid:L3",
                "BUY market grid:trim",
                "BUY 102.1 grid:L1", "SELL 104.1 grid:L3", "BUY 101.1 grid:L0", "SELL 105.1 grid:L4");
        assertThat(r.orders()).filteredOn(o -> o.tag().startsWith("grid:trim")).singleElement().satisfies(o -> assertThat(o.reduceOnly()).isTrue());
        assertThat(fills(r)).containsExactly("SELL 1 @ 101 fee 0.101", "SELL 1 @ 102 fee 0.102", "BUY 2 @ 103.1 fee 0.4124");
        assertThat(grid.builds()).hasSize(2);
        assertThat(grid.stats().inventory()).isEqualByComparingTo("0");
    }

    @Test
    void perpetualSettingsOnASpotInstrumentAreRefused() {
        GridStrategy grid = grid(PerpGrid.neutral());
        assertThatThrownBy(() -> TradeKit.backtest().bars(PATH).instrument(PricePath.BTC).strategy(grid).cash(d("1000")).run()).hasMessageContaining(
                "grid: 'perp-mode', 'max-long-contracts' and 'max-short-contracts' apply to a perpetual; BTCUSDT is spot");
    }
}
