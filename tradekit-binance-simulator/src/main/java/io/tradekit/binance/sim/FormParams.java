package io.tradekit.binance.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes a query string or form body the way a server does: {@code +} is a space, {@code %XX} a byte of
 * UTF-8. Written here rather than borrowed from the adapter, so that an encoding bug in the client is
 * not mirrored by the venue that tests it.
 */
final class FormParams {

    private FormParams() {
    }

    /** Decoded parameters in arrival order; the first occurrence of a name wins. */
    static Map<String, String> parse(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return out;
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < text.length()) {
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw VenueError.badRequest(-1100, "Illegal characters found in a parameter.");
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '%') {
                throw VenueError.badRequest(-1100, "Illegal characters found in a parameter.");
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
