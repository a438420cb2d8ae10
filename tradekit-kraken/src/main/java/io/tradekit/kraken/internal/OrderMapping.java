package io.tradekit.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Fill;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Orders and fills between tradekit and Kraken: the AddOrder form, REST order objects, trades, WebSocket v2 executions. */
public final class OrderMapping {

    /** Kraken's {@code cl_ord_id}: a UUID (36 with hyphens or 32 hex), or free text of at most 18 characters. */
    private static final Pattern CL_ORD_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}|[A-Za-z0-9_-]{1,18}");

    private OrderMapping() {
    }

    public static void requireClientOrderId(String clientOrderId) {
        if (clientOrderId == null || !CL_ORD_ID.matcher(clientOrderId).matches()) {
            throw new InvalidInputException("kraken: client order id '" + clientOrderId + "' is not a valid cl_ord_id: Kraken takes a UUID "
                    + "(36 characters with hyphens, or 32 hex digits) or at most 18 letters, digits, '-' or '_'");
        }
    }

    /** The AddOrder parameters (without nonce) for {@code request} on {@code pair}. */
    public static Form addOrder(OrderRequest request, Pair pair, boolean validate) {
        requireClientOrderId(request.clientOrderId());
        Form f = new Form()
                .add("ordertype", request.type() == OrderType.MARKET ? "market" : "limit")
                .add("type", request.side() == Side.BUY ? "buy" : "sell")
                .add("volume", request.quantity())
                .add("pair", pair.altname());
        if (request.type() != OrderType.MARKET) {
            f.add("price", request.limitPrice().orElseThrow(() -> new InvalidInputException(
                    "kraken: " + request.type() + " order " + request.clientOrderId() + " has no limit price")));
        }
        if (request.type() == OrderType.LIMIT_MAKER) {
            f.add("oflags", "post");
        }
        if (request.type() != OrderType.MARKET) {
            f.add("timeinforce", switch (request.timeInForce()) {
                case GTC -> "GTC";
                case IOC -> "IOC";
                case FOK -> throw new InvalidInputException("kraken: time in force FOK is not offered on Kraken spot REST (order "
                        + request.clientOrderId() + "); use GTC or IOC");
            });
        }
        f.add("cl_ord_id", request.clientOrderId());
        if (validate) f.add("validate", "true");
        return f;
    }

    /** A REST order object ({@code OpenOrders}, {@code ClosedOrders}, {@code QueryOrders}) as an {@link Order}. */
    public static Order order(String txid, JsonNode o, String symbol) {
        JsonNode descr = VenueJson.field(o, "descr");
        BigDecimal quantity = VenueJson.decimal(o, "vol");
        BigDecimal filled = o.hasNonNull("vol_exec") ? VenueJson.decimal(o, "vol_exec") : BigDecimal.ZERO;
        BigDecimal average = o.hasNonNull("price") ? VenueJson.decimal(o, "price") : BigDecimal.ZERO;
        if (average.signum() == 0 && filled.signum() > 0 && o.hasNonNull("cost")) {
            average = VenueJson.decimal(o, "cost").divide(filled, MathContext.DECIMAL64);
        }
        String status = VenueJson.text(o, "status");
        boolean post = o.path("oflags").asText("").contains("post");
        OrderType type = switch (VenueJson.text(descr, "ordertype")) {
            case "market" -> OrderType.MARKET;
            case "limit" -> post ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
            default -> throw new MalformedMessage("order " + txid + ": ordertype '" + descr.path("ordertype").asText()
                    + "' is not one the adapter places");
        };
        Optional<BigDecimal> limit = type == OrderType.MARKET ? Optional.empty() : Optional.of(VenueJson.decimal(descr, "price"));
        Instant opened = seconds(o, "opentm");
        Instant updated = o.hasNonNull("closetm") ? seconds(o, "closetm") : opened;
        String clientOrderId = o.hasNonNull("cl_ord_id") ? o.get("cl_ord_id").asText() : txid;
        TimeInForce tif = "IOC".equalsIgnoreCase(o.path("timeinforce").asText("")) ? TimeInForce.IOC : TimeInForce.GTC;
        Optional<String> reason = o.hasNonNull("reason") ? Optional.of(o.get("reason").asText()) : Optional.empty();
        return new Order(clientOrderId, Optional.of(txid), symbol, side(VenueJson.text(descr, "type")), type, quantity, limit, tif, false,
                restStatus(status, quantity, filled), filled, average, opened, updated, "", reason);
    }

    static OrderStatus restStatus(String status, BigDecimal quantity, BigDecimal filled) {
        return switch (status) {
            case "pending" -> OrderStatus.PENDING_NEW;
            case "open" -> filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
            case "closed" -> filled.compareTo(quantity) >= 0 ? OrderStatus.FILLED : OrderStatus.EXPIRED;
            case "canceled" -> OrderStatus.CANCELED;
            case "expired" -> OrderStatus.EXPIRED;
            default -> throw new MalformedMessage("order status '" + status + "' is not one Kraken documents");
        };
    }

    /** One {@code TradesHistory} entry as a fill of the order {@code clientOrderId}. */
    public static Fill trade(String tradeId, JsonNode t, String clientOrderId, String symbol, String feeAsset) {
        return new Fill(tradeId, clientOrderId, VenueJson.text(t, "ordertxid"), symbol, side(VenueJson.text(t, "type")),
                VenueJson.decimal(t, "price"), VenueJson.decimal(t, "vol"), VenueJson.decimal(t, "fee"), feeAsset, seconds(t, "time"),
                t.path("maker").asBoolean(false));
    }

    /** What one WebSocket v2 {@code executions} entry reports: the order's state, and a fill when it is a trade. */
    public record Execution(String orderId, OrderUpdate update, Optional<Fill> fill, Optional<String> execType) {
    }

    public static Execution execution(JsonNode e, String symbol, String feeAssetFallback) {
        String orderId = VenueJson.text(e, "order_id");
        String clientOrderId = e.hasNonNull("cl_ord_id") ? e.get("cl_ord_id").asText() : orderId;
        Optional<String> execType = e.hasNonNull("exec_type") ? Optional.of(e.get("exec_type").asText()) : Optional.empty();
        Instant time = Instant.parse(VenueJson.text(e, "timestamp"));
        BigDecimal cumQty = e.hasNonNull("cum_qty") ? VenueJson.decimal(e, "cum_qty") : BigDecimal.ZERO;
        BigDecimal avg = e.hasNonNull("avg_price") ? VenueJson.decimal(e, "avg_price") : BigDecimal.ZERO;
        OrderStatus status = wsStatus(VenueJson.text(e, "order_status"));
        Optional<String> reason = e.hasNonNull("reason") ? Optional.of(e.get("reason").asText()) : Optional.empty();
        OrderUpdate update = new OrderUpdate(clientOrderId, Optional.of(orderId), symbol, status, cumQty, avg, time, reason);
        Optional<Fill> fill = Optional.empty();
        if (execType.filter("trade"::equals).isPresent()) {
            BigDecimal fee = BigDecimal.ZERO;
            String feeAsset = feeAssetFallback;
            JsonNode fees = e.get("fees");
            if (fees != null && fees.isArray() && !fees.isEmpty()) {
                fee = VenueJson.decimal(fees.get(0), "qty");
                // the fee is charged in the quote asset (no fcib flag is sent); its name follows the REST pair, as TradesHistory fills do
            }
            fill = Optional.of(new Fill(VenueJson.text(e, "exec_id"), clientOrderId, orderId, symbol, side(VenueJson.text(e, "side")),
                    VenueJson.decimal(e, "last_price"), VenueJson.decimal(e, "last_qty"), fee, feeAsset, time,
                    "m".equals(e.path("liquidity_ind").asText(""))));
        }
        return new Execution(orderId, update, fill, execType);
    }

    static OrderStatus wsStatus(String status) {
        return switch (status) {
            case "pending_new" -> OrderStatus.PENDING_NEW;
            case "new" -> OrderStatus.NEW;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "canceled" -> OrderStatus.CANCELED;
            case "expired" -> OrderStatus.EXPIRED;
            default -> throw new MalformedMessage("order_status '" + status + "' is not one Kraken documents");
        };
    }

    static Side side(String type) {
        return switch (type) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new MalformedMessage("side '" + type + "' is neither buy nor sell");
        };
    }

    /** Kraken's REST times: Unix seconds with a fraction, e.g. {@code 1688666559.8974}. */
    static Instant seconds(JsonNode node, String name) {
        BigDecimal s = VenueJson.decimal(node, name);
        return Instant.ofEpochMilli(s.movePointRight(3).longValue());
    }
}
