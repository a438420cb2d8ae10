package io.tradekit.core.perp;

import io.tradekit.api.MarginRules;

import java.math.BigDecimal;

/**
 * The margin rules the paper venue gives a perpetual made from bars alone (the command line's
 * {@code --market perp}): leverage up to 100x, one tier with a maintenance margin of 0.5 % of the notional,
 * a liquidation fee of 0.06 % of the notional, and funding every eight hours. These are round figures of
 * the size venues use for their most traded symbols, not any venue's table: a host that simulates a real
 * symbol gives its instrument with the venue's rules instead.
 */
public final class PaperMarginRules {

    /** Up to 100x leverage, maintenance margin 0.005 (0.5 %) and liquidation fee 0.0006 (0.06 %) of the notional. */
    public static final MarginRules DEFAULT = MarginRules.flat(new BigDecimal("100"), new BigDecimal("0.005"), new BigDecimal("0.0006"));

    private PaperMarginRules() {
    }
}
