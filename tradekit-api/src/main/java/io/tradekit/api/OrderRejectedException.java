package io.tradekit.api;

/**
 * An order refused before or at a venue because it breaks a rule (tick size, step size, minimum
 * quantity or notional, balance). {@link #rule()} names the rule, e.g. {@code PRICE_FILTER}.
 */
public class OrderRejectedException extends TradeKitException {
    private final String rule;

    public OrderRejectedException(ErrorCategory category, String rule, String message) {
        super(category, message);
        this.rule = rule;
    }

    public OrderRejectedException(String rule, String message) {
        this(ErrorCategory.INVALID_ORDER, rule, message);
    }

    public String rule() {
        return rule;
    }
}
