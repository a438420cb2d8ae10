package io.tradekit.binance.internal;

import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;

import java.math.BigDecimal;

/**
 * The filters of one symbol that {@link io.tradekit.api.Instrument} does not carry, as exchangeInfo
 * gives them: PRICE_FILTER's {@code minPrice}/{@code maxPrice}, LOT_SIZE's {@code maxQty},
 * MARKET_LOT_SIZE, and NOTIONAL's {@code maxNotional} with its {@code applyMinToMarket} /
 * {@code applyMaxToMarket} flags. A zero bound is disabled, as at Binance. {@link #check} refuses an
 * order that Binance would refuse with {@code -1013 Filter failure}, before it is sent.
 *
 * <p>Market orders are checked against MARKET_LOT_SIZE only: their notional is judged by Binance against
 * its own average price over {@code avgPriceMins}, which the adapter does not know.
 */
public record SymbolFilters(BigDecimal minPrice, BigDecimal maxPrice, BigDecimal maxQuantity,
                            BigDecimal marketMinQuantity, BigDecimal marketMaxQuantity, BigDecimal marketStepSize,
                            BigDecimal minNotional, boolean applyMinToMarket, BigDecimal maxNotional, boolean applyMaxToMarket) {

    /** Filters that refuse nothing. */
    public static SymbolFilters none() {
        BigDecimal z = BigDecimal.ZERO;
        return new SymbolFilters(z, z, z, z, z, z, z, true, z, false);
    }

    /** Refuses {@code r} naming the broken filter, as Binance's {@code Filter failure: NAME} would. */
    public void check(OrderRequest r) {
        BigDecimal quantity = r.quantity();
        if (r.type() == OrderType.MARKET) {
            if (marketMinQuantity.signum() > 0 && quantity.compareTo(marketMinQuantity) < 0) {
                throw refused("MARKET_LOT_SIZE", r, "quantity " + quantity.toPlainString() + " is below the market minimum " + plain(marketMinQuantity));
            }
            if (marketMaxQuantity.signum() > 0 && quantity.compareTo(marketMaxQuantity) > 0) {
                throw refused("MARKET_LOT_SIZE", r, "quantity " + quantity.toPlainString() + " is above the market maximum " + plain(marketMaxQuantity));
            }
            if (marketStepSize.signum() > 0 && quantity.remainder(marketStepSize).signum() != 0) {
                throw refused("MARKET_LOT_SIZE", r, "quantity " + quantity.toPlainString() + " is not a multiple of the market step " + plain(marketStepSize));
            }
            return;
        }
        if (maxQuantity.signum() > 0 && quantity.compareTo(maxQuantity) > 0) {
            throw refused("LOT_SIZE", r, "quantity " + quantity.toPlainString() + " is above the maximum " + plain(maxQuantity));
        }
        if (r.limitPrice().isEmpty()) {
            return;
        }
        BigDecimal price = r.limitPrice().get();
        if (minPrice.signum() > 0 && price.compareTo(minPrice) < 0) {
            throw refused("PRICE_FILTER", r, "price " + price.toPlainString() + " is below the minimum " + plain(minPrice));
        }
        if (maxPrice.signum() > 0 && price.compareTo(maxPrice) > 0) {
            throw refused("PRICE_FILTER", r, "price " + price.toPlainString() + " is above the maximum " + plain(maxPrice));
        }
        BigDecimal notional = price.multiply(quantity);
        if (maxNotional.signum() > 0 && notional.compareTo(maxNotional) > 0) {
            throw refused("NOTIONAL", r, "notional " + plain(notional) + " is above the maximum " + plain(maxNotional));
        }
    }

    private static OrderRejectedException refused(String filter, OrderRequest r, String why) {
        return new OrderRejectedException(filter, "binance " + r.symbol() + " (client order id " + r.clientOrderId() + "): filter "
                + filter + ": " + why);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
