package io.tradekit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.BoundedDecimal;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.UntrustedText;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one JSON object of a configuration file, read by name with their path: a field of the
 * wrong type, or one nobody asked for, becomes a {@link ConfigProblem} that names it (problems are
 * collected, so one pass reports them all). The value of a secret field is never quoted.
 */
final class ConfigFields {

    private static final int MAX_QUOTED = 60;

    private final ObjectNode node;
    private final String path;
    private final List<ConfigProblem> problems;

    ConfigFields(ObjectNode node, String path, List<ConfigProblem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The path of a field of this object, e.g. {@code exchange.settings}. */
    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    String path() {
        return path;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    void problem(String field, String message) {
        problems.add(new ConfigProblem(at(field), message));
    }

    /** A string; {@code expected} says what kind, e.g. {@code a timeframe such as "5m"}. */
    Optional<String> text(String field, String expected) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(field, "expected " + expected + ", got " + describe(v, false));
            return Optional.empty();
        }
        return Optional.of(v.asText().trim());
    }

    /** A string whose value is never repeated in a message. */
    Optional<String> secret(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(field, "expected a non-empty string, got " + describe(v, true));
            return Optional.empty();
        }
        return Optional.of(v.asText().trim());
    }

    /** A number, written as a JSON number or as a string holding one ({@code 0.05} or {@code "0.05"}). */
    Optional<BigDecimal> decimal(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        BigDecimal value = null;
        if (v.isNumber()) value = v.decimalValue();
        if (v.isTextual()) {
            try {
                value = new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (value == null) {
            problem(field, "expected a decimal number, got " + describe(v, false));
            return Optional.empty();
        }
        try {
            return Optional.of(BoundedDecimal.check(value, at(field)));
        } catch (InvalidInputException e) {
            problem(field, "expected a decimal number of at most " + BoundedDecimal.MAX_INTEGER_DIGITS + " digits before the point and "
                    + BoundedDecimal.MAX_FRACTION_DIGITS + " after it, got " + describe(v, false));
            return Optional.empty();
        }
    }

    Optional<Boolean> bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (v.isBoolean()) return Optional.of(v.booleanValue());
        problem(field, "expected true or false, got " + describe(v, false));
        return Optional.empty();
    }

    /** An ISO-8601 duration such as {@code "PT15M"}. */
    Optional<Duration> duration(String field) {
        Optional<String> text = text(field, "an ISO-8601 duration such as \"PT15M\"");
        if (text.isEmpty()) return Optional.empty();
        try {
            Duration d = Duration.parse(text.get());
            if (d.isNegative() || d.isZero()) {
                problem(field, "expected a positive duration, got \"" + text.get() + "\"");
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (DateTimeParseException e) {
            problem(field, "expected an ISO-8601 duration such as \"PT15M\", got \"" + quote(text.get()) + "\"");
            return Optional.empty();
        }
    }

    Optional<ConfigFields> object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!(v instanceof ObjectNode o)) {
            problem(field, "expected an object {...}, got " + describe(v, false));
            return Optional.empty();
        }
        return Optional.of(new ConfigFields(o, at(field), problems));
    }

    /** An array of objects, each read at its own path ({@code members[0]}); an element that is no object is a problem. */
    Optional<List<ConfigFields>> objects(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isArray()) {
            problem(field, "expected an array [...], got " + describe(v, false));
            return Optional.empty();
        }
        List<ConfigFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i) instanceof ObjectNode o) out.add(new ConfigFields(o, at(field) + "[" + i + "]", problems));
            else problems.add(new ConfigProblem(at(field) + "[" + i + "]", "expected an object {...}, got " + describe(v.get(i), false)));
        }
        return Optional.of(out);
    }

    /**
     * An array of non-empty strings, each problem named by its index ({@code pairs[1]}); {@code expected} says what one
     * is. A wrong entry is a problem and a null in the list, so that indices stay those of the file.
     */
    Optional<List<String>> textList(String field, String expected) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isArray()) {
            problem(field, "expected an array of " + expected + ", got " + describe(v, false));
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isTextual() && !e.asText().isBlank()) out.add(e.asText().trim());
            else {
                problem(field + "[" + i + "]", "expected " + expected + ", got " + describe(e, false));
                out.add(null);
            }
        }
        return Optional.of(out);
    }

    /**
     * An object of plain values (strings, numbers, booleans) as text, in file order: strategy parameters,
     * exchange settings, risk limits. A nested object, array or null is a problem naming the entry.
     */
    Map<String, String> scalars() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                out.put(e.getKey(), v.asText());
            } else if (v.isNumber()) {
                // Bounded before it is printed: toPlainString of 1E+999999999 would build a string of a billion digits.
                BigDecimal number = v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : v.decimalValue();
                try {
                    out.put(e.getKey(), BoundedDecimal.check(number, at(e.getKey())).toPlainString());
                } catch (InvalidInputException tooLarge) {
                    problem(e.getKey(), "expected a number of at most " + BoundedDecimal.MAX_INTEGER_DIGITS + " digits before the point and "
                            + BoundedDecimal.MAX_FRACTION_DIGITS + " after it, got " + describe(v, false));
                }
            } else if (v.isBoolean()) {
                out.put(e.getKey(), Boolean.toString(v.booleanValue()));
            } else {
                problem(e.getKey(), "expected a string, number or true/false, got " + describe(v, false));
            }
        }
        return out;
    }

    /** Refuses every field not in {@code known}, listing the known ones, so that a typo is never silently ignored. */
    void allowOnly(Set<String> known) {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) unknown.add(name);
        });
        for (String name : unknown) {
            problem(name, "unknown field; the fields known " + (path.isEmpty() ? "at the top level" : "in " + path) + " are "
                    + String.join(", ", new TreeSet<>(known)));
        }
    }

    /** A JSON value for a message: its kind, and its text unless it is secret. */
    static String describe(JsonNode v, boolean secret) {
        if (v.isNull()) return "null";
        if (v.isObject()) return "an object";
        if (v.isArray()) return "an array";
        if (secret) {
            if (v.isTextual()) return v.asText().isBlank() ? "an empty string" : "a string";
            return v.isNumber() ? "a number" : v.isBoolean() ? "true/false" : "a " + v.getNodeType().name().toLowerCase();
        }
        if (v.isTextual()) return v.asText().isBlank() ? "an empty string" : "the string \"" + quote(v.asText()) + "\"";
        if (v.isNumber()) return "the number " + UntrustedText.printable(v.isIntegralNumber() ? v.asText() : v.decimalValue().toString(), MAX_QUOTED, false);
        if (v.isBoolean()) return v.asText();
        return v.getNodeType().name().toLowerCase();
    }

    private static String quote(String text) {
        return UntrustedText.printable(text, MAX_QUOTED, false);
    }
}
