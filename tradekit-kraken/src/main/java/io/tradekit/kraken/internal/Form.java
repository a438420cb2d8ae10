package io.tradekit.kraken.internal;

import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A form body or query string in the order the parameters were added, values URL-encoded. */
public final class Form {

    private final StringBuilder text = new StringBuilder();

    public Form add(String name, String value) {
        if (!text.isEmpty()) text.append('&');
        text.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    public Form add(String name, long value) {
        return add(name, Long.toString(value));
    }

    public Form add(String name, BigDecimal value) {
        return add(name, VenueJson.plain(value));
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
