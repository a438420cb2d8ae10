package io.tradekit.api;

import java.util.Objects;

/**
 * An API key and its secret. {@link #toString()} never shows either, so credentials can be logged or
 * put in an exception by accident without leaking.
 */
public final class Credentials {
    private final String apiKey;
    private final String secret;

    /**
     * Credentials from an API key and its secret.
     *
     * @param apiKey the key the venue issued, sent with each signed request
     * @param secret the secret that signs requests (an HMAC secret or a private key in PEM, as the venue wants)
     * @throws InvalidInputException if either is blank
     */
    public Credentials(String apiKey, String secret) {
        if (apiKey == null || apiKey.isBlank()) throw new InvalidInputException("credentials: apiKey must not be blank");
        if (secret == null || secret.isBlank()) throw new InvalidInputException("credentials: secret must not be blank");
        this.apiKey = apiKey;
        this.secret = secret;
    }

    /**
     * The API key.
     *
     * @return the key as given
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The secret, for the code that signs requests; never log it.
     *
     * @return the secret as given
     */
    public String secret() {
        return secret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && apiKey.equals(c.apiKey) && secret.equals(c.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiKey, secret);
    }

    @Override
    public String toString() {
        return "Credentials[apiKey=***, secret=***]";
    }
}
