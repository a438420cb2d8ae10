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

/**
 * One venue. Methods may block (the engine calls them off its loop, on virtual threads) and throw
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

    /** The venue's name, e.g. {@code binance}. */
    String venue();

    /** What this venue supports beyond limit orders; the optional calls below work only when named here. */
    default Set<Capability> capabilities() {
        return Set.of(Capability.MARKET_ORDERS);
    }

    /** Opens the venue's streams; events go to {@code sink} from then on. */
    void connect(EventSink sink);

    Instrument instrument(String symbol);

    Instant serverTime();

    /** Closed bars in {@code [from, to)}, oldest first, paging as the venue requires. */
    List<Bar> history(String symbol, Timeframe timeframe, Instant from, Instant to);

    void subscribeBars(String symbol, Timeframe timeframe);

    void subscribeTicker(String symbol);

    /**
     * Streams the symbol's L2 order book: from then on the sink receives
     * {@link io.tradekit.api.event.Event.OrderBookUpdated} with the whole book after each change. A venue
     * without a depth stream refuses it.
     *
     * @throws io.tradekit.api.ExchangeException when the venue streams no order book
     */
    default void subscribeOrderBook(String symbol) {
        throw new io.tradekit.api.ExchangeException(venue(), io.tradekit.api.ErrorCategory.INVALID_INPUT, "NO_ORDER_BOOK",
                venue() + " streams no order book: cannot follow " + symbol + "'s depth");
    }

    /**
     * Sends a new order under its client order id. A timeout or 5xx throws with category
     * {@code UNKNOWN_OUTCOME}: the order may exist and is looked up, never sent again blindly.
     */
    OrderAck place(OrderRequest request);

    /** Cancels by client order id; an order already gone throws with category {@code ORDER_NOT_FOUND}. */
    void cancel(String symbol, String clientOrderId);

    /** Cancels every open order of the symbol; returns how many. */
    int cancelAll(String symbol);

    /** The venue's view of one order, if it knows the client order id. */
    Optional<Order> lookup(String symbol, String clientOrderId);

    List<Order> openOrders(String symbol);

    /** The account's fills for the symbol at or after {@code since}, oldest first. */
    List<Fill> fills(String symbol, Instant since);

    List<Balance> balances();

    /**
     * The account's open position in a derivatives symbol, as the venue reports it (one-way mode); empty
     * when flat, and always for a spot venue, whose holdings are {@link #balances()}.
     */
    default Optional<Position> position(String symbol) {
        return Optional.empty();
    }

    /**
     * The funding settlements of the account's position in a derivatives symbol at or after {@code since},
     * oldest first: what a restarted bot asks for to journal the settlements it missed while down. Empty for a
     * spot venue and for a venue whose adapter does not report them.
     */
    default List<io.tradekit.api.FundingPayment> fundingPayments(String symbol, Instant since) {
        return List.of();
    }

    /**
     * Sets the leverage the account uses for new positions in a derivatives symbol. A venue without
     * derivatives refuses it.
     *
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
        MARKET_ORDERS,
        POST_ONLY,
        CANCEL_ALL,
        /** {@link #amendQuantity}: lower an open order's quantity keeping its queue priority. */
        AMEND_QUANTITY,
        /** {@link #placeMarketByQuote}: a market order sized in the quote asset. */
        MARKET_BY_QUOTE,
        /** {@link #cancelReplace}: cancel one order and place another in one request. */
        CANCEL_REPLACE
    }
}
