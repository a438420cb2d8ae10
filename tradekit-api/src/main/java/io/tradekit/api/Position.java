package io.tradekit.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A bot's holding in one symbol. {@code quantity} is signed (negative is short); {@code averageCost}
 * is the average entry price of the open quantity; realized PnL and fees are in the quote asset.
 */
public record Position(String symbol, BigDecimal quantity, BigDecimal averageCost, BigDecimal realizedPnl, BigDecimal fees) {
    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageCost, "averageCost");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(fees, "fees");
    }

    public static Position flat(String symbol) {
        return new Position(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public boolean isFlat() {
        return quantity.signum() == 0;
    }

    public BigDecimal unrealizedPnl(BigDecimal markPrice) {
        return markPrice.subtract(averageCost).multiply(quantity);
    }
}
