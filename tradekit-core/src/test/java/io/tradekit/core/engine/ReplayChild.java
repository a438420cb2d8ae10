package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.Signal;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process the crash test kills: a replay of a seeded random walk into a journal. Run again on the
 * same journal it resumes; when it reaches the end it writes {@code done.txt} beside the journal.
 */
public final class ReplayChild {

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int bars = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        BacktestResult r = Replay.over(Bars.walk(bars, seed)).strategy("minute-clock", new MinuteClock()).instrument(Bars.BTC).database(db)
                .progress((done, total) -> {
                    System.out.println("progress " + done);
                    System.out.flush();
                }).run();
        Files.writeString(db.resolveSibling("done.txt"), r.finalEquity().toPlainString());
    }

    static BacktestResult run(Path db, int bars, long seed) {
        return Replay.over(Bars.walk(bars, seed)).strategy("minute-clock", new MinuteClock()).instrument(Bars.BTC).database(db).run();
    }

    /** Buys on every 7th minute and sells on every 11th, counted from the data's start: no state to lose. */
    static final class MinuteClock implements Strategy {
        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            long n = Duration.between(Bars.T0, bar.openTime()).toMinutes() + 1;
            if (n % 7 == 0) ctx.signal(Signal.BUY);
            if (n % 11 == 0) ctx.signal(Signal.SELL);
        }
    }
}
