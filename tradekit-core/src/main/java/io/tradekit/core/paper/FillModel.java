package io.tradekit.core.paper;

import io.tradekit.api.InvalidInputException;

/** Where a paper market order fills when prices come from bars. */
public enum FillModel {
    /** At the close of the bar that produced the order: the price the strategy saw. */
    CLOSE,
    /** At the open of the next bar: the first price anyone could really have traded at. */
    NEXT_OPEN;

    public static FillModel parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase()) {
            case "close" -> CLOSE;
            case "next-open", "next_open" -> NEXT_OPEN;
            default -> throw new InvalidInputException("fill model '" + text + "' is unknown; use close or next-open");
        };
    }

    public String label() {
        return this == CLOSE ? "close" : "next-open";
    }
}
