package io.tradekit.advisor;

import io.tradekit.api.InvalidInputException;

import java.util.Objects;

/**
 * An API key, bot token or signing key. {@link #toString()} never shows it, so a secret put in a log line or an
 * exception by accident does not leak; {@link #reveal()} is for the one place that sends it.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** {@code value} as a secret; {@code what} names it in the error when it is blank. */
    public static Secret of(String value, String what) {
        if (value == null || value.isBlank()) throw new InvalidInputException(what + " is empty");
        return new Secret(value);
    }

    /** The secret held by environment variable {@code variable}, named by {@code setting} of {@code owner} in the error when unset. */
    public static Secret fromEnvironment(String owner, String setting, String variable) {
        Objects.requireNonNull(variable, "variable");
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(owner + ": '" + setting + "' names environment variable " + variable + ", which is not set");
        }
        return new Secret(value);
    }

    /** The secret itself, for the request that carries it. */
    public String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of this secret replaced by {@code ***}. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public String toString() {
        return "***";
    }
}
