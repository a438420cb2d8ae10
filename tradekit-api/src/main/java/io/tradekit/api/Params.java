package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Named text parameters for a plugin (strategy, policy, adapter, store), with typed getters whose
 * errors name the owner and the parameter.
 *
 * <pre>{@code Params p = Params.of("sma-cross", Map.of("fast", "10"));
 * int fast = p.integer("fast", 10);}</pre>
 */
public record Params(String owner, Map<String, String> values) {

    public Params {
        Objects.requireNonNull(owner, "owner");
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Params of(String owner, Map<String, String> values) {
        return new Params(owner, values);
    }

    public static Params empty(String owner) {
        return new Params(owner, Map.of());
    }

    public Set<String> names() {
        return values.keySet();
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    public String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    public String requiredText(String name) {
        return text(name).orElseThrow(() -> new InvalidInputException(owner + ": parameter '" + name + "' is required"));
    }

    public int integer(String name, int fallback) {
        return text(name).map(v -> parseInt(name, v)).orElse(fallback);
    }

    public long longValue(String name, long fallback) {
        return text(name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw bad(name, v, "a whole number");
            }
        }).orElse(fallback);
    }

    public Optional<BigDecimal> decimal(String name) {
        return text(name).map(v -> BoundedDecimal.parse(v, owner + ": parameter '" + name + "'"));
    }

    public BigDecimal decimal(String name, BigDecimal fallback) {
        return decimal(name).orElse(fallback);
    }

    public boolean bool(String name, boolean fallback) {
        return text(name).map(v -> switch (v.toLowerCase()) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad(name, v, "true or false");
        }).orElse(fallback);
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        return text(name).map(v -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(v.replace('-', '_'))) return e;
            }
            throw bad(name, v, "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase());
        }).orElse(fallback);
    }

    /** Refuses any parameter not in {@code known}, so that a typo is not silently ignored. */
    public Params requireOnly(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidInputException(owner + ": unknown parameter " + UntrustedText.quote(name) + "; known parameters are "
                        + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
        return this;
    }

    private int parseInt(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(name, v, "a whole number");
        }
    }

    private InvalidInputException bad(String name, String value, String expected) {
        return new InvalidInputException(owner + ": parameter '" + name + "' is " + UntrustedText.quote(value) + ", expected " + expected);
    }
}
