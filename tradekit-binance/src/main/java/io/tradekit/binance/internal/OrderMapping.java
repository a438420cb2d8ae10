package io.tradekit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.binance.BinanceConfig;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders both ways: an {@link OrderRequest} into {@code POST /api/v3/order} parameters, and Binance order
 * answers (RESULT/FULL responses, query and open-order answers, {@code executionReport} events) into
 * {@link OrderAck}, {@link Order}, {@link OrderUpdate} and {@link Fill}.
 */
public final class OrderMapping {

    private OrderMapping() {
    }

    /** The new-order parameters, without timestamp and signature; {@code stp} is sent when configured. */
    public static QueryString newOrder(OrderRequest r, BinanceConfig.OrderResponse response, Optional<BinanceConfig.SelfTradePrevention> stp) {
        QueryString q = orderFields(r);
        q.add("newClientOrderId", r.clientOrderId()).add("newOrderRespType", response.name());
        stp.ifPresent(mode -> q.add("selfTradePreventionMode", mode.name()));
        return q;
    }

    /**
     * A MARKET order for an amount of the quote asset ({@code quoteOrderQty}): a buy spends it, a sell
     * receives it; Binance works out the base quantity (rest-api.md, "New order", MARKET).
     */
    public static QueryString marketByQuote(String clientOrderId, String symbol, Side side, BigDecimal quoteAmount,
                                            BinanceConfig.OrderResponse response, Optional<BinanceConfig.SelfTradePrevention> stp) {
        QueryString q = new QueryString().add("symbol", symbol).add("side", side.name()).add("type", OrderType.MARKET.name())
                .add("quoteOrderQty", VenueJson.plain(quoteAmount)).add("newClientOrderId", clientOrderId).add("newOrderRespType", response.name());
        stp.ifPresent(mode -> q.add("selfTradePreventionMode", mode.name()));
        return q;
    }

    /** Side, type, time in force, quantity and price of {@code r}, in the order Binance lists them. */
    public static QueryString orderFields(OrderRequest r) {
        QueryString q = new QueryString()
                .add("symbol", r.symbol())
                .add("side", r.side().name())
                .add("type", r.type().name());
        if (r.type() == OrderType.LIMIT) {
            q.add("timeInForce", r.timeInForce().name());
        }
        q.add("quantity", VenueJson.plain(r.quantity()));
        r.limitPrice().ifPresent(p -> q.add("price", VenueJson.plain(p)));
        return q;
    }

    /** A RESULT or FULL new-order answer. FULL {@code fills} become {@link Fill}s; they took liquidity, so they are not maker fills. */
    public static OrderAck ack(JsonNode r) {
        String clientOrderId = VenueJson.text(r, "clientOrderId");
        String orderId = VenueJson.text(r, "orderId");
        String symbol = VenueJson.text(r, "symbol");
        Instant time = Instant.ofEpochMilli(VenueJson.integer(r, "transactTime"));
        OrderStatus status = r.has("status") ? status(VenueJson.text(r, "status")) : OrderStatus.NEW;
        BigDecimal executed = r.has("executedQty") ? VenueJson.decimal(r, "executedQty") : BigDecimal.ZERO;
        List<Fill> fills = new ArrayList<>();
        if (r.hasNonNull("fills")) {
            JsonNode fillNodes = VenueJson.array(r, "fills");
            Side side = Side.valueOf(VenueJson.text(r, "side"));
            for (JsonNode f : fillNodes) {
                fills.add(new Fill(VenueJson.text(f, "tradeId"), clientOrderId, orderId, symbol, side, VenueJson.decimal(f, "price"),
                        VenueJson.decimal(f, "qty"), VenueJson.decimal(f, "commission"), VenueJson.optionalText(f, "commissionAsset", ""), time, false));
            }
        }
        return new OrderAck(clientOrderId, orderId, status, executed, time, fills);
    }

    /** A query-order or open-orders entry (also a cancel answer, whose {@code origClientOrderId} is the order's id). */
    public static Order order(JsonNode r) {
        String clientOrderId = r.hasNonNull("origClientOrderId") ? VenueJson.text(r, "origClientOrderId") : VenueJson.text(r, "clientOrderId");
        BigDecimal price = VenueJson.decimal(r, "price");
        BigDecimal executed = VenueJson.decimal(r, "executedQty");
        BigDecimal quote = r.hasNonNull("cummulativeQuoteQty") ? VenueJson.decimal(r, "cummulativeQuoteQty") : BigDecimal.ZERO;
        Instant created = Instant.ofEpochMilli(r.hasNonNull("time") ? VenueJson.integer(r, "time")
                : r.hasNonNull("transactTime") ? VenueJson.integer(r, "transactTime") : 0);
        Instant updated = r.hasNonNull("updateTime") ? Instant.ofEpochMilli(VenueJson.integer(r, "updateTime")) : created;
        return new Order(clientOrderId, Optional.of(VenueJson.text(r, "orderId")), VenueJson.text(r, "symbol"), Side.valueOf(VenueJson.text(r, "side")),
                type(VenueJson.text(r, "type")), VenueJson.decimal(r, "origQty"),
                price.signum() > 0 ? Optional.of(price) : Optional.empty(), timeInForce(VenueJson.optionalText(r, "timeInForce", "GTC")), false,
                status(VenueJson.text(r, "status")), executed, average(quote, executed), created, updated, "", Optional.empty());
    }

    /**
     * The {@code amendedOrder} of an amend-keep-priority answer (rest-api.md, "Order Amend Keep Priority"): it
     * names the quantity {@code qty} and the quote total {@code cumulativeQuoteQty}, and {@code clientOrderId}
     * is the order's id after the amend.
     */
    public static Order amendedOrder(JsonNode answer) {
        JsonNode r = VenueJson.requireObject(answer.path("amendedOrder"), "amendedOrder");
        Instant time = Instant.ofEpochMilli(VenueJson.integer(answer, "transactTime"));
        BigDecimal price = VenueJson.decimal(r, "price");
        BigDecimal executed = VenueJson.decimal(r, "executedQty");
        BigDecimal quote = r.hasNonNull("cumulativeQuoteQty") ? VenueJson.decimal(r, "cumulativeQuoteQty") : BigDecimal.ZERO;
        Instant created = r.hasNonNull("workingTime") ? Instant.ofEpochMilli(VenueJson.integer(r, "workingTime")) : time;
        return new Order(VenueJson.text(r, "clientOrderId"), Optional.of(VenueJson.text(r, "orderId")), VenueJson.text(r, "symbol"),
                Side.valueOf(VenueJson.text(r, "side")), type(VenueJson.text(r, "type")), VenueJson.decimal(r, "qty"),
                price.signum() > 0 ? Optional.of(price) : Optional.empty(), timeInForce(VenueJson.optionalText(r, "timeInForce", "GTC")), false,
                status(VenueJson.text(r, "status")), executed, average(quote, executed), created, time, "", Optional.empty());
    }

    /** Binance order status into ours; EXPIRED_IN_MATCH (self-trade prevention) is an expiry. */
    public static OrderStatus status(String binance) {
        return switch (binance) {
            case "NEW", "PENDING_CANCEL" -> OrderStatus.NEW;
            case "PENDING_NEW" -> OrderStatus.PENDING_NEW;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
            default -> throw new MalformedMessage("unknown order status '" + binance + "'");
        };
    }

    /**
     * Binance order type into ours. Stop and take-profit types are not placed by tradekit; one met in an
     * account (placed by hand) is reported as the limit or market order it becomes when triggered.
     */
    public static OrderType type(String binance) {
        return switch (binance) {
            case "LIMIT", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT" -> OrderType.LIMIT;
            case "LIMIT_MAKER" -> OrderType.LIMIT_MAKER;
            case "MARKET", "STOP_LOSS", "TAKE_PROFIT" -> OrderType.MARKET;
            default -> throw new MalformedMessage("unknown order type '" + binance + "'");
        };
    }

    static TimeInForce timeInForce(String binance) {
        return switch (binance) {
            case "IOC" -> TimeInForce.IOC;
            case "FOK" -> TimeInForce.FOK;
            default -> TimeInForce.GTC;
        };
    }

    /** An executionReport: the order's new state, and the fill when the report is a trade ({@code x} = TRADE). */
    public record ExecutionReport(String orderId, OrderUpdate update, Optional<Fill> fill) {
    }

    /**
     * An {@code executionReport} user-data event. On a cancel, {@code c} is the cancel request's own id
     * and {@code C} the cancelled order's, so {@code C} names the order then.
     */
    public static ExecutionReport executionReport(JsonNode e) {
        String executionType = VenueJson.text(e, "x");
        String original = VenueJson.optionalText(e, "C", "");
        String clientOrderId = executionType.equals("CANCELED") && !original.isEmpty() ? original : VenueJson.text(e, "c");
        String orderId = VenueJson.text(e, "i");
        String symbol = VenueJson.text(e, "s");
        BigDecimal cumulative = VenueJson.decimal(e, "z");
        BigDecimal cumulativeQuote = e.hasNonNull("Z") ? VenueJson.decimal(e, "Z") : BigDecimal.ZERO;
        Instant time = Instant.ofEpochMilli(e.hasNonNull("T") ? VenueJson.integer(e, "T") : VenueJson.integer(e, "E"));
        String reject = VenueJson.optionalText(e, "r", "NONE");
        OrderUpdate update = new OrderUpdate(clientOrderId, Optional.of(orderId), symbol, status(VenueJson.text(e, "X")), cumulative,
                average(cumulativeQuote, cumulative), time, reject.equals("NONE") ? Optional.empty() : Optional.of(reject));
        Optional<Fill> fill = Optional.empty();
        if (executionType.equals("TRADE")) {
            fill = Optional.of(new Fill(VenueJson.text(e, "t"), clientOrderId, orderId, symbol, Side.valueOf(VenueJson.text(e, "S")),
                    VenueJson.decimal(e, "L"), VenueJson.decimal(e, "l"), VenueJson.decimal(e, "n"), VenueJson.optionalText(e, "N", ""),
                    time, e.hasNonNull("m") && VenueJson.bool(e, "m")));
        }
        return new ExecutionReport(orderId, update, fill);
    }

    private static BigDecimal average(BigDecimal quote, BigDecimal quantity) {
        if (quantity.signum() == 0 || quote.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return quote.divide(quantity, MathContext.DECIMAL64).stripTrailingZeros();
    }
}
