package io.tradekit.core.store;

import io.tradekit.api.Fill;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;

/** The writes every tradekit store refuses, worded the same whichever store refuses them. */
final class StoreRefusals {

    private StoreRefusals() {
    }

    /** A client order id written ahead twice would let one order be sent twice. */
    static InvalidInputException orderWrittenTwice(Order order, String store) {
        return new InvalidInputException("order " + order.clientOrderId() + " is already in " + store
                + "; a client order id is written ahead once, so that no order is sent twice");
    }

    /** Every fill must belong to an order of this bot, or positions could not be explained by orders. */
    static InvalidInputException fillOfUnknownOrder(Fill fill, String store) {
        return new InvalidInputException("fill " + fill.fillId() + " names order " + fill.clientOrderId()
                + ", which was never written to " + store + "; record the order before its fills");
    }
}
