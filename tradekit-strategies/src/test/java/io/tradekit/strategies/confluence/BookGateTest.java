package io.tradekit.strategies.confluence;

import io.tradekit.api.Bar;
import io.tradekit.api.BookLevel;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderBook;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.Submission;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-book gate on a real {@link OrderBook}. Backtests and replays have no book, so the gate meets one here
 * through a context that shows a book and nothing else (a live bot's context shows the venue's latest book).
 */
class BookGateTest {

    /**
     * Bids 100.00 × 5 and 99.95 × 10, asks 100.05 × 2 and 100.10 × 8: mid 100.025, spread 0.05 = 0.05 / 100.025 × 10 000
     * = 4.9988 bps (shown 5.00). Within 10 bps (99.925 .. 100.125) every level counts: ask depth 100.05 × 2 + 100.10 × 8
     * = 1000.90, bid depth 100.00 × 5 + 99.95 × 10 = 1499.50, imbalance (1499.5 - 1000.9) / 2500.4 = 0.1994.
     */
    static final OrderBook BOOK = new OrderBook("ETH-USD", 42, Instant.parse("2024-01-01T00:00:00Z"),
            List.of(level("100.00", "5"), level("99.95", "10")), List.of(level("100.05", "2"), level("100.10", "8")));

    static BookLevel level(String price, String quantity) {
        return new BookLevel(new BigDecimal(price), new BigDecimal(quantity));
    }

    static GateCheck check(BookGate gate, Signal entry, Optional<OrderBook> book) {
        return gate.check(entry, new ShowsABook(book));
    }

    static BookGate gate(String maxSpreadBps, String minDepth, String minImbalance) {
        return new BookGate(Optional.ofNullable(maxSpreadBps).map(BigDecimal::new), Optional.ofNullable(minDepth).map(BigDecimal::new),
                BigDecimal.TEN, Optional.ofNullable(minImbalance).map(BigDecimal::new));
    }

    @Test
    void passesABookWithinEveryLimitAndSaysItsFigures() {
        GateCheck check = check(gate("5", "1000", "0.15"), Signal.BUY, Optional.of(BOOK));

        assertThat(check.status()).isEqualTo(GateCheck.Status.PASSED);
        assertThat(check.detail()).isEqualTo("spread 5.00 bps, ask depth 1000.90 within 10 bps, imbalance 0.1994");
    }

    @Test
    void holdsBackAWideSpreadThinDepthOnTheTakenSideAndAnImbalanceAgainstTheEntry() {
        assertThat(check(gate("4", null, null), Signal.BUY, Optional.of(BOOK)).detail()).endsWith(": spread over 4 bps");
        assertThat(check(gate(null, "1200", null), Signal.BUY, Optional.of(BOOK)).status()).isEqualTo(GateCheck.Status.BLOCKED);
        // a SELL takes the bids: 1499.50 of depth
        assertThat(check(gate(null, "1200", null), Signal.SELL, Optional.of(BOOK)).status()).isEqualTo(GateCheck.Status.PASSED);
        assertThat(check(gate(null, null, "0.2"), Signal.BUY, Optional.of(BOOK)).detail())
                .isEqualTo("spread 5.00 bps, ask depth 1000.90 within 10 bps, imbalance 0.1994: imbalance leans less than 0.2 towards a BUY");
        // the bids outweigh the asks: for a SELL the imbalance leans -0.1994
        assertThat(check(gate(null, null, "0.15"), Signal.SELL, Optional.of(BOOK)).status()).isEqualTo(GateCheck.Status.BLOCKED);
    }

    @Test
    void isSkippedWithoutATwoSidedBook() {
        OrderBook bidsOnly = new OrderBook("ETH-USD", 43, Instant.parse("2024-01-01T00:00:00Z"), List.of(level("100.00", "5")), List.of());

        assertThat(check(gate("5", null, null), Signal.BUY, Optional.empty()).status()).isEqualTo(GateCheck.Status.SKIPPED);
        assertThat(check(gate("5", null, null), Signal.BUY, Optional.of(bidsOnly)).detail()).isEqualTo("no two-sided order book for ETH-USD");
    }

    /** A context that shows a book; the gate reads nothing else. */
    private record ShowsABook(Optional<OrderBook> book) implements StrategyContext {
        @Override
        public Optional<OrderBook> orderBook() {
            return book;
        }

        @Override
        public String symbol() {
            return "ETH-USD";
        }

        @Override
        public Instant now() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Timeframe timeframe() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instrument instrument() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Position position() {
            throw new UnsupportedOperationException();
        }

        @Override
        public BigDecimal cash() {
            throw new UnsupportedOperationException();
        }

        @Override
        public BigDecimal equity() {
            throw new UnsupportedOperationException();
        }

        @Override
        public BigDecimal lastPrice() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Order> openOrders() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Bar> recentBars(int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void signal(Signal signal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Submission submit(OrderIntent intent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Submission amendQuantity(String clientOrderId, BigDecimal newQuantity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(String clientOrderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancelAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flatten(String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Optional<T> unwrap(Class<T> type) {
            return Optional.empty();
        }
    }
}
