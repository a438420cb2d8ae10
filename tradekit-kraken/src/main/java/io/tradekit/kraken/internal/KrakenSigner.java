package io.tradekit.kraken.internal;

import io.tradekit.api.InvalidInputException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Kraken's {@code API-Sign}: {@code base64(HMAC-SHA512(base64decode(secret), path ‖ SHA256(nonce ‖ body)))},
 * where {@code path} starts at {@code /0/private} and {@code body} is the exact form body sent (with its
 * {@code nonce=}). Never prints the secret.
 */
public final class KrakenSigner {

    private final SecretKeySpec key;

    public KrakenSigner(String base64Secret) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64Secret.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kraken: the API secret is not base64 (Kraken secrets are); check the key pair");
        }
        if (secret.length == 0) {
            throw new InvalidInputException("kraken: the API secret is empty");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA512");
    }

    /** The {@code API-Sign} header for a request to {@code path} carrying {@code body} with {@code nonce}. */
    public String sign(String path, String nonce, String body) {
        try {
            byte[] inner = MessageDigest.getInstance("SHA-256").digest((nonce + body).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(key);
            mac.update(path.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(inner));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 or SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "KrakenSigner[***]";
    }
}
