package io.tradekit.binance.sim;

import java.util.Optional;

/** The REST endpoints the simulator serves, with Binance's request weight and whether they are SIGNED. */
enum Route {
    TIME("GET", "/api/v3/time", 1, false),
    EXCHANGE_INFO("GET", "/api/v3/exchangeInfo", 20, false),
    KLINES("GET", "/api/v3/klines", 2, false),
    /** Weight 5 at the default limit; {@link DepthBook#weight} by the limit asked. */
    DEPTH("GET", "/api/v3/depth", 5, false),
    NEW_ORDER("POST", "/api/v3/order", 1, true),
    TEST_ORDER("POST", "/api/v3/order/test", 1, true),
    CANCEL_REPLACE("POST", "/api/v3/order/cancelReplace", 1, true),
    AMEND_KEEP_PRIORITY("PUT", "/api/v3/order/amend/keepPriority", 4, true),
    QUERY_ORDER("GET", "/api/v3/order", 4, true),
    CANCEL_ORDER("DELETE", "/api/v3/order", 1, true),
    CANCEL_OPEN_ORDERS("DELETE", "/api/v3/openOrders", 1, true),
    OPEN_ORDERS("GET", "/api/v3/openOrders", 6, true),
    ACCOUNT("GET", "/api/v3/account", 20, true),
    MY_TRADES("GET", "/api/v3/myTrades", 20, true);

    /** Weight of {@code GET /api/v3/openOrders} without a symbol. */
    static final int OPEN_ORDERS_ALL_SYMBOLS_WEIGHT = 80;

    final String method;
    final String path;
    final int weight;
    final boolean signed;

    Route(String method, String path, int weight, boolean signed) {
        this.method = method;
        this.path = path;
        this.weight = weight;
        this.signed = signed;
    }

    static Optional<Route> of(String method, String path) {
        for (Route r : values()) {
            if (r.method.equals(method) && r.path.equals(path)) return Optional.of(r);
        }
        return Optional.empty();
    }
}
