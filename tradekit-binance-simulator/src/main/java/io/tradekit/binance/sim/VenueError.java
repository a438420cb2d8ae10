package io.tradekit.binance.sim;

/** An error answer as Binance sends it: HTTP status and {@code {"code":..,"msg":..}}. */
final class VenueError extends RuntimeException {
    final int status;
    final int code;
    /** Seconds for a {@code Retry-After} header, 0 for none. */
    final long retryAfterSeconds;

    VenueError(int status, int code, String message) {
        this(status, code, message, 0);
    }

    VenueError(int status, int code, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static VenueError badRequest(int code, String message) {
        return new VenueError(400, code, message);
    }

    static VenueError mandatory(String parameter) {
        return badRequest(-1102, "Mandatory parameter '" + parameter + "' was not sent, was empty/null, or malformed.");
    }

    /** A whole answer that is neither a plain success nor a plain error (cancel-replace's partial failures). */
    record Answer(int status, String json) {
    }

    String json() {
        return "{\"code\":" + code + ",\"msg\":" + Payloads.quote(getMessage()) + "}";
    }
}
