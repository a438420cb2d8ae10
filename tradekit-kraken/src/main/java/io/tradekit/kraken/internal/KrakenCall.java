package io.tradekit.kraken.internal;

import io.tradekit.core.net.Idempotency;

/**
 * The Kraken spot REST methods the adapter uses: path, whether signed, what each costs on the key's
 * call counter (Kraken: most private calls 1, history calls 2; orders and cancels count on the pair's
 * trading counter instead), and whether repeating it is harmless.
 */
public enum KrakenCall {
    TIME("/0/public/Time", false, 0, Idempotency.IDEMPOTENT),
    ASSET_PAIRS("/0/public/AssetPairs", false, 0, Idempotency.IDEMPOTENT),
    OHLC("/0/public/OHLC", false, 0, Idempotency.IDEMPOTENT),
    ADD_ORDER("/0/private/AddOrder", true, 0, Idempotency.NON_IDEMPOTENT),
    CANCEL_ORDER("/0/private/CancelOrder", true, 0, Idempotency.IDEMPOTENT),
    CANCEL_ALL("/0/private/CancelAll", true, 1, Idempotency.IDEMPOTENT),
    CANCEL_ALL_AFTER("/0/private/CancelAllOrdersAfter", true, 1, Idempotency.IDEMPOTENT),
    OPEN_ORDERS("/0/private/OpenOrders", true, 1, Idempotency.IDEMPOTENT),
    CLOSED_ORDERS("/0/private/ClosedOrders", true, 1, Idempotency.IDEMPOTENT),
    QUERY_ORDERS("/0/private/QueryOrders", true, 1, Idempotency.IDEMPOTENT),
    TRADES_HISTORY("/0/private/TradesHistory", true, 2, Idempotency.IDEMPOTENT),
    BALANCE_EX("/0/private/BalanceEx", true, 1, Idempotency.IDEMPOTENT),
    WEBSOCKETS_TOKEN("/0/private/GetWebSocketsToken", true, 1, Idempotency.IDEMPOTENT);

    private final String path;
    private final boolean signed;
    private final int cost;
    private final Idempotency idempotency;

    KrakenCall(String path, boolean signed, int cost, Idempotency idempotency) {
        this.path = path;
        this.signed = signed;
        this.cost = cost;
        this.idempotency = idempotency;
    }

    public String path() {
        return path;
    }

    public boolean signed() {
        return signed;
    }

    /** Points on the key's REST call counter. */
    public int cost() {
        return cost;
    }

    /** Whether the call counts on the pair's trading counter (orders and cancels). */
    public boolean trades() {
        return this == ADD_ORDER || this == CANCEL_ORDER;
    }

    public Idempotency idempotency() {
        return idempotency;
    }

    @Override
    public String toString() {
        return (signed ? "POST " : "GET ") + path;
    }
}
