package io.tradekit.grid;

import io.tradekit.api.InvalidInputException;

/** How grid levels step away from the centre. */
public enum SpacingMode {
    /** Every level is the same price distance from the next: {@code center + i * step}. */
    ARITHMETIC,
    /** Every level is the same ratio from the next: {@code center * (1 + p)^i}. */
    GEOMETRIC;

    /**
     * Parses {@code arithmetic} or {@code geometric}, ignoring case and surrounding blanks.
     *
     * @param text  the text to parse; null is refused like any other unknown text
     * @param field the setting's name, for the error message
     * @return the mode
     * @throws io.tradekit.api.InvalidInputException if {@code text} is neither, naming {@code field}
     */
    public static SpacingMode parse(String text, String field) {
        return switch (text == null ? "" : text.trim().toLowerCase()) {
            case "arithmetic" -> ARITHMETIC;
            case "geometric" -> GEOMETRIC;
            default -> throw new InvalidInputException("grid: '" + field + "' is '" + text + "', expected arithmetic or geometric");
        };
    }
}
