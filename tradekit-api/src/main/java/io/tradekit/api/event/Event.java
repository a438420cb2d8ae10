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

    /**
     * When the event happened (venue time where the venue says it).
     *
     * @return the event's time
     */
    Instant time();

    /**
     * A bar that has closed.
     *
     * @param bar the closed bar
     */
    record BarClosed(Bar bar) implements Event {
        /**
         * Checks that the bar is given.
         *
         * @throws NullPointerException when a required field is null
         */
        public BarClosed {
            Objects.requireNonNull(bar, "bar");
        }

        /**
         * {@inheritDoc}
         *
         * @return the bar's close time
         */
        @Override
        public Instant time() {
            return bar.closeTime();
        }
    }

    /**
     * The venue's best bid, best ask or last price of a symbol changed.
     *
     * @param ticker the new ticker
     */
    record TickerUpdated(Ticker ticker) implements Event {
        /**
         * Checks that the ticker is given.
         *
         * @throws NullPointerException when a required field is null
         */
        public TickerUpdated {
            Objects.requireNonNull(ticker, "ticker");
        }

        /**
         * {@inheritDoc}
         *
         * @return the ticker's time
         */
        @Override
        public Instant time() {
            return ticker.time();
        }
    }

    /**
     * The venue's L2 order book of a symbol changed: {@code book} is the whole local book after the change,
     * kept in step with the venue's update ids (a book that lost its sequence is rebuilt before it is posted again).
     *
     * @param book the whole book after the change
     */
    record OrderBookUpdated(OrderBook book) implements Event {
        /**
         * Checks that the book is given.
         *
         * @throws NullPointerException when a required field is null
         */
        public OrderBookUpdated {
            Objects.requireNonNull(book, "book");
        }

        /**
         * {@inheritDoc}
         *
         * @return the book's time
         */
        @Override
        public Instant time() {
            return book.time();
        }
    }

    /**
     * The venue reported a change of one of the bot's orders (acknowledged, cancelled, rejected, expired...).
     *
     * @param update what the venue reported
     */
    record OrderUpdated(OrderUpdate update) implements Event {
        /**
         * Checks that the update is given.
         *
         * @throws NullPointerException when a required field is null
         */
        public OrderUpdated {
            Objects.requireNonNull(update, "update");
        }

        /**
         * {@inheritDoc}
         *
         * @return the update's time
         */
        @Override
        public Instant time() {
            return update.time();
        }
    }

    /**
     * The venue reported an execution of one of the bot's orders; the loop applies each fill id once.
     *
     * @param fill the execution
     */
    record FillReceived(Fill fill) implements Event {
        /**
         * Checks that the fill is given.
         *
         * @throws NullPointerException when a required field is null
         */
        public FillReceived {
            Objects.requireNonNull(fill, "fill");
        }

        /**
         * {@inheritDoc}
         *
         * @return the fill's time
         */
        @Override
        public Instant time() {
            return fill.time();
        }
    }

    /**
     * A stream connected, dropped or is reconnecting.
     *
     * @param venue  the venue's name, e.g. {@code binance}
     * @param stream which stream, e.g. {@code user} or {@code depth BTCUSDT}
     * @param state  the stream's new state
     * @param detail what happened, for an operator; {@code null} is stored as the empty string
     * @param time   when the change was seen
     */
    record ConnectionChanged(String venue, String stream, ConnectionState state, String detail, Instant time) implements Event {
        /**
         * Checks that venue, stream, state and time are given.
         *
         * @throws NullPointerException when a required field is null
         */
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
     *
     * @param source   where it happened, e.g. an adapter's stream
     * @param category what kind of error it is; the loop acts on its {@link ErrorCategory#defaultAction()}
     * @param message  what went wrong, in words for an operator
     * @param raw      what arrived, truncated and free of secrets; {@code null} is stored as the empty string
     * @param time     when it happened
     */
    record ErrorRaised(String source, ErrorCategory category, String message, String raw, Instant time) implements Event {
        /**
         * Checks that source, category, message and time are given.
         *
         * @throws NullPointerException when a required field is null
         */
        public ErrorRaised {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(message, "message");
            raw = raw == null ? "" : raw;
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * A timer of the engine's clock fired.
     *
     * @param name the timer's name
     * @param time the clock's time when it fired
     */
    record TimerFired(String name, Instant time) implements Event {
        /**
         * Checks that name and time are given.
         *
         * @throws NullPointerException when a required field is null
         */
        public TimerFired {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * The venue settled funding on a perpetual position of the account.
     *
     * @param payment the funding paid or received
     */
    record FundingSettled(FundingPayment payment) implements Event {
        /**
         * Checks that the payment is given.
         *
         * @throws NullPointerException when a required field is null
         */
        public FundingSettled {
            Objects.requireNonNull(payment, "payment");
        }

        /**
         * {@inheritDoc}
         *
         * @return the payment's time
         */
        @Override
        public Instant time() {
            return payment.time();
        }
    }

    /**
     * The venue liquidated a perpetual position: {@code order} is the venue's own closing order (the bot did
     * not send it) and {@code fill} its execution at the liquidation price, its fee the venue's liquidation fee.
     *
     * @param order the venue's closing order
     * @param fill  its execution at the liquidation price
     */
    record PositionLiquidated(Order order, Fill fill) implements Event {
        /**
         * Checks that order and fill are given.
         *
         * @throws NullPointerException when a required field is null
         */
        public PositionLiquidated {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(fill, "fill");
        }

        /**
         * {@inheritDoc}
         *
         * @return the fill's time
         */
        @Override
        public Instant time() {
            return fill.time();
        }
    }
}
