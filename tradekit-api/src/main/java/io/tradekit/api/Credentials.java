package io.tradekit.api;

import java.util.Objects;

/**
 * An API key and its secret. {@link #toString()} never shows either, so credentials can be logged or
 * put in an exception by accident without leaking.
 */
public final class Credentials {
    private final String apiKey;
    private final String secret;

    public Credentials(String apiKey, String secret) {
        if (apiKey == null || apiKey.isBlank()) throw new InvalidInputException("credentials: apiKey must not be blank");
        if (secret == null || secret.isBlank()) throw new InvalidInputException("credentials: secret must not be blank");
        this.apiKey = apiKey;
        this.secret = secret;
    }

    public String apiKey() {
        return apiKey;
    }

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
