package io.tradekit.control.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses, answered as {@code {"error": {"code", "message", "field"}}} with its HTTP status;
 * {@code field} names the request field at fault when there is one.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiError(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiError invalid(String field, String message) {
        return new ApiError(400, "invalid_field", message, field);
    }

    public static ApiError notFound(String what) {
        return new ApiError(404, "not_found", what);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", getMessage());
        if (field != null) error.put("field", field);
        return Map.of("error", error);
    }
}
