package io.tradekit.bybit.internal;

import io.tradekit.core.net.Idempotency;

/** The Bybit v5 REST endpoints the adapter uses (spot and linear), and whether each is signed. */
public enum Endpoint {
    TIME("GET", "/v5/market/time", false, Idempotency.IDEMPOTENT),
    INSTRUMENTS("GET", "/v5/market/instruments-info", false, Idempotency.IDEMPOTENT),
    KLINE("GET", "/v5/market/kline", false, Idempotency.IDEMPOTENT),
    RISK_LIMIT("GET", "/v5/market/risk-limit", false, Idempotency.IDEMPOTENT),
    CREATE_ORDER("POST", "/v5/order/create", true, Idempotency.NON_IDEMPOTENT),
    CANCEL_ORDER("POST", "/v5/order/cancel", true, Idempotency.IDEMPOTENT),
    CANCEL_ALL("POST", "/v5/order/cancel-all", true, Idempotency.IDEMPOTENT),
    OPEN_ORDERS("GET", "/v5/order/realtime", true, Idempotency.IDEMPOTENT),
    ORDER_HISTORY("GET", "/v5/order/history", true, Idempotency.IDEMPOTENT),
    EXECUTIONS("GET", "/v5/execution/list", true, Idempotency.IDEMPOTENT),
    WALLET_BALANCE("GET", "/v5/account/wallet-balance", true, Idempotency.IDEMPOTENT),
    POSITIONS("GET", "/v5/position/list", true, Idempotency.IDEMPOTENT),
    SET_LEVERAGE("POST", "/v5/position/set-leverage", true, Idempotency.IDEMPOTENT);

    private final String method;
    private final String path;
    private final boolean signed;
    private final Idempotency idempotency;

    Endpoint(String method, String path, boolean signed, Idempotency idempotency) {
        this.method = method;
        this.path = path;
        this.signed = signed;
        this.idempotency = idempotency;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public boolean signed() {
        return signed;
    }

    public Idempotency idempotency() {
        return idempotency;
    }

    public boolean isPost() {
        return method.equals("POST");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
