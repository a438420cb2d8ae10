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

    /**
     * {@code value} as a secret; {@code what} names it in the error when it is blank.
     *
     * @param value the secret's text
     * @param what  what the secret is, for the error message, e.g. {@code "telegram bot token"}
     * @return the secret
     * @throws io.tradekit.api.InvalidInputException if {@code value} is null or blank
     */
    public static Secret of(String value, String what) {
        if (value == null || value.isBlank()) throw new InvalidInputException(what + " is empty");
        return new Secret(value);
    }

    /**
     * The secret held by environment variable {@code variable}, named by {@code setting} of {@code owner} in the error when unset.
     *
     * @param owner    the plugin whose settings name the variable, for the error message
     * @param setting  the setting that names the variable, for the error message
     * @param variable the environment variable's name
     * @return the secret
     * @throws NullPointerException if {@code variable} is null
     * @throws io.tradekit.api.InvalidInputException if the variable is unset or blank (the message names the
     *         variable, never a value)
     */
    public static Secret fromEnvironment(String owner, String setting, String variable) {
        Objects.requireNonNull(variable, "variable");
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(owner + ": '" + setting + "' names environment variable " + variable + ", which is not set");
        }
        return new Secret(value);
    }

    /**
     * The secret itself, for the request that carries it.
     *
     * @return the secret's text; never log it
     */
    public String reveal() {
        return value;
    }

    /**
     * {@code text} with every occurrence of this secret replaced by {@code ***}.
     *
     * @param text a text that may contain the secret, e.g. an error body; may be null
     * @return the text without the secret, or null for null
     */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public String toString() {
        return "***";
    }
}
