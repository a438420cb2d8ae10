package io.tradekit.core.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
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

    private TradeAudit() {
    }

    /**
     * An audit line's inputs as compact JSON text, written straight to a buffer: every order and fill of a live bot
     * writes one on its loop, and a tree of nodes serialized afterwards cost several times the allocation for the
     * same text (members in the order given, strings escaped as Jackson escapes them).
     */
    static final class Inputs {
        private final StringBuilder json = new StringBuilder(192).append('{');

        Inputs put(String name, String value) {
            if (value == null) {
                name(name).append("null");
                return this;
            }
            name(name).append('"');
            JsonStringEncoder.getInstance().quoteAsString(value, json);
            json.append('"');
            return this;
        }

        Inputs put(String name, boolean value) {
            name(name).append(value);
            return this;
        }

        private StringBuilder name(String name) {
            if (json.length() > 1) json.append(',');
            json.append('"');
            JsonStringEncoder.getInstance().quoteAsString(name, json);
            return json.append("\":");
        }

        @Override
        public String toString() {
            String text = json.append('}').toString();
            json.setLength(json.length() - 1);
            return text;
        }
    }

    static void order(BotEngine engine, Order order) {
        Inputs in = new Inputs();
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
        Inputs in = new Inputs();
        in.put("clientOrderId", order.clientOrderId());
        in.put("from", order.quantity().toPlainString());
        in.put("to", newQuantity.toPlainString());
        engine.audit("amend", actor(order.tag()), "order " + order.clientOrderId() + ": quantity " + order.quantity().toPlainString()
                + " -> " + newQuantity.toPlainString(), in.toString());
    }

    static void amendRefused(BotEngine engine, String clientOrderId, String reason) {
        Inputs in = new Inputs();
        in.put("clientOrderId", clientOrderId);
        engine.audit("amend-denied", "engine", reason, in.toString());
    }

    static void refusal(BotEngine engine, OrderIntent intent, String by, String reason) {
        Inputs in = new Inputs();
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
        Inputs in = new Inputs();
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
