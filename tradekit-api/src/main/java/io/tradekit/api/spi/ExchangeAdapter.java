package io.tradekit.api.spi;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.CancelReplaceResult;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.Position;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.EventSink;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One venue. Methods may block (the engine calls them off its loop: on a platform thread kept warm per bot, or a
 * virtual thread when that one is busy; only {@link #placeWithoutBlocking} is called on the loop itself) and throw
 * {@link io.tradekit.api.ExchangeException} with the failure's category. Streams post
 * {@link io.tradekit.api.event.Event}s to the sink given to {@link #connect}; an adapter never calls
 * strategy code. A malformed venue message becomes an {@code ErrorRaised} event, never a crash.
 *
 * <p>Features beyond the basic order calls are optional: a venue names those it has in
 * {@link #capabilities()}, and a call to one it lacks throws an {@link ExchangeException} of category
 * {@code INVALID_ORDER} with venue code {@code UNSUPPORTED} that names the venue and the operation.
 *
 * <pre>{@code
 * if (adapter.capabilities().contains(Capability.AMEND_QUANTITY)) {
 *     Order smaller = adapter.amendQuantity("BTCUSDT", "bot-1a", new BigDecimal("0.5"));
 * }
 * }</pre>
 */
public interface ExchangeAdapter extends AutoCloseable {

    /**
     * The venue's name, e.g. {@code binance}; it names the venue in errors and events.
     *
     * @return the venue's name
     */
    String venue();

    /**
     * What this venue supports beyond limit orders; the optional calls below work only when named here.
     *
     * @return the venue's capabilities; by default only {@link Capability#MARKET_ORDERS}
     */
    default Set<Capability> capabilities() {
        return Set.of(Capability.MARKET_ORDERS);
    }

    /**
     * Opens the venue's streams; events go to {@code sink} from then on, from the adapter's own threads.
     *
     * @param sink where the adapter posts what its streams deliver
     */
    void connect(EventSink sink);

    /**
     * The symbol's trading rules as the venue lists them: tick size, step size, minimum quantity and notional.
     *
     * @param symbol the venue's symbol
     * @return the instrument
     * @throws ExchangeException when the venue does not list the symbol or cannot be reached
     */
    Instrument instrument(String symbol);

    /**
     * The venue's clock (for a paper venue, the market time of its data). The engine reads it, for example,
     * to know up to when a live bot's warmup history reaches.
     *
     * @return the venue's current time
     * @throws ExchangeException when the venue cannot be reached
     */
    Instant serverTime();

    /**
     * Closed bars in {@code [from, to)}, oldest first, paging as the venue requires.
     *
     * @param symbol    the venue's symbol
     * @param timeframe the bars' length
     * @param from      the first open time wanted, inclusive
     * @param to        the end, exclusive
     * @return the bars, oldest first; empty when there are none in the range
     * @throws ExchangeException when the venue refuses or cannot be reached
     */
    List<Bar> history(String symbol, Timeframe timeframe, Instant from, Instant to);

    /**
     * Streams the symbol's bars: from then on the sink receives {@link io.tradekit.api.event.Event.BarClosed}
     * for each bar as it closes.
     *
     * @param symbol    the venue's symbol
     * @param timeframe the bars' length
     */
    void subscribeBars(String symbol, Timeframe timeframe);

    /**
     * Streams the symbol's ticker: from then on the sink receives {@link io.tradekit.api.event.Event.TickerUpdated}.
     *
     * @param symbol the venue's symbol
     */
    void subscribeTicker(String symbol);

    /**
     * Streams the symbol's L2 order book: from then on the sink receives
     * {@link io.tradekit.api.event.Event.OrderBookUpdated} with the whole book after each change. A venue
     * without a depth stream refuses it.
     *
     * @param symbol the venue's symbol
     * @throws io.tradekit.api.ExchangeException when the venue streams no order book
     */
    default void subscribeOrderBook(String symbol) {
        throw new io.tradekit.api.ExchangeException(venue(), io.tradekit.api.ErrorCategory.INVALID_INPUT, "NO_ORDER_BOOK",
                venue() + " streams no order book: cannot follow " + symbol + "'s depth");
    }

    /**
     * Sends a new order under its client order id. A timeout or 5xx throws with category
     * {@code UNKNOWN_OUTCOME}: the order may exist and is looked up, never sent again blindly.
     *
     * @param request the order, with the client order id the bot wrote ahead
     * @return the venue's acknowledgement
     * @throws ExchangeException when the venue refuses the order or its outcome is unknown, with the failure's category
     */
    OrderAck place(OrderRequest request);

    /**
     * Starts placing a new order without blocking the calling thread, for a venue whose order channel is a stream
     * of messages (a WebSocket API): the request is checked, signed and handed to the socket here, and the venue's
     * answer completes the stage later, on another thread. The rules are {@link #place}'s: the stage completes
     * with the acknowledgement, or exceptionally with the {@link ExchangeException} that {@code place} would throw
     * ({@code UNKNOWN_OUTCOME} when the order may exist), within the adapter's own deadline. A check that fails
     * before anything is sent may throw here instead.
     *
     * <p>When the order cannot go out at once (no open connection, a rate-limit budget to wait for, an order
     * channel that blocks) it returns empty and sends nothing; the caller then calls {@link #place} on a thread
     * that may block. The engine uses this, when the adapter offers it, to send from its loop without handing
     * the order to another thread first. The default is always empty.
     *
     * @param request the order, with the client order id the bot wrote ahead
     * @return the answer to come, or empty when nothing was sent and {@link #place} must be used
     * @throws ExchangeException when a check fails before anything is sent (the order is refused)
     */
    default Optional<CompletionStage<OrderAck>> placeWithoutBlocking(OrderRequest request) {
        return Optional.empty();
    }

    /**
     * Cancels by client order id; an order already gone throws with category {@code ORDER_NOT_FOUND}.
     *
     * @param symbol        the order's symbol
     * @param clientOrderId the bot's id of the order
     * @throws ExchangeException when the order is not open at the venue or the cancel fails
     */
    void cancel(String symbol, String clientOrderId);

    /**
     * Cancels every open order of the symbol, the bot's or not.
     *
     * @param symbol the venue's symbol
     * @return how many orders were cancelled
     * @throws ExchangeException when the venue refuses or cannot be reached
     */
    int cancelAll(String symbol);

    /**
     * The venue's view of one order, if it knows the client order id: what recovery asks after a crash or
     * an unknown outcome.
     *
     * @param symbol        the order's symbol
     * @param clientOrderId the bot's id of the order
     * @return the order, or empty when the venue does not know the id
     * @throws ExchangeException when the venue cannot answer
     */
    Optional<Order> lookup(String symbol, String clientOrderId);

    /**
     * The account's open orders in the symbol, as the venue holds them.
     *
     * @param symbol the venue's symbol
     * @return the open orders; empty when there are none
     * @throws ExchangeException when the venue cannot answer
     */
    List<Order> openOrders(String symbol);

    /**
     * The account's fills for the symbol at or after {@code since}, oldest first: what a restarted bot fetches
     * to apply fills it missed while down.
     *
     * @param symbol the venue's symbol
     * @param since  the earliest execution time wanted, inclusive
     * @return the fills, oldest first
     * @throws ExchangeException when the venue cannot answer
     */
    List<Fill> fills(String symbol, Instant since);

    /**
     * The account's balances, one per asset the venue reports.
     *
     * @return the balances
     * @throws ExchangeException when the venue cannot answer
     */
    List<Balance> balances();

    /**
     * The account's open position in a derivatives symbol, as the venue reports it (one-way mode); empty
     * when flat, and always for a spot venue, whose holdings are {@link #balances()}.
     *
     * @param symbol the venue's symbol
     * @return the position, or empty when flat or on a spot venue (the default)
     */
    default Optional<Position> position(String symbol) {
        return Optional.empty();
    }

    /**
     * The funding settlements of the account's position in a derivatives symbol at or after {@code since},
     * oldest first: what a restarted bot asks for to journal the settlements it missed while down. Empty for a
     * spot venue and for a venue whose adapter does not report them.
     *
     * @param symbol the venue's symbol
     * @param since  the earliest settlement time wanted, inclusive
     * @return the settlements, oldest first; empty by default
     */
    default List<io.tradekit.api.FundingPayment> fundingPayments(String symbol, Instant since) {
        return List.of();
    }

    /**
     * Sets the leverage the account uses for new positions in a derivatives symbol. A venue without
     * derivatives refuses it.
     *
     * @param symbol   the venue's symbol
     * @param leverage the leverage, e.g. {@code 3} for 3x
     * @throws io.tradekit.api.ExchangeException when the venue trades no derivatives or refuses the value
     */
    default void setLeverage(String symbol, BigDecimal leverage) {
        throw new ExchangeException(venue(), ErrorCategory.INVALID_ORDER, "NO_DERIVATIVES",
                venue() + " trades no derivatives: cannot set leverage on " + symbol);
    }

    /**
     * Lowers the quantity of an open order in place, keeping its client order id and its time priority
     * in the queue at its price ({@link Capability#AMEND_QUANTITY}). Only a decrease is allowed:
     * {@code newQuantity} must be above the quantity already filled and below the order's quantity.
     * A timeout or 5xx throws with category {@code UNKNOWN_OUTCOME}: the order is looked up (its
     * quantity tells whether the amend took effect), never amended again blindly.
     *
     * @param symbol        the order's symbol
     * @param clientOrderId the bot's id of the order
     * @param newQuantity   the new, lower base quantity
     * @return the order as the venue holds it after the amend
     * @throws ExchangeException {@code UNSUPPORTED} when the venue cannot amend; the venue's refusal otherwise
     */
    default Order amendQuantity(String symbol, String clientOrderId, BigDecimal newQuantity) {
        throw unsupported(Capability.AMEND_QUANTITY, "amendQuantity(" + symbol + ", " + clientOrderId + ")");
    }

    /**
     * A market order for an amount of the quote asset ({@link Capability#MARKET_BY_QUOTE}): a BUY spends
     * about {@code quoteAmount}, a SELL sells as much base as brings it in; the venue picks the base
     * quantity. Same unknown-outcome rules as {@link #place}.
     *
     * @param clientOrderId the bot's id for the new order
     * @param symbol        the venue's symbol
     * @param side          buy (spend the amount) or sell (bring the amount in)
     * @param quoteAmount   the amount of the quote asset, positive
     * @return the venue's acknowledgement
     * @throws ExchangeException {@code UNSUPPORTED} when the venue cannot size a market order by quote
     */
    default OrderAck placeMarketByQuote(String clientOrderId, String symbol, Side side, BigDecimal quoteAmount) {
        throw unsupported(Capability.MARKET_BY_QUOTE, "placeMarketByQuote(" + symbol + ", " + clientOrderId + ")");
    }

    /**
     * Cancels the open order {@code cancelClientOrderId} and places {@code replacement} in one request
     * ({@link Capability#CANCEL_REPLACE}); no new order when the cancel fails. A half that failed is in
     * the result, not an exception. A timeout or 5xx throws {@code UNKNOWN_OUTCOME}: both orders are
     * looked up, nothing is sent again.
     *
     * @param cancelClientOrderId the bot's id of the open order to cancel
     * @param replacement         the new order, under its own client order id
     * @return what each half did
     * @throws ExchangeException {@code UNSUPPORTED} when the venue has no cancel-replace
     */
    default CancelReplaceResult cancelReplace(String cancelClientOrderId, OrderRequest replacement) {
        throw unsupported(Capability.CANCEL_REPLACE, "cancelReplace(" + replacement.symbol() + ", " + cancelClientOrderId + ")");
    }

    @Override
    void close();

    private ExchangeException unsupported(Capability capability, String operation) {
        return new ExchangeException(venue(), ErrorCategory.INVALID_ORDER, UNSUPPORTED,
                venue() + " (" + getClass().getSimpleName() + ") does not support " + operation + ": it lacks capability " + capability);
    }

    /** The venue code of the refusal thrown by an optional call the venue does not support. */
    String UNSUPPORTED = "UNSUPPORTED";

    /** Optional venue features. */
    enum Capability {
        /** Market orders; without it, a flatten or a protection's exit is sent as a limit order. */
        MARKET_ORDERS,
        /** {@link io.tradekit.api.OrderType#LIMIT_MAKER}: post-only limit orders, refused rather than let take liquidity. */
        POST_ONLY,
        /** The venue cancels all of a symbol's open orders in one request; every adapter implements {@link #cancelAll} either way. */
        CANCEL_ALL,
        /** {@link #amendQuantity}: lower an open order's quantity keeping its queue priority. */
        AMEND_QUANTITY,
        /** {@link #placeMarketByQuote}: a market order sized in the quote asset. */
        MARKET_BY_QUOTE,
        /** {@link #cancelReplace}: cancel one order and place another in one request. */
        CANCEL_REPLACE
    }
}
