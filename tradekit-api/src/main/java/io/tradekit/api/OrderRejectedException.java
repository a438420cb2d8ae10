package io.tradekit.api;

/**
 * An order refused before or at a venue because it breaks a rule (tick size, step size, minimum
 * quantity or notional, balance). {@link #rule()} names the rule, e.g. {@code PRICE_FILTER}.
 */
public class OrderRejectedException extends TradeKitException {
    /** The rule the order breaks. */
    private final String rule;

    /**
     * An order refused under a rule, of some category.
     *
     * @param category e.g. INVALID_ORDER or INSUFFICIENT_FUNDS
     * @param rule     the rule it breaks, e.g. {@code LOT_SIZE}
     * @param message  the order's figures and the rule's
     */
    public OrderRejectedException(ErrorCategory category, String rule, String message) {
        super(category, message);
        this.rule = rule;
    }

    /**
     * An order refused for breaking one of its instrument's filters.
     *
     * @param rule    the rule it breaks, e.g. {@code PRICE_FILTER}
     * @param message the order's figures and the rule's
     */
    public OrderRejectedException(String rule, String message) {
        this(ErrorCategory.INVALID_ORDER, rule, message);
    }

    /**
     * The rule the order breaks.
     *
     * @return e.g. {@code PRICE_FILTER}, {@code LOT_SIZE}, {@code MIN_NOTIONAL}
     */
    public String rule() {
        return rule;
    }
}
