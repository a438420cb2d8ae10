package io.tradekit.binance.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request parameters in the order they were added, percent-encoded once, so that the bytes that are
 * signed are exactly the bytes that are sent. Every character outside the RFC 3986 unreserved set
 * ({@code A-Z a-z 0-9 - _ . ~}) is sent as {@code %XX} of its UTF-8 bytes, which is also how Binance asks
 * for non-ASCII values to be signed.
 */
public final class QueryString {

    private final StringBuilder text = new StringBuilder(160);
    private final Map<String, String> values = new LinkedHashMap<>();

    public QueryString add(String name, String value) {
        values.put(name, value);
        if (!text.isEmpty()) {
            text.append('&');
        }
        encode(name, text);
        text.append('=');
        encode(value, text);
        return this;
    }

    public QueryString add(String name, long value) {
        return add(name, Long.toString(value));
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The parameters as added, not encoded (the WebSocket API sends and signs them raw). */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Appends the encoded {@code name=value&...} text to {@code out}, without a copy of its own. */
    public void appendTo(StringBuilder out) {
        out.append(text);
    }

    /** The encoded {@code name=value&...} text. */
    @Override
    public String toString() {
        return text.toString();
    }

    /** Parses an encoded query (or form body) into its decoded parameters, keeping their order. */
    public static Map<String, String> parse(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    /** The parameter names of an encoded query, repeated ones included, in order. */
    public static List<String> names(String encoded) {
        if (encoded == null || encoded.isEmpty()) return Collections.emptyList();
        List<String> names = new ArrayList<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            names.add(decode(eq < 0 ? pair : pair.substring(0, eq)));
        }
        return names;
    }

    static void encode(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < value.length()) end++;
                for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
                i = end - 1;
            }
        }
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static String decode(String encoded) {
        return java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
