package io.tradekit.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What a flatten did: the orders it cancelled, the closing orders it sent, what is left of the
 * position (dust below the instrument's minimums cannot be sold), how long it took and what failed.
 */
public record FlattenResult(int ordersCancelled, List<String> closingOrders, BigDecimal residualQuantity,
                            Duration duration, List<String> errors) {
    public FlattenResult {
        closingOrders = List.copyOf(closingOrders);
        errors = List.copyOf(errors);
    }

    public boolean isFlat() {
        return residualQuantity.signum() == 0;
    }
}
