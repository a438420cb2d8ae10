package io.tradekit.core.net;

import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A venue's HTTP answer: status, headers and the body as text.
 *
 * @param status the HTTP status code
 * @param headers the answer's headers; never null
 * @param body the body as text; empty (never null) when there was none
 */
public record HttpReply(int status, HttpHeaders headers, String body) {

    /**
     * Checks the headers; a null body becomes empty.
     *
     * @throws NullPointerException if {@code headers} is null
     */
    public HttpReply {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? "" : body;
    }

    /**
     * Whether the status is 2xx.
     *
     * @return true for 200 to 299
     */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * The first value of a header.
     *
     * @param name the header's name, in any case
     * @return the value, or empty when absent
     */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * A header holding a whole number; empty when absent or not a number.
     *
     * @param name the header's name, in any case
     * @return the parsed value of its first occurrence
     */
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
