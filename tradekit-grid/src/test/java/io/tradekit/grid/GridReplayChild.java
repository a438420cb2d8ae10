package io.tradekit.grid;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.Ticker;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process the grid crash test kills: a grid replaying a seeded random walk into a SQLite journal
 * against the durable paper venue. Run again on the same journal it resumes; when it reaches the end it
 * writes {@code done.txt} beside the journal.
 *
 * <p>Given a fill number and {@code before} or {@code after}, it stops inside the bar where the grid hears that
 * fill of this run, before or after the grid answers it, says {@code paused N} and waits to be killed: the venue
 * has the fill, the journal may not, and the counter-order is not sent ({@code before}) or may be on its way.
 */
public final class GridReplayChild {

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int pauseAt = args.length > 3 ? Integer.parseInt(args[3]) : -1;
        boolean beforeAnswer = args.length > 4 && args[4].equals("before");
        GridStrategy grid = new GridStrategy(settings());
        BacktestResult r = replay(Integer.parseInt(args[1]), Long.parseLong(args[2]))
                .strategy("grid", new PausingAtFill(grid, pauseAt, beforeAnswer)).database(db)
                .progress((done, total) -> {
                    System.out.println("progress " + done);
                    System.out.flush();
                }).run();
        Files.writeString(db.resolveSibling("done.txt"), r.finalEquity().toPlainString());
    }

    static Replay replay(int bars, long seed) {
        return replay(bars, seed, new GridStrategy(settings()));
    }

    static Replay replay(int bars, long seed, GridStrategy grid) {
        return Replay.over(PricePath.randomWalk(bars, 0.003, seed)).strategy("grid", grid).instrument(PricePath.BTC).cash(new BigDecimal("1000"));
    }

    /** Five post-only levels a side, 0.4 % apart, that recenter when the walk leaves them. */
    static GridSettings settings() {
        return GridSettings.builder().center(new BigDecimal("100")).spacing(new BigDecimal("0.4"), SpacingUnit.PERCENT).levels(5)
                .sizePerLevel(new BigDecimal("0.5")).sizeMode(SizeMode.BASE).postOnly(true)
                .rebalancing(new Rebalancing(RebalanceMode.RECENTER, 2, 10)).build();
    }

    /** The grid itself, except that the process stops for good at the {@code pauseAt}-th fill it hears (none when -1). */
    private static final class PausingAtFill implements Strategy {
        private final GridStrategy grid;
        private final int pauseAt;
        private final boolean beforeAnswer;
        private int fills;

        PausingAtFill(GridStrategy grid, int pauseAt, boolean beforeAnswer) {
            this.grid = grid;
            this.pauseAt = pauseAt;
            this.beforeAnswer = beforeAnswer;
        }

        @Override
        public void onFill(Fill fill, StrategyContext ctx) {
            boolean pause = ++fills == pauseAt;
            if (pause && beforeAnswer) waitForTheKill();
            grid.onFill(fill, ctx);
            if (pause) waitForTheKill();
        }

        private void waitForTheKill() {
            System.out.println("paused " + fills);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public int warmupBars() {
            return grid.warmupBars();
        }

        @Override
        public void onStart(StrategyContext ctx) {
            grid.onStart(ctx);
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            grid.onBar(bar, ctx);
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
        public void onStop(StrategyContext ctx) {
            grid.onStop(ctx);
        }

        @Override
        public String saveState() {
            return grid.saveState();
        }

        @Override
        public void restoreState(String json) {
            grid.restoreState(json);
        }
    }
}
