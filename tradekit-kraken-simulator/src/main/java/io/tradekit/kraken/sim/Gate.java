package io.tradekit.kraken.sim;

import io.tradekit.api.Credentials;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's door for private calls, written from Kraken's documentation and independent of the
 * adapter: it recomputes {@code API-Sign} from the raw body it received, insists that each nonce is above
 * the key's last one, counts calls on the key's draining counter, and issues WebSocket tokens.
 */
final class Gate {

    private final String apiKey;
    private final byte[] secret;
    private final InstantSource clock;
    private final double counterMax;
    private final double counterDecay;
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private long lastNonce;
    private double counter;
    private long counterAt;

    Gate(Credentials credentials, InstantSource clock, double counterMax, double counterDecay) {
        this.apiKey = credentials.apiKey();
        this.secret = Base64.getDecoder().decode(credentials.secret());
        this.clock = clock;
        this.counterMax = counterMax;
        this.counterDecay = counterDecay;
    }

    /**
     * Checks a private request; throws the error Kraken would answer. The body must carry the nonce as
     * its {@code nonce} field, and the signature must cover the exact bytes received.
     */
    void admit(String path, String key, String sign, String rawBody, Map<String, String> form) {
        if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8))) {
            throw new VenueError("EAPI:Invalid key");
        }
        String nonceText = form.get("nonce");
        if (nonceText == null || !nonceText.matches("[0-9]{1,20}")) {
            throw new VenueError("EAPI:Invalid nonce");
        }
        if (sign == null || !MessageDigest.isEqual(expected(path, nonceText, rawBody), decode(sign))) {
            throw new VenueError("EAPI:Invalid signature");
        }
        long nonce = Long.parseLong(nonceText);
        synchronized (this) {
            if (nonce <= lastNonce) throw new VenueError("EAPI:Invalid nonce");
            lastNonce = nonce;
        }
    }

    /** Adds {@code cost} to the key's counter; over the maximum, Kraken refuses. */
    synchronized void charge(double cost) {
        long now = clock.millis();
        counter = Math.max(0, counter - (now - counterAt) / 1000.0 * counterDecay);
        counterAt = now;
        if (counter + cost > counterMax) throw new VenueError("EAPI:Rate limit exceeded");
        counter += cost;
    }

    synchronized long lastNonce() {
        return lastNonce;
    }

    String newToken() {
        String token = Base64.getEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        tokens.put(token, clock.millis() + 15 * 60_000);
        return token;
    }

    /** A token is good if issued here and used within 15 minutes. */
    boolean tokenValid(String token) {
        Long expires = token == null ? null : tokens.get(token);
        return expires != null && clock.millis() <= expires;
    }

    Set<String> issuedTokens() {
        return Set.copyOf(tokens.keySet());
    }

    private byte[] expected(String path, String nonce, String rawBody) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((nonce + rawBody).getBytes(StandardCharsets.UTF_8));
            byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
            ByteBuffer message = ByteBuffer.allocate(pathBytes.length + digest.length).put(pathBytes).put(digest);
            Mac hmac = Mac.getInstance("HmacSHA512");
            hmac.init(new SecretKeySpec(secret, "HmacSHA512"));
            return hmac.doFinal(message.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String sign) {
        try {
            return Base64.getDecoder().decode(sign);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
