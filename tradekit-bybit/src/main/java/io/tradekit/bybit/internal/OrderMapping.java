package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Order;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.event.Event;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Orders both ways: an {@link OrderRequest} into a {@code /v5/order/create} body, and Bybit order
 * entries ({@code /v5/order/realtime}, {@code /v5/order/history}, {@code order} pushes) and executions
 * ({@code /v5/execution/list}, {@code execution} pushes) into {@link Order}, {@link OrderUpdate} and
 * {@link Fill}. {@code orderLinkId} is the client order id throughout.
 */
public final class OrderMapping {

    private OrderMapping() {
    }

    /**
     * The create body. A post-only order is a {@code Limit} with {@code timeInForce=PostOnly}. On spot a
     * market order carries {@code marketUnit=baseCoin}, so that a market buy is sized in the base coin like
     * every other order (Bybit reads a spot market buy's {@code qty} as quote coin otherwise); on linear
     * ({@code derivative}) quantities are always in the base coin, the order names the one-way position
     * ({@code positionIdx=0}) and carries {@code reduceOnly} when set. Spot has no reduce-only orders.
     */
    public static RequestText create(String category, boolean derivative, OrderRequest r) {
        RequestText body = new RequestText()
                .add("category", category)
                .add("symbol", r.symbol())
                .add("side", r.side() == Side.BUY ? "Buy" : "Sell")
                .add("orderType", r.type() == OrderType.MARKET ? "Market" : "Limit")
                .add("qty", VenueJson.plain(r.quantity()));
        if (r.type() == OrderType.MARKET) {
            if (!derivative) body.add("marketUnit", "baseCoin");
        } else {
            body.add("price", VenueJson.plain(r.limitPrice().orElseThrow(() -> new io.tradekit.api.InvalidInputException(
                    "bybit: " + r.type() + " order " + r.clientOrderId() + " has no limit price"))));
            body.add("timeInForce", r.type() == OrderType.LIMIT_MAKER ? "PostOnly" : r.timeInForce().name());
        }
        body.add("orderLinkId", r.clientOrderId());
        if (derivative) {
            body.integer("positionIdx", 0);
            if (r.reduceOnly()) body.flag("reduceOnly", true);
        }
        return body;
    }

    /** An order entry of a realtime or history list. */
    public static Order order(JsonNode o) {
        String type = VenueJson.text(o, "orderType");
        String tif = o.path("timeInForce").asText("GTC");
        BigDecimal price = Json.decimalOrZero(o, "price");
        OrderType orderType = type.equals("Market") ? OrderType.MARKET : tif.equals("PostOnly") ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
        Instant created = Instant.ofEpochMilli(o.hasNonNull("createdTime") ? VenueJson.integer(o, "createdTime") : 0);
        Instant updated = o.hasNonNull("updatedTime") ? Instant.ofEpochMilli(VenueJson.integer(o, "updatedTime")) : created;
        BigDecimal filled = Json.decimalOrZero(o, "cumExecQty");
        return new Order(VenueJson.text(o, "orderLinkId"), Optional.of(VenueJson.text(o, "orderId")), VenueJson.text(o, "symbol"), side(VenueJson.text(o, "side")),
                orderType, VenueJson.decimal(o, "qty"), orderType == OrderType.MARKET || price.signum() == 0 ? Optional.empty() : Optional.of(price),
                timeInForce(tif), o.path("reduceOnly").asBoolean(false), status(VenueJson.text(o, "orderStatus")), filled, average(o, filled), created, updated, "", reason(o));
    }

    /** An {@code order} push entry as an update of the order's cumulative state. */
    public static OrderUpdate update(JsonNode o) {
        Order order = order(o);
        return new OrderUpdate(order.clientOrderId(), order.venueOrderId(), order.symbol(), order.status(), order.filledQuantity(),
                order.averageFillPrice(), order.updatedAt(), order.reason());
    }

    /** An execution of type {@code Trade}; other types (funding, liquidation, settlement) are not fills of the account's orders. */
    public static Optional<Fill> fill(JsonNode e) {
        String execType = e.path("execType").asText("Trade");
        if (!execType.equals("Trade")) return Optional.empty();
        return Optional.of(execution(e));
    }

    /** The execution's type: {@code Trade}, {@code Funding}, {@code BustTrade} (a liquidation), ... */
    public static String type(JsonNode e) {
        return e.path("execType").asText("Trade");
    }

    /** An execution as a fill, whatever its type. */
    static Fill execution(JsonNode e) {
        return new Fill(VenueJson.text(e, "execId"), VenueJson.text(e, "orderLinkId"), VenueJson.text(e, "orderId"), VenueJson.text(e, "symbol"),
                side(VenueJson.text(e, "side")), VenueJson.decimal(e, "execPrice"), VenueJson.decimal(e, "execQty"), Json.decimalOrZero(e, "execFee"),
                e.path("feeCurrency").asText(""), Instant.ofEpochMilli(VenueJson.integer(e, "execTime")), Json.bool(e, "isMaker"));
    }

    /**
     * A {@code Funding} execution as the payment of the position: {@code side} is the position's ({@code Buy}
     * long, {@code Sell} short), {@code execQty} its size, {@code execPrice} the mark, {@code execFee} what the
     * account paid (negative: received) and {@code feeRate} the rate seen from the position (Bybit: "for
     * side=Sell, feeRate = - market fee rate"), so the market's rate is {@code feeRate} for a long and its
     * negation for a short.
     */
    public static FundingPayment funding(JsonNode e) {
        boolean isLong = side(VenueJson.text(e, "side")) == Side.BUY;
        BigDecimal size = VenueJson.decimal(e, "execQty");
        BigDecimal rate = Json.decimalOrZero(e, "feeRate");
        BigDecimal mark = e.hasNonNull("markPrice") && !e.get("markPrice").asText().isEmpty() ? VenueJson.decimal(e, "markPrice") : VenueJson.decimal(e, "execPrice");
        return new FundingPayment(VenueJson.text(e, "symbol"), Instant.ofEpochMilli(VenueJson.integer(e, "execTime")), isLong ? rate : rate.negate(), mark,
                isLong ? size : size.negate(), Json.decimalOrZero(e, "execFee"));
    }

    /**
     * A {@code BustTrade} execution (Bybit took over the position to liquidate it) as the venue's own closing
     * order and its fill. The order is named {@code liq-} and the venue's order id's letters and digits (at most
     * 36 characters), tagged {@code liquidation}, filled at once.
     */
    public static Event.PositionLiquidated liquidation(JsonNode e) {
        Fill raw = execution(e);
        String id = ("liq-" + raw.venueOrderId().replaceAll("[^A-Za-z0-9]", ""));
        id = id.substring(0, Math.min(36, id.length()));
        Fill fill = new Fill(raw.fillId(), id, raw.venueOrderId(), raw.symbol(), raw.side(), raw.price(), raw.quantity(), raw.fee(),
                raw.feeAsset(), raw.time(), false);
        Order order = new Order(id, Optional.of(raw.venueOrderId()), raw.symbol(), raw.side(), OrderType.MARKET, raw.quantity(), Optional.empty(),
                TimeInForce.IOC, true, OrderStatus.FILLED, raw.quantity(), raw.price(), raw.time(), raw.time(), "liquidation",
                Optional.of("liquidated by the venue"));
        return new Event.PositionLiquidated(order, fill);
    }

    /** Bybit order status into ours; a spot IOC/FOK that did not fill ends {@code Cancelled} at Bybit. */
    public static OrderStatus status(String bybit) {
        return switch (bybit) {
            case "New", "Untriggered", "Triggered" -> OrderStatus.NEW;
            case "PartiallyFilled" -> OrderStatus.PARTIALLY_FILLED;
            case "Filled" -> OrderStatus.FILLED;
            case "Cancelled", "PartiallyFilledCanceled", "Deactivated" -> OrderStatus.CANCELED;
            case "Rejected" -> OrderStatus.REJECTED;
            default -> throw new MalformedMessage("unknown orderStatus '" + bybit + "'");
        };
    }

    static Side side(String bybit) {
        return switch (bybit) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> throw new MalformedMessage("unknown side '" + bybit + "'");
        };
    }

    static TimeInForce timeInForce(String bybit) {
        return switch (bybit) {
            case "IOC" -> TimeInForce.IOC;
            case "FOK" -> TimeInForce.FOK;
            default -> TimeInForce.GTC;
        };
    }

    private static BigDecimal average(JsonNode o, BigDecimal filled) {
        BigDecimal avg = Json.decimalOrZero(o, "avgPrice");
        if (avg.signum() > 0 || filled.signum() == 0) return avg;
        BigDecimal value = Json.decimalOrZero(o, "cumExecValue");
        return value.signum() > 0 ? value.divide(filled, MathContext.DECIMAL64).stripTrailingZeros() : BigDecimal.ZERO;
    }

    private static Optional<String> reason(JsonNode o) {
        String reason = o.path("rejectReason").asText("");
        return reason.isEmpty() || reason.equals("EC_NoError") ? Optional.empty() : Optional.of(reason);
    }
}
