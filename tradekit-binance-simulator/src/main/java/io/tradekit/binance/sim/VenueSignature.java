package io.tradekit.binance.sim;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How Binance checks an HMAC-SHA256 signature, as the simulator's own code: REST signs the query string
 * and body exactly as they were sent (so percent-encoded); the WebSocket API signs its parameters
 * sorted by name as {@code name=value} joined by {@code &}, values as raw UTF-8, never percent-encoded.
 */
final class VenueSignature implements SignatureCheck {

    private final byte[] secret;

    VenueSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The WebSocket API payload: every parameter but {@code signature}, sorted, raw values. */
    static String webSocketPayload(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (e.getKey().equals("signature")) continue;
            if (!out.isEmpty()) out.append('&');
            out.append(e.getKey()).append('=').append(e.getValue());
        }
        return out.toString();
    }

    /** Whether {@code signature} (hex, any case) is the HMAC of {@code payload}; constant time. */
    @Override
    public boolean verifies(String payload, String signature) {
        if (signature == null) return false;
        byte[] expected = HexFormat.of().formatHex(hmac(payload)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private byte[] hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
