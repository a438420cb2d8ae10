package io.tradekit.control.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one rule for names of bots, tenants and users: 1 to 64 letters, digits, '.', '_' or '-'. It keeps them
 * safe in URLs, metric labels and log lines, and it is what lets the metrics be filtered by tenant as text.
 */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Names() {
    }

    public static String check(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }
}
