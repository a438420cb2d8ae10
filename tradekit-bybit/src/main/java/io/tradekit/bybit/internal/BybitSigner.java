package io.tradekit.bybit.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Bybit v5's HMAC-SHA256 signatures, lowercase hex. REST: over {@code timestamp + apiKey + recvWindow +
 * payload}, where the payload is the exact query string of a GET or the exact JSON body of a POST as
 * sent. Private WebSocket auth: over {@code "GET/realtime" + expires}. The secret lives only inside the
 * {@link Mac}; {@link #toString()} never shows it.
 */
public final class BybitSigner {

    private final Mac mac;

    public BybitSigner(String secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** The text a REST request signs. */
    public static String restPlaintext(long timestamp, String apiKey, long recvWindow, String payload) {
        return timestamp + apiKey + recvWindow + payload;
    }

    /** The text a private WebSocket auth signs. */
    public static String authPlaintext(long expires) {
        return "GET/realtime" + expires;
    }

    public String signRest(long timestamp, String apiKey, long recvWindow, String payload) {
        return sign(restPlaintext(timestamp, apiKey, recvWindow, payload));
    }

    public String signAuth(long expires) {
        return sign(authPlaintext(expires));
    }

    public String sign(String plaintext) {
        byte[] digest;
        synchronized (mac) {
            digest = mac.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest);
    }

    @Override
    public String toString() {
        return "BybitSigner[HmacSHA256, secret=***]";
    }
}
