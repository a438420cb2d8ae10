package io.tradekit.bybit.sim;

/** A refusal as Bybit sends it: usually HTTP 200 with a non-zero {@code retCode} and its {@code retMsg}. */
final class Refusal extends RuntimeException {
    final int httpStatus;
    final int retCode;

    Refusal(int retCode, String retMsg) {
        this(200, retCode, retMsg);
    }

    Refusal(int httpStatus, int retCode, String retMsg) {
        super(retMsg, null, false, false);
        this.httpStatus = httpStatus;
        this.retCode = retCode;
    }

    static Refusal param(String what) {
        return new Refusal(10001, what);
    }
}
