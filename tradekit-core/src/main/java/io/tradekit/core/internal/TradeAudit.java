package io.tradekit.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;

/**
 * The audit lines of a running bot's trading: an order sent (actor: the tag of what asked for it), an order refused
 * before the venue (actor: the policy, sizing or state that refused it; inputs: the order's values, the bot's equity
 * and position when it was refused), a fill (actor: the venue), and an amend of an order's quantity, asked for or
 * refused (the asked-for line is the amend's write-ahead record, written whether or not trades are audited).
 */
final class TradeAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TradeAudit() {
    }

    static void order(BotEngine engine, Order order) {
        ObjectNode in = JSON.createObjectNode();
        in.put("clientOrderId", order.clientOrderId());
        in.put("symbol", order.symbol());
        in.put("side", order.side().name());
        in.put("type", order.type().name());
        in.put("quantity", order.quantity().toPlainString());
        order.limitPrice().ifPresent(p -> in.put("price", p.toPlainString()));
        in.put("reduceOnly", order.reduceOnly());
        engine.audit("order", actor(order.tag()), "sent " + order.side() + " " + order.quantity().toPlainString() + " " + order.symbol()
                + order.limitPrice().map(p -> " at " + p.toPlainString()).orElse(" at market"), in.toString());
    }

    static void amend(BotEngine engine, Order order, java.math.BigDecimal newQuantity) {
        ObjectNode in = JSON.createObjectNode();
        in.put("clientOrderId", order.clientOrderId());
        in.put("from", order.quantity().toPlainString());
        in.put("to", newQuantity.toPlainString());
        engine.audit("amend", actor(order.tag()), "order " + order.clientOrderId() + ": quantity " + order.quantity().toPlainString()
                + " -> " + newQuantity.toPlainString(), in.toString());
    }

    static void amendRefused(BotEngine engine, String clientOrderId, String reason) {
        ObjectNode in = JSON.createObjectNode();
        in.put("clientOrderId", clientOrderId);
        engine.audit("amend-denied", "engine", reason, in.toString());
    }

    static void refusal(BotEngine engine, OrderIntent intent, String by, String reason) {
        ObjectNode in = JSON.createObjectNode();
        in.put("policy", by);
        in.put("symbol", intent.symbol());
        in.put("side", intent.side().name());
        in.put("type", intent.type().name());
        in.put("quantity", intent.quantity().toPlainString());
        intent.limitPrice().ifPresent(p -> in.put("price", p.toPlainString()));
        in.put("tag", intent.tag());
        if (engine.portfolio != null) {
            in.put("equity", engine.equity().toPlainString());
            in.put("position", engine.portfolio.quantity(intent.symbol()).toPlainString());
        }
        in.put("state", engine.state.name());
        engine.audit("refusal", by, reason, in.toString());
    }

    static void fill(BotEngine engine, Fill fill) {
        ObjectNode in = JSON.createObjectNode();
        in.put("clientOrderId", fill.clientOrderId());
        in.put("fillId", fill.fillId());
        in.put("symbol", fill.symbol());
        in.put("side", fill.side().name());
        in.put("price", fill.price().toPlainString());
        in.put("quantity", fill.quantity().toPlainString());
        in.put("fee", fill.fee().toPlainString());
        in.put("feeAsset", fill.feeAsset());
        in.put("maker", fill.maker());
        engine.audit("fill", engine.venue.venue(), fill.side() + " " + fill.quantity().toPlainString() + " " + fill.symbol() + " at "
                + fill.price().toPlainString(), in.toString());
    }

    private static String actor(String tag) {
        return tag == null || tag.isBlank() ? "strategy" : tag;
    }
}
