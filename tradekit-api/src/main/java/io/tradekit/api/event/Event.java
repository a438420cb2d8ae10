package io.tradekit.api.event;

import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Order;
import io.tradekit.api.OrderBook;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.Ticker;

import java.time.Instant;
import java.util.Objects;

/**
 * What reaches a bot's event loop from outside it: market data, order updates and fills from a venue,
 * connection changes, errors and timers. Adapter threads post these to the loop's inbox and never
 * call strategy code themselves.
 */
public sealed interface Event {

    /** When the event happened (venue time where the venue says it). */
    Instant time();

    /** A bar that has closed. */
    record BarClosed(Bar bar) implements Event {
        public BarClosed {
            Objects.requireNonNull(bar, "bar");
        }

        @Override
        public Instant time() {
            return bar.closeTime();
        }
    }

    record TickerUpdated(Ticker ticker) implements Event {
        public TickerUpdated {
            Objects.requireNonNull(ticker, "ticker");
        }

        @Override
        public Instant time() {
            return ticker.time();
        }
    }

    /**
     * The venue's L2 order book of a symbol changed: {@code book} is the whole local book after the change,
     * kept in step with the venue's update ids (a book that lost its sequence is rebuilt before it is posted again).
     */
    record OrderBookUpdated(OrderBook book) implements Event {
        public OrderBookUpdated {
            Objects.requireNonNull(book, "book");
        }

        @Override
        public Instant time() {
            return book.time();
        }
    }

    record OrderUpdated(OrderUpdate update) implements Event {
        public OrderUpdated {
            Objects.requireNonNull(update, "update");
        }

        @Override
        public Instant time() {
            return update.time();
        }
    }

    record FillReceived(Fill fill) implements Event {
        public FillReceived {
            Objects.requireNonNull(fill, "fill");
        }

        @Override
        public Instant time() {
            return fill.time();
        }
    }

    /** A stream connected, dropped or is reconnecting. */
    record ConnectionChanged(String venue, String stream, ConnectionState state, String detail, Instant time) implements Event {
        public ConnectionChanged {
            Objects.requireNonNull(venue, "venue");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(state, "state");
            detail = detail == null ? "" : detail;
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * A failure outside the loop, e.g. a malformed venue message: {@code raw} keeps what arrived
     * (truncated, never secrets) so that nothing is silently lost.
     */
    record ErrorRaised(String source, ErrorCategory category, String message, String raw, Instant time) implements Event {
        public ErrorRaised {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(message, "message");
            raw = raw == null ? "" : raw;
            Objects.requireNonNull(time, "time");
        }
    }

    /** A timer of the engine's clock fired. */
    record TimerFired(String name, Instant time) implements Event {
        public TimerFired {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(time, "time");
        }
    }

    /** The venue settled funding on a perpetual position of the account. */
    record FundingSettled(FundingPayment payment) implements Event {
        public FundingSettled {
            Objects.requireNonNull(payment, "payment");
        }

        @Override
        public Instant time() {
            return payment.time();
        }
    }

    /**
     * The venue liquidated a perpetual position: {@code order} is the venue's own closing order (the bot did
     * not send it) and {@code fill} its execution at the liquidation price, its fee the venue's liquidation fee.
     */
    record PositionLiquidated(Order order, Fill fill) implements Event {
        public PositionLiquidated {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(fill, "fill");
        }

        @Override
        public Instant time() {
            return fill.time();
        }
    }
}
