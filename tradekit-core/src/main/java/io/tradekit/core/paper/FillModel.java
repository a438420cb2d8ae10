package io.tradekit.core.paper;

import io.tradekit.api.InvalidInputException;

/** Where a paper market order fills when prices come from bars. */
public enum FillModel {
    /** At the close of the bar that produced the order: the price the strategy saw. */
    CLOSE,
    /** At the open of the next bar: the first price anyone could really have traded at. */
    NEXT_OPEN;

    /**
     * Reads a fill model as written in a configuration or on the command line.
     *
     * @param text {@code close} or {@code next-open} ({@code next_open} too), in any case, with surrounding blanks allowed
     * @return the fill model
     * @throws InvalidInputException if the text names no fill model (null included)
     */
    public static FillModel parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase()) {
            case "close" -> CLOSE;
            case "next-open", "next_open" -> NEXT_OPEN;
            default -> throw new InvalidInputException("fill model '" + text + "' is unknown; use close or next-open");
        };
    }

    /**
     * The fill model as {@link #parse} reads it.
     *
     * @return {@code close} or {@code next-open}
     */
    public String label() {
        return this == CLOSE ? "close" : "next-open";
    }
}
