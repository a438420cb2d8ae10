package io.tradekit.binance.sim;

import io.tradekit.api.InvalidInputException;

import java.util.Objects;

/**
 * The kind of API key the simulated account has: HMAC (the credentials' secret signs) or Ed25519 (the
 * public key in PEM verifies; the private key stays with the client).
 *
 * @param kind         HMAC or ED25519
 * @param publicKeyPem the Ed25519 public key ({@code -----BEGIN PUBLIC KEY-----}), empty for HMAC
 */
public record AccountKey(Kind kind, String publicKeyPem) {

    /** The key types the simulator verifies. */
    public enum Kind {
        /** The credentials' secret signs (HMAC-SHA256). */
        HMAC,
        /** The client's Ed25519 private key signs; {@link AccountKey#publicKeyPem()} verifies. */
        ED25519
    }

    /** An HMAC key: the credentials' secret. */
    public static final AccountKey HMAC = new AccountKey(Kind.HMAC, "");

    /**
     * Checks the components.
     *
     * @throws InvalidInputException when an Ed25519 key comes without its public key
     * @throws NullPointerException when a component is null
     */
    public AccountKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        if (kind == Kind.ED25519 && publicKeyPem.isBlank()) {
            throw new InvalidInputException("binance simulator: an Ed25519 account needs its public key (PEM)");
        }
    }

    /**
     * An Ed25519 key whose signatures {@code publicKeyPem} verifies.
     *
     * @param publicKeyPem the X.509 public key in PEM ({@code -----BEGIN PUBLIC KEY-----})
     * @return the account key
     * @throws InvalidInputException when {@code publicKeyPem} is blank
     */
    public static AccountKey ed25519(String publicKeyPem) {
        return new AccountKey(Kind.ED25519, publicKeyPem);
    }
}
