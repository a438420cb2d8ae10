package io.tradekit.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration: the field's path in the file (e.g. {@code exchange.settings.restUrl},
 * or {@code (file)} for the file as a whole) and what is wrong, including what was expected.
 */
public record ConfigProblem(String field, String message) {

    public ConfigProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
