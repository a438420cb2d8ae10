package io.tradekit.strategies.confluence;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderBook;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.spi.StrategyContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A gate on the order book for entries: the spread at most {@code maxSpreadBps}, at least {@code minDepth} of quote
 * value within {@code depthBps} of the mid on the side an entry takes (asks for a BUY, bids for a SELL), and the
 * imbalance within that band leaning the entry's way by at least {@code minImbalance} (bids over asks for a BUY).
 * Each limit is optional. Without a book (backtests and replays have bars only) the gate is skipped, and the
 * decision says so.
 */
record BookGate(Optional<BigDecimal> maxSpreadBps, Optional<BigDecimal> minDepth, BigDecimal depthBps, Optional<BigDecimal> minImbalance) {

    BookGate {
        maxSpreadBps.ifPresent(v -> requireNotNegative("book.maxSpreadBps", v));
        minDepth.ifPresent(v -> requireNotNegative("book.minDepth", v));
        if (depthBps.signum() <= 0) throw new InvalidInputException("confluence: parameter 'book.depthBps' must be positive, got " + depthBps.toPlainString());
        minImbalance.ifPresent(v -> {
            if (v.compareTo(BigDecimal.ONE.negate()) < 0 || v.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidInputException("confluence: parameter 'book.minImbalance' must be from -1 to 1, got " + v.toPlainString());
            }
        });
    }

    private static void requireNotNegative(String name, BigDecimal value) {
        if (value.signum() < 0) throw new InvalidInputException("confluence: parameter '" + name + "' must not be negative, got " + value.toPlainString());
    }

    GateCheck check(Signal entry, StrategyContext ctx) {
        Optional<OrderBook> seen = ctx.orderBook();
        if (seen.isEmpty() || !seen.get().isTwoSided()) return GateCheck.skipped("book", "no two-sided order book for " + ctx.symbol());
        OrderBook book = seen.get();
        BigDecimal spread = book.spreadBps().setScale(2, RoundingMode.HALF_EVEN);
        Side takes = entry == Signal.BUY ? Side.SELL : Side.BUY;
        BigDecimal depth = book.depthWithinBps(takes, depthBps).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal imbalance = book.imbalance(depthBps).setScale(4, RoundingMode.HALF_EVEN);
        BigDecimal leaning = entry == Signal.BUY ? imbalance : imbalance.negate();
        String figures = "spread " + spread.toPlainString() + " bps, " + (takes == Side.SELL ? "ask" : "bid") + " depth " + depth.toPlainString()
                + " within " + depthBps.toPlainString() + " bps, imbalance " + imbalance.toPlainString();
        if (maxSpreadBps.isPresent() && spread.compareTo(maxSpreadBps.get()) > 0) {
            return GateCheck.blocked("book", figures + ": spread over " + maxSpreadBps.get().toPlainString() + " bps");
        }
        if (minDepth.isPresent() && depth.compareTo(minDepth.get()) < 0) {
            return GateCheck.blocked("book", figures + ": depth under " + minDepth.get().toPlainString());
        }
        if (minImbalance.isPresent() && leaning.compareTo(minImbalance.get()) < 0) {
            return GateCheck.blocked("book", figures + ": imbalance leans less than " + minImbalance.get().toPlainString() + " towards a " + entry);
        }
        return GateCheck.passed("book", figures);
    }
}
