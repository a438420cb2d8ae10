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
 *
 * @param owner  who the parameters are for, named in every error (e.g. the strategy's name)
 * @param values the parameters by name, as text
 */
public record Params(String owner, Map<String, String> values) {

    /** Copies the values, sorted by name. */
    public Params {
        Objects.requireNonNull(owner, "owner");
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * Parameters for {@code owner}.
     *
     * @param owner  who they are for
     * @param values the parameters by name
     * @return the parameters
     */
    public static Params of(String owner, Map<String, String> values) {
        return new Params(owner, values);
    }

    /**
     * No parameters: every getter gives its fallback.
     *
     * @param owner who they are for
     * @return empty parameters
     */
    public static Params empty(String owner) {
        return new Params(owner, Map.of());
    }

    /**
     * The names given.
     *
     * @return every parameter's name, sorted
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * A parameter's text, trimmed.
     *
     * @param name the parameter
     * @return its text, empty when missing or blank
     */
    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * A parameter's text, or a fallback.
     *
     * @param name     the parameter
     * @param fallback what a missing or blank parameter gives
     * @return its trimmed text or the fallback
     */
    public String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    /**
     * A parameter that must be given.
     *
     * @param name the parameter
     * @return its trimmed text
     * @throws InvalidInputException naming the owner and the parameter when it is missing
     */
    public String requiredText(String name) {
        return text(name).orElseThrow(() -> new InvalidInputException(owner + ": parameter '" + name + "' is required"));
    }

    /**
     * A whole-number parameter.
     *
     * @param name     the parameter
     * @param fallback what a missing parameter gives
     * @return its value
     * @throws InvalidInputException naming owner, parameter and value when it is not a whole number
     */
    public int integer(String name, int fallback) {
        return text(name).map(v -> parseInt(name, v)).orElse(fallback);
    }

    /**
     * A long whole-number parameter.
     *
     * @param name     the parameter
     * @param fallback what a missing parameter gives
     * @return its value
     * @throws InvalidInputException naming owner, parameter and value when it is not a whole number
     */
    public long longValue(String name, long fallback) {
        return text(name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw bad(name, v, "a whole number");
            }
        }).orElse(fallback);
    }

    /**
     * A decimal parameter, bounded in magnitude and scale ({@link BoundedDecimal}).
     *
     * @param name the parameter
     * @return its value, empty when missing
     * @throws InvalidInputException naming owner and parameter when it is not a decimal in bounds
     */
    public Optional<BigDecimal> decimal(String name) {
        return text(name).map(v -> BoundedDecimal.parse(v, owner + ": parameter '" + name + "'"));
    }

    /**
     * A decimal parameter, or a fallback.
     *
     * @param name     the parameter
     * @param fallback what a missing parameter gives
     * @return its value or the fallback
     */
    public BigDecimal decimal(String name, BigDecimal fallback) {
        return decimal(name).orElse(fallback);
    }

    /**
     * A true/false parameter: true, yes, 1 or false, no, 0.
     *
     * @param name     the parameter
     * @param fallback what a missing parameter gives
     * @return its value
     * @throws InvalidInputException naming owner, parameter and value otherwise
     */
    public boolean bool(String name, boolean fallback) {
        return text(name).map(v -> switch (v.toLowerCase()) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad(name, v, "true or false");
        }).orElse(fallback);
    }

    /**
     * A parameter naming one constant of an enum, case-insensitively, with {@code -} for {@code _}.
     *
     * @param name     the parameter
     * @param type     the enum
     * @param fallback what a missing parameter gives
     * @param <E>      the enum's type
     * @return the constant
     * @throws InvalidInputException listing the choices when it names none
     */
    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        return text(name).map(v -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(v.replace('-', '_'))) return e;
            }
            throw bad(name, v, "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase());
        }).orElse(fallback);
    }

    /**
     * Refuses any parameter not in {@code known}, so that a typo is not silently ignored.
     *
     * @param known the parameters the owner reads
     * @return these parameters
     * @throws InvalidInputException naming the unknown parameter and the known ones
     */
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
