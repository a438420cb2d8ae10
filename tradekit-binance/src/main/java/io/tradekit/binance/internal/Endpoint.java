package io.tradekit.binance.internal;

import io.tradekit.core.net.Idempotency;

/**
 * The Binance spot REST endpoints the adapter uses, with their request weight and whether they are
 * signed. The simulator charges the same weights.
 */
public enum Endpoint {
    TIME("GET", "/api/v3/time", 1, false, Idempotency.IDEMPOTENT),
    EXCHANGE_INFO("GET", "/api/v3/exchangeInfo", 20, false, Idempotency.IDEMPOTENT),
    KLINES("GET", "/api/v3/klines", 2, false, Idempotency.IDEMPOTENT),
    /** The order book snapshot; its weight grows with {@code limit} (see {@link #depthWeight}). */
    DEPTH("GET", "/api/v3/depth", 5, false, Idempotency.IDEMPOTENT),
    NEW_ORDER("POST", "/api/v3/order", 1, true, Idempotency.NON_IDEMPOTENT, "order.place"),
    /** Validates a new order without placing it: nothing happens at the venue, so it may be repeated. */
    TEST_ORDER("POST", "/api/v3/order/test", 1, true, Idempotency.IDEMPOTENT),
    QUERY_ORDER("GET", "/api/v3/order", 4, true, Idempotency.IDEMPOTENT, "order.status"),
    CANCEL_ORDER("DELETE", "/api/v3/order", 1, true, Idempotency.IDEMPOTENT, "order.cancel"),
    CANCEL_OPEN_ORDERS("DELETE", "/api/v3/openOrders", 1, true, Idempotency.IDEMPOTENT, "openOrders.cancelAll"),
    /** Cancels an order and places another in one request; the new order may exist after a timeout. */
    CANCEL_REPLACE("POST", "/api/v3/order/cancelReplace", 1, true, Idempotency.NON_IDEMPOTENT),
    /**
     * Lowers an open order's quantity keeping its place in the queue. Not repeated blindly: a repeat of an amend
     * that took effect is refused (-2038, "would change no state"), which would hide that it did.
     */
    AMEND_KEEP_PRIORITY("PUT", "/api/v3/order/amend/keepPriority", 4, true, Idempotency.NON_IDEMPOTENT, "order.amend.keepPriority"),
    OPEN_ORDERS("GET", "/api/v3/openOrders", 6, true, Idempotency.IDEMPOTENT),
    ACCOUNT("GET", "/api/v3/account", 20, true, Idempotency.IDEMPOTENT),
    MY_TRADES("GET", "/api/v3/myTrades", 20, true, Idempotency.IDEMPOTENT);

    /** Weight of {@code GET /api/v3/openOrders} without a symbol. */
    public static final int OPEN_ORDERS_ALL_SYMBOLS_WEIGHT = 80;

    /** The largest {@code limit} of {@code GET /api/v3/depth}: levels per side. */
    public static final int DEPTH_MAX_LIMIT = 5000;

    /** Weight of {@code GET /api/v3/depth} by {@code limit} (rest-api.md "Order book"): 1-100: 5, 101-500: 25, 501-1000: 50, 1001-5000: 250. */
    public static int depthWeight(int limit) {
        if (limit < 1 || limit > DEPTH_MAX_LIMIT) {
            throw new IllegalArgumentException("depth limit must be within 1.." + DEPTH_MAX_LIMIT + ", got " + limit);
        }
        return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    }

    private final String method;
    private final String path;
    private final int weight;
    private final boolean signed;
    private final Idempotency idempotency;
    private final String webSocketMethod;

    Endpoint(String method, String path, int weight, boolean signed, Idempotency idempotency) {
        this(method, path, weight, signed, idempotency, null);
    }

    Endpoint(String method, String path, int weight, boolean signed, Idempotency idempotency, String webSocketMethod) {
        this.webSocketMethod = webSocketMethod;
        this.method = method;
        this.path = path;
        this.weight = weight;
        this.signed = signed;
        this.idempotency = idempotency;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public int weight() {
        return weight;
    }

    public boolean signed() {
        return signed;
    }

    public Idempotency idempotency() {
        return idempotency;
    }

    /** Whether the venue counts the request against the new-order limits ({@code X-MBX-ORDER-COUNT-*}). */
    public boolean countsAsOrder() {
        return this == NEW_ORDER || this == CANCEL_REPLACE;
    }

    /** The WebSocket API method that does the same, with the same parameters and answer, if the adapter sends it that way. */
    public java.util.Optional<String> webSocketMethod() {
        return java.util.Optional.ofNullable(webSocketMethod);
    }

    /** The endpoint for a method and path, if the adapter knows it. */
    public static java.util.Optional<Endpoint> of(String method, String path) {
        for (Endpoint e : values()) {
            if (e.method.equals(method) && e.path.equals(path)) return java.util.Optional.of(e);
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
