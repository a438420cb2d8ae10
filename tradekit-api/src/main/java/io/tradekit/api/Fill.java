package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution against an order. {@code fillId} is the venue's trade id: the engine applies each
 * fill id exactly once, however many times it is reported.
 */
public record Fill(String fillId, String clientOrderId, String venueOrderId, String symbol, Side side,
                   BigDecimal price, BigDecimal quantity, BigDecimal fee, String feeAsset, Instant time, boolean maker) {
    public Fill {
        Objects.requireNonNull(fillId, "fillId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(feeAsset, "feeAsset");
        Objects.requireNonNull(time, "time");
        if (quantity.signum() <= 0) {
            throw new InvalidInputException("fill " + fillId + ": quantity must be positive, got " + quantity);
        }
        if (price.signum() <= 0) {
            throw new InvalidInputException("fill " + fillId + ": price must be positive, got " + price);
        }
    }

    public BigDecimal notional() {
        return price.multiply(quantity);
    }
}
