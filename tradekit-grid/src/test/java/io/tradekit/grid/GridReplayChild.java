package io.tradekit.grid;

import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process the grid crash test kills: a grid replaying a seeded random walk into a SQLite journal
 * against the durable paper venue. Run again on the same journal it resumes; when it reaches the end it
 * writes {@code done.txt} beside the journal.
 */
public final class GridReplayChild {

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        BacktestResult r = replay(Integer.parseInt(args[1]), Long.parseLong(args[2])).database(db)
                .progress((done, total) -> {
                    System.out.println("progress " + done);
                    System.out.flush();
                }).run();
        Files.writeString(db.resolveSibling("done.txt"), r.finalEquity().toPlainString());
    }

    static Replay replay(int bars, long seed) {
        return Replay.over(PricePath.randomWalk(bars, 0.003, seed)).strategy("grid", new GridStrategy(settings())).instrument(PricePath.BTC)
                .cash(new BigDecimal("1000"));
    }

    /** Five post-only levels a side, 0.4 % apart, that recenter when the walk leaves them. */
    static GridSettings settings() {
        return GridSettings.builder().center(new BigDecimal("100")).spacing(new BigDecimal("0.4"), SpacingUnit.PERCENT).levels(5)
                .sizePerLevel(new BigDecimal("0.5")).sizeMode(SizeMode.BASE).postOnly(true)
                .rebalancing(new Rebalancing(RebalanceMode.RECENTER, 2, 10)).build();
    }
}
