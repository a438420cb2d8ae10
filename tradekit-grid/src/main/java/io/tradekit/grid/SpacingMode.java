package io.tradekit.grid;

import io.tradekit.api.InvalidInputException;

/** How grid levels step away from the centre. */
public enum SpacingMode {
    /** Every level is the same price distance from the next: {@code center + i * step}. */
    ARITHMETIC,
    /** Every level is the same ratio from the next: {@code center * (1 + p)^i}. */
    GEOMETRIC;

    /** Parses {@code arithmetic} or {@code geometric}; an error names {@code field}. */
    public static SpacingMode parse(String text, String field) {
        return switch (text == null ? "" : text.trim().toLowerCase()) {
            case "arithmetic" -> ARITHMETIC;
            case "geometric" -> GEOMETRIC;
            default -> throw new InvalidInputException("grid: '" + field + "' is '" + text + "', expected arithmetic or geometric");
        };
    }
}
