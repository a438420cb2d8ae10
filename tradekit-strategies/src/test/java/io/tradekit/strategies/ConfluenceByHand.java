package io.tradekit.strategies;

import io.tradekit.api.Bar;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The decisions a confluence of sma-cross (5 over 20) and rsi (14, 30/70), half the weights to win, entries confirmed
 * by the 1h trend (SMA3 over SMA6 of the hour closes), must make over 5m bars, worked out from the bars alone, apart
 * from the strategies: the means and Wilder RSI of the tests, the hours from the bars that close them. The bars must
 * have no gap and start on an hour, so every hour is whole.
 */
final class ConfluenceByHand {

    /** One decision: when, the two votes as "sma,rsi", the buy and sell shares, the outcome after the trend check. */
    record Expected(Instant time, String votes, BigDecimal buy, BigDecimal sell, Signal outcome) {
    }

    /** Every decision, and the side of every fill (an entry when flat, an exit when long; all are assumed to fill). */
    record Worked(List<Expected> decisions, List<Side> fills) {
    }

    private ConfluenceByHand() {
    }

    static Worked work(List<Bar> bars) {
        List<BigDecimal> closes = bars.stream().map(Bar::close).toList();
        double[] rsi = RsiTest.rsi(closes, 14);
        int side = 0;
        boolean long_ = false;
        List<Expected> decisions = new ArrayList<>();
        List<Side> fills = new ArrayList<>();
        for (int i = firstDecidingBar(bars); i < bars.size(); i++) {
            int now = SmaCrossTest.mean(closes, i, 5).compareTo(SmaCrossTest.mean(closes, i, 20));
            Signal sma = Signal.HOLD;
            if (now != 0) {
                if (now > 0 && side < 0) sma = Signal.BUY;
                if (now < 0 && side > 0) sma = Signal.SELL;
                side = now;
            }
            Signal rsiVote = rsi[i] < 30 ? Signal.BUY : rsi[i] > 70 ? Signal.SELL : Signal.HOLD;
            if (sma == Signal.HOLD && rsiVote == Signal.HOLD) continue;
            int buys = (sma == Signal.BUY ? 1 : 0) + (rsiVote == Signal.BUY ? 1 : 0);
            int sells = (sma == Signal.SELL ? 1 : 0) + (rsiVote == Signal.SELL ? 1 : 0);
            Signal outcome = buys == 1 && sells == 0 || buys == 2 ? Signal.BUY : sells == 1 && buys == 0 || sells == 2 ? Signal.SELL : Signal.HOLD;
            if (outcome != Signal.HOLD && !long_) {
                List<BigDecimal> hours = hourCloses(bars, i);
                int trend = lastMean(hours, 3).compareTo(lastMean(hours, 6));
                if (outcome == Signal.BUY ? trend <= 0 : trend >= 0) outcome = Signal.HOLD;
            }
            if (outcome == Signal.BUY && !long_) {
                long_ = true;
                fills.add(Side.BUY);
            } else if (outcome == Signal.SELL && long_) {
                long_ = false;
                fills.add(Side.SELL);
            }
            decisions.add(new Expected(bars.get(i).closeTime(), sma + "," + rsiVote, BigDecimal.valueOf(buys).divide(BigDecimal.TWO),
                    BigDecimal.valueOf(sells).divide(BigDecimal.TWO), outcome));
        }
        return new Worked(decisions, fills);
    }

    /**
     * Warm-up: 20 bars for sma-cross, 15 for rsi, 6 whole hours for the trend: the first bar that closes the 6th hour.
     * sma-cross's first bar there only sets its side, so it cannot vote yet.
     */
    static int firstDecidingBar(List<Bar> bars) {
        int hours = 0;
        for (int i = 0; i < bars.size(); i++) {
            if (closesAnHour(bars.get(i)) && ++hours == 6) return Math.max(i, 19);
        }
        throw new AssertionError("fewer than six hours of bars");
    }

    /** The closes of the whole hours closed by bar {@code i}. */
    static List<BigDecimal> hourCloses(List<Bar> bars, int i) {
        List<BigDecimal> out = new ArrayList<>();
        for (int k = 0; k <= i; k++) if (closesAnHour(bars.get(k))) out.add(bars.get(k).close());
        return out;
    }

    static BigDecimal lastMean(List<BigDecimal> values, int n) {
        return SmaCrossTest.mean(values, values.size() - 1, n);
    }

    private static boolean closesAnHour(Bar bar) {
        return bar.closeTime().truncatedTo(ChronoUnit.HOURS).equals(bar.closeTime());
    }
}
