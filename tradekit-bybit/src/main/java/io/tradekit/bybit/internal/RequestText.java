package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.core.net.VenueJson;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request's parameters written once into the exact text that is both signed and sent: a GET's query
 * string (in the order given, RFC 3986 unreserved characters kept, everything else {@code %XX} of its
 * UTF-8 bytes) or a POST's compact JSON body. Values are strings, except those added as a flag (a JSON
 * boolean, e.g. {@code reduceOnly}) or a whole number (a JSON integer, e.g. {@code positionIdx}), as Bybit
 * documents those fields.
 */
public final class RequestText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Map<String, Object> params = new LinkedHashMap<>();

    public RequestText add(String name, String value) {
        params.put(name, value);
        return this;
    }

    public RequestText add(String name, long value) {
        return add(name, Long.toString(value));
    }

    /** A boolean field, sent as JSON {@code true}/{@code false} (and {@code true}/{@code false} in a query). */
    public RequestText flag(String name, boolean value) {
        params.put(name, value);
        return this;
    }

    /** An integer field, sent as a JSON number. */
    public RequestText integer(String name, int value) {
        params.put(name, value);
        return this;
    }

    public String query() {
        StringBuilder out = new StringBuilder(128);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (!out.isEmpty()) out.append('&');
            encode(e.getKey(), out);
            out.append('=');
            encode(String.valueOf(e.getValue()), out);
        }
        return out.toString();
    }

    public String json() {
        ObjectNode body = VenueJson.MAPPER.createObjectNode();
        params.forEach((name, value) -> {
            switch (value) {
                case Boolean b -> body.put(name, b);
                case Integer i -> body.put(name, i);
                default -> body.put(name, (String) value);
            }
        });
        return body.toString();
    }

    private static void encode(String value, StringBuilder out) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
    }

    @Override
    public String toString() {
        return query();
    }
}
