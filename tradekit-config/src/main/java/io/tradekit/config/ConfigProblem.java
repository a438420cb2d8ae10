package io.tradekit.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration: the field's path in the file (e.g. {@code exchange.settings.restUrl},
 * or {@code (file)} for the file as a whole) and what is wrong, including what was expected.
 *
 * @param field   the field's path, or {@link BotConfigReader#WHOLE_FILE}
 * @param message what is wrong and what was expected; never a secret's value
 */
public record ConfigProblem(String field, String message) {

    /**
     * Checks that both parts are given.
     *
     * @throws NullPointerException when field or message is null
     */
    public ConfigProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The problem as one line of an error message.
     *
     * @return {@code field: message}
     */
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
