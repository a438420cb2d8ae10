package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution against an order. {@code fillId} is the venue's trade id: the engine applies each
 * fill (by symbol, client order id and trade id) exactly once, however many times it is reported.
 *
 * @param fillId        the venue's trade id
 * @param clientOrderId the bot's id of the order that filled
 * @param venueOrderId  the venue's id of that order
 * @param symbol        the venue's symbol
 * @param side          the order's side
 * @param price         the execution price, positive
 * @param quantity      the base quantity executed, positive
 * @param fee           the fee charged for this execution, in {@code feeAsset}
 * @param feeAsset      the asset the fee was charged in
 * @param time          when the venue executed it
 * @param maker         whether the order rested in the book (maker) rather than took liquidity (taker)
 */
public record Fill(String fillId, String clientOrderId, String venueOrderId, String symbol, Side side,
                   BigDecimal price, BigDecimal quantity, BigDecimal fee, String feeAsset, Instant time, boolean maker) {
    /** Checks that every field is given and that price and quantity are positive. */
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

    /**
     * The execution's value in the quote asset.
     *
     * @return price times quantity
     */
    public BigDecimal notional() {
        return price.multiply(quantity);
    }
}
