package io.tradekit.control;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes for the control plane's users: PBKDF2 with HMAC-SHA256, a random 16-byte salt and
 * {@value #ITERATIONS} iterations, written as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64), so a
 * configuration file holds a hash and never a password.
 *
 * <pre>{@code String stored = Passwords.hash("s3cret-phrase".toCharArray());}</pre>
 */
public final class Passwords {

    /** The default number of PBKDF2 iterations: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /**
     * A hash of {@code password} with a new random salt and {@value #ITERATIONS} iterations; deliberately slow,
     * as a password hash must be.
     *
     * @param password at least 8 characters; not cleared by this method
     * @return {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, for a configuration file or {@link ControlPlane.Builder#user}
     * @throws IllegalArgumentException when the password is shorter than 8 characters
     */
    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    /**
     * A hash with fewer or more iterations than the default (tests use fewer, to stay quick).
     *
     * @param password at least 8 characters; not cleared by this method
     * @param iterations PBKDF2 iterations, at least 1000
     * @return {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
     * @throws IllegalArgumentException when the password is shorter than 8 characters or the iterations fewer than 1000
     */
    public static String hash(char[] password, int iterations) {
        if (password.length < 8) throw new IllegalArgumentException("a password needs at least 8 characters");
        if (iterations < 1_000) throw new IllegalArgumentException("PBKDF2 needs at least 1000 iterations, not " + iterations);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(password, salt, iterations));
    }

    /**
     * Whether {@code password} matches {@code stored}, compared in constant time.
     *
     * @param password the password to check
     * @param stored a hash as {@link #hash} wrote it
     * @return true when the password is the one hashed
     * @throws IllegalArgumentException when {@code stored} is not such a hash
     */
    public static boolean matches(char[] password, String stored) {
        String[] parts = checkFormat(stored);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    /**
     * Throws naming what is wrong if {@code stored} is not a hash this class wrote.
     *
     * @param stored the text to check; null is refused like any malformed text
     * @return the four {@code $}-separated parts: prefix, iterations, base64 salt, base64 hash
     * @throws IllegalArgumentException when {@code stored} is not a hash this class wrote (never echoing it)
     */
    public static String[] checkFormat(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        try {
            if (parts.length == 4 && parts[0].equals(PREFIX) && Integer.parseInt(parts[1]) >= 1_000
                    && Base64.getDecoder().decode(parts[2]).length >= 16 && Base64.getDecoder().decode(parts[3]).length == 32) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("a password hash must read " + PREFIX + "$<iterations>$<salt>$<hash> as Passwords.hash writes it");
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
