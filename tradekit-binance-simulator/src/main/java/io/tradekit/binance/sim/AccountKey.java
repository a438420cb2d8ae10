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
    public enum Kind { HMAC, ED25519 }

    /** An HMAC key: the credentials' secret. */
    public static final AccountKey HMAC = new AccountKey(Kind.HMAC, "");

    public AccountKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        if (kind == Kind.ED25519 && publicKeyPem.isBlank()) {
            throw new InvalidInputException("binance simulator: an Ed25519 account needs its public key (PEM)");
        }
    }

    public static AccountKey ed25519(String publicKeyPem) {
        return new AccountKey(Kind.ED25519, publicKeyPem);
    }
}
