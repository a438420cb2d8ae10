package io.tradekit.binance.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binance's HMAC-SHA256 request signature: the lowercase hex HMAC of the secret over the exact text that
 * is sent. For REST that is the query string followed directly by the body, percent-encoded as sent (so
 * non-ASCII values are signed as {@code %XX} bytes); for the WebSocket API it is every parameter except
 * {@code signature}, sorted by name, as {@code name=value} pairs joined by {@code &}, with values as raw
 * UTF-8, never percent-encoded (web-socket-api.md, "SIGNED request example (HMAC)"). The secret lives
 * only inside the {@link Mac}; {@link #toString()} never shows it.
 */
public final class BinanceSigner implements RequestSigner {

    private final Mac mac;

    public BinanceSigner(String secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** The signature of REST {@code totalParams}: query string and body concatenated with no separator. */
    public String sign(String queryString, String body) {
        return sign(queryString + body);
    }

    /** The signature of {@code payload}. */
    @Override
    public String sign(String payload) {
        byte[] digest;
        synchronized (mac) {
            digest = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest);
    }

    /**
     * The WebSocket API payload: every parameter but {@code signature}, sorted by name, {@code name=value}
     * joined by {@code &}, values raw (Binance signs the UTF-8 bytes of {@code symbol=１２３４５６}, not its
     * percent-encoding).
     */
    public static String webSocketPayload(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (e.getKey().equals("signature")) continue;
            if (!out.isEmpty()) out.append('&');
            out.append(e.getKey()).append('=').append(e.getValue());
        }
        return out.toString();
    }

    /** Compares a received signature with the expected one in constant time, ignoring case (as Binance does for HMAC). */
    public boolean verifies(String payload, String signature) {
        if (signature == null) return false;
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    @Override
    public String toString() {
        return "BinanceSigner[HmacSHA256, secret=***]";
    }
}
