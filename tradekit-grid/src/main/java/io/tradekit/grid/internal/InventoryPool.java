package io.tradekit.grid.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Inventory the grid holds that no pair owns yet: what the bootstrap bought before the pairs take it,
 * what pairs held when their grid was rebuilt, fills of orders cancelled too late. It keeps the cost
 * and fees of what it holds, so a pair that takes inventory takes its cost too; a share is exact
 * whenever the division is, and the last taker takes the exact remainder.
 */
final class InventoryPool {

    private static final MathContext SHARE = MathContext.DECIMAL128;

    BigDecimal quantity = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;

    void add(BigDecimal qty, BigDecimal addedCost, BigDecimal addedFees) {
        quantity = quantity.add(qty);
        cost = cost.add(addedCost);
        fees = fees.add(addedFees);
    }

    /** Takes {@code qty} (at most what there is) with its share of cost and fees; returns {qty, cost, fees}. */
    BigDecimal[] take(BigDecimal qty) {
        BigDecimal q = qty.min(quantity);
        if (q.signum() <= 0) return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal c;
        BigDecimal f;
        if (q.compareTo(quantity) == 0) {
            c = cost;
            f = fees;
        } else {
            c = cost.multiply(q).divide(quantity, SHARE);
            f = fees.multiply(q).divide(quantity, SHARE);
        }
        quantity = quantity.subtract(q);
        cost = cost.subtract(c);
        fees = fees.subtract(f);
        if (quantity.signum() == 0) {
            cost = BigDecimal.ZERO;
            fees = BigDecimal.ZERO;
        }
        return new BigDecimal[] {q, c, f};
    }

    boolean isEmpty() {
        return quantity.signum() <= 0;
    }
}
