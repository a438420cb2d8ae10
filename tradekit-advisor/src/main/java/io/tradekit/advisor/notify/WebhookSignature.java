package io.tradekit.advisor.notify;

import io.tradekit.advisor.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * How a webhook's body is signed, so that a receiver can tell it came from this bot and was not replayed.
 * Each POST carries two headers:
 * <ul>
 *   <li>{@value #TIMESTAMP_HEADER}: the sending time in whole seconds since the Unix epoch;</li>
 *   <li>{@value #SIGNATURE_HEADER}: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the shared
 *   secret's UTF-8 bytes, of the UTF-8 bytes of the timestamp, a full stop, and the exact body bytes
 *   ({@code timestamp + "." + body}).</li>
 * </ul>
 * A receiver recomputes the HMAC over the raw body it read (before any JSON parsing), compares it in constant
 * time, and refuses a timestamp further than its tolerance (five minutes is usual) from its own clock.
 */
public final class WebhookSignature {

    /** The header with the signature. */
    public static final String SIGNATURE_HEADER = "X-Tradekit-Signature";
    /** The header with the timestamp the signature covers. */
    public static final String TIMESTAMP_HEADER = "X-Tradekit-Timestamp";

    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /**
     * The {@value #SIGNATURE_HEADER} value for {@code body} sent at {@code epochSeconds}.
     *
     * @param key          the shared signing key
     * @param epochSeconds the sending time, in whole seconds since the Unix epoch (the {@value #TIMESTAMP_HEADER} value)
     * @param body         the exact body bytes
     * @return {@code sha256=} and the lower-case hex HMAC-SHA256
     */
    public static String sign(Secret key, long epochSeconds, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(key, epochSeconds, body));
    }

    /**
     * Whether {@code signature} is right for {@code body} and {@code epochSeconds} lies within {@code tolerance} of {@code now}.
     * The HMAC is compared in constant time.
     *
     * @param key          the shared signing key
     * @param epochSeconds the {@value #TIMESTAMP_HEADER} value received
     * @param body         the raw body bytes received
     * @param signature    the {@value #SIGNATURE_HEADER} value received; null or malformed is simply wrong
     * @param now          the receiver's time
     * @param tolerance    how far the timestamp may lie from {@code now}, either way (whole seconds)
     * @return true only if the timestamp is within the tolerance and the signature matches
     */
    public static boolean verify(Secret key, long epochSeconds, byte[] body, String signature, Instant now, Duration tolerance) {
        if (signature == null || !signature.startsWith(PREFIX)) return false;
        if (Math.abs(now.getEpochSecond() - epochSeconds) > tolerance.toSeconds()) return false;
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(key, epochSeconds, body), given);
    }

    private static byte[] hmac(Secret key, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
