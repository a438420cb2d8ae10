package io.tradekit.api.spi;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderBook;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a strategy sees of its bot and what it can ask of it. The engine passes one to every {@link Strategy}
 * callback; it is valid only on the loop thread and must not be kept for use from another thread.
 */
public interface StrategyContext {

    /**
     * The engine clock's time: data time in a backtest, wall time live.
     *
     * @return the current time on the bot's clock
     */
    Instant now();

    /**
     * The bot's symbol.
     *
     * @return the venue's symbol this strategy trades
     */
    String symbol();

    /**
     * The bot's own timeframe, the length of the bars {@link Strategy#onBar} receives.
     *
     * @return the bot's timeframe
     */
    Timeframe timeframe();

    /**
     * The trading rules of the bot's symbol (tick size, step size, minimums) that sizing rounds to.
     *
     * @return the bot's instrument
     */
    Instrument instrument();

    /**
     * The bot's position in its symbol.
     *
     * @return the position; a flat one (zero quantity) when there is none
     */
    Position position();

    /**
     * Free quote-asset cash; on a derivatives bot the wallet balance (see {@link RiskContext#marginAccount()}).
     *
     * @return the cash, in the quote asset
     */
    BigDecimal cash();

    /**
     * Cash plus positions marked at the last price.
     *
     * @return the equity, in the quote asset
     */
    BigDecimal equity();

    /**
     * The last known price of the bot's symbol.
     *
     * @return the last price, in the quote asset
     */
    BigDecimal lastPrice();

    /**
     * This bot's orders that are open or in flight.
     *
     * @return the orders; empty when there are none
     */
    List<Order> openOrders();

    /**
     * Up to {@code count} of the most recent closed bars of the bot's timeframe, oldest first.
     *
     * @param count the most bars wanted
     * @return the bars, oldest first; fewer than {@code count} when fewer are known
     */
    List<Bar> recentBars(int count);

    /**
     * Up to {@code count} of the most recent closed bars of {@code timeframe}, oldest first: the bot's own
     * timeframe or one of the strategy's {@link Strategy#higherTimeframes()}. A higher-timeframe bar is
     * there only once every base bar inside it has closed, so the newest one never closes after {@link #now()}.
     * Empty for a timeframe the strategy did not declare.
     *
     * @param timeframe the bot's timeframe or a declared higher one
     * @param count     the most bars wanted
     * @return the bars, oldest first
     */
    default List<Bar> recentBars(Timeframe timeframe, int count) {
        return timeframe.equals(timeframe()) ? recentBars(count) : List.of();
    }

    /**
     * Writes a line to the bot's audit log in the strategy's name, for example why it decided what it did:
     * {@code type} says what kind of line it is ({@code "decision"}), {@code reason} says it in words and
     * {@code inputsJson} holds the figures behind it as a JSON object. Ignored where there is no audit log.
     *
     * @param type       what kind of line it is, e.g. {@code "decision"}
     * @param reason     the line in words
     * @param inputsJson the figures behind it, a JSON object
     */
    default void audit(String type, String reason, String inputsJson) {
    }

    /**
     * Whether a line given to {@link #audit} now is kept: false where there is no audit log, or where nothing could
     * read it back (a backtest's own journal, thrown away with the run), so that a strategy need not build lines
     * that go nowhere.
     *
     * @return true when audit lines are journaled; false (the default) otherwise
     */
    default boolean keepsAudit() {
        return false;
    }

    /**
     * The latest L2 order book of the bot's symbol, when the bot's venue streams one (a live or paper bot
     * on an adapter with a depth stream); empty in backtests and replays, which have bars only.
     *
     * @return the latest book, or empty when there is none
     */
    default Optional<OrderBook> orderBook() {
        return Optional.empty();
    }

    /**
     * A wish sized by the engine: the bot's sizing rule turns it into an order, which then passes the same
     * rounding, risk and state checks as {@link #submit}. See {@link Signal} for what each value does.
     *
     * @param signal the wish
     */
    void signal(Signal signal);

    /**
     * Sends an explicit order through rounding, risk and state checks; when all pass it is written ahead and
     * sent off the loop, and the venue's answer arrives later as an order update.
     *
     * @param intent the order the strategy wants
     * @return the order as sent, or who refused it and why
     */
    Submission submit(OrderIntent intent);

    /**
     * Asks the venue to cancel one of this bot's orders; the outcome arrives as an order update.
     *
     * @param clientOrderId the bot's id of the order
     */
    void cancel(String clientOrderId);

    /**
     * Asks the venue to lower the quantity of one of this bot's open orders, keeping its place in the
     * queue (on a venue with {@link ExchangeAdapter.Capability#AMEND_QUANTITY}). The quantity is rounded
     * down to the instrument's step and must stay above what has filled. Only a decrease: it never adds
     * exposure, so no risk policy is asked. Returns the order as it stands, or the refusal (nothing sent);
     * the venue's answer arrives as an order update with the new quantity, or as an error event.
     *
     * <pre>{@code
     * ctx.amendQuantity(order.clientOrderId(), order.quantity().divide(BigDecimal.TWO));
     * }</pre>
     *
     * @param clientOrderId the bot's id of the open order
     * @param newQuantity   the new, lower base quantity
     * @return the order as it stands, or the refusal
     */
    Submission amendQuantity(String clientOrderId, BigDecimal newQuantity);

    /** Cancels every open order of this bot. */
    void cancelAll();

    /**
     * Asks the engine to flatten the bot: cancel its orders and close its position with reduce-only
     * orders, retried until flat. Asynchronous: the outcome arrives as order updates and fills; a second
     * call while one runs joins it.
     *
     * @param reason why, in words for an operator; it appears in the flatten's alert with the strategy as the actor
     */
    void flatten(String reason);

    /**
     * An engine feature that the API cannot name, for example the ta4j {@code BarSeries} that core
     * keeps in step with the bot's bars: {@code ctx.unwrap(BarSeries.class)}.
     *
     * @param <T>  the feature's type
     * @param type the feature's class
     * @return the feature, or empty when the engine has none of that type
     */
    <T> Optional<T> unwrap(Class<T> type);
}
