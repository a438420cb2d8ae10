package io.tradekit.core.net;

import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A venue's HTTP answer: status, headers and the body as text. */
public record HttpReply(int status, HttpHeaders headers, String body) {

    public HttpReply {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? "" : body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** A header holding a whole number; empty when absent or not a number. */
    public OptionalLong longHeader(String name) {
        Optional<String> value = header(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
