package io.tradekit.binance.sim;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Binance's JSON payloads, field for field as rest-api.md, web-socket-streams.md and user-data-stream.md show them. */
final class Payloads {

    private Payloads() {
    }

    /** Decimals as Binance writes them: a string with eight places. */
    static String dec(BigDecimal value) {
        return "\"" + value.setScale(Math.max(8, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString() + "\"";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    static String status(OrderStatus status) {
        return switch (status) {
            case PENDING_NEW, NEW, UNKNOWN -> "NEW";
            default -> status.name();
        };
    }

    static String exchangeInfo(List<Instrument> instruments, long serverTime, long weightLimit, long orderLimit, java.util.Set<String> stpModes) {
        StringBuilder out = new StringBuilder();
        out.append("{\"timezone\":\"UTC\",\"serverTime\":").append(serverTime).append(",\"rateLimits\":[")
                .append("{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":").append(weightLimit).append("},")
                .append("{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":").append(orderLimit).append("},")
                .append("{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":160000}")
                .append("],\"exchangeFilters\":[],\"symbols\":[");
        for (int i = 0; i < instruments.size(); i++) {
            Instrument s = instruments.get(i);
            if (i > 0) out.append(',');
            out.append("{\"symbol\":").append(quote(s.symbol())).append(",\"status\":\"TRADING\",\"baseAsset\":").append(quote(s.baseAsset()))
                    .append(",\"baseAssetPrecision\":8,\"quoteAsset\":").append(quote(s.quoteAsset()))
                    .append(",\"quotePrecision\":8,\"quoteAssetPrecision\":8,\"baseCommissionPrecision\":8,\"quoteCommissionPrecision\":8,")
                    .append("\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\"],\"icebergAllowed\":false,\"ocoAllowed\":false,")
                    .append("\"quoteOrderQtyMarketAllowed\":true,\"allowTrailingStop\":false,\"cancelReplaceAllowed\":true,\"amendAllowed\":true,")
                    .append("\"isSpotTradingAllowed\":true,\"isMarginTradingAllowed\":false,\"filters\":[")
                    .append("{\"filterType\":\"PRICE_FILTER\",\"minPrice\":").append(dec(s.tickSize())).append(",\"maxPrice\":\"1000000.00000000\",\"tickSize\":").append(dec(s.tickSize())).append("},")
                    .append("{\"filterType\":\"LOT_SIZE\",\"minQty\":").append(dec(s.minQuantity().max(s.stepSize()))).append(",\"maxQty\":\"9000000.00000000\",\"stepSize\":").append(dec(s.stepSize())).append("},")
                    .append("{\"filterType\":\"MARKET_LOT_SIZE\",\"minQty\":\"0.00000000\",\"maxQty\":").append(dec(SimulatedVenue.MARKET_MAX_QUANTITY))
                    .append(",\"stepSize\":\"0.00000000\"},")
                    .append("{\"filterType\":\"NOTIONAL\",\"minNotional\":").append(dec(s.minNotional()))
                    .append(",\"applyMinToMarket\":true,\"maxNotional\":\"9000000.00000000\",\"applyMaxToMarket\":false,\"avgPriceMins\":5}")
                    .append("],\"permissions\":[],\"permissionSets\":[[\"SPOT\"]],\"defaultSelfTradePreventionMode\":\"NONE\",")
                    .append("\"allowedSelfTradePreventionModes\":").append(new java.util.TreeSet<>(stpModes).stream().map(Payloads::quote)
                            .collect(java.util.stream.Collectors.joining(",", "[", "]"))).append('}');
        }
        return out.append("]}").toString();
    }

    static String klineRow(Bar b) {
        long open = b.openTime().toEpochMilli();
        return "[" + open + "," + dec(b.open()) + "," + dec(b.high()) + "," + dec(b.low()) + "," + dec(b.close()) + "," + dec(b.volume())
                + "," + (open + b.timeframe().millis() - 1) + "," + dec(b.volume().multiply(b.close())) + ",100,\"0.00000000\",\"0.00000000\",\"0\"]";
    }

    /** A kline stream event; {@code closed} is the {@code x} flag. */
    static String klineEvent(Bar b, boolean closed, long eventTime, String interval) {
        long open = b.openTime().toEpochMilli();
        return "{\"e\":\"kline\",\"E\":" + eventTime + ",\"s\":" + quote(b.symbol()) + ",\"k\":{\"t\":" + open + ",\"T\":"
                + (open + b.timeframe().millis() - 1) + ",\"s\":" + quote(b.symbol()) + ",\"i\":" + quote(interval)
                + ",\"f\":100,\"L\":200,\"o\":" + dec(b.open()) + ",\"c\":" + dec(b.close()) + ",\"h\":" + dec(b.high())
                + ",\"l\":" + dec(b.low()) + ",\"v\":" + dec(b.volume()) + ",\"n\":100,\"x\":" + closed + ",\"q\":"
                + dec(b.volume().multiply(b.close())) + ",\"V\":\"0.00000000\",\"Q\":\"0.00000000\",\"B\":\"0\"}}";
    }

    /** A kline of a bar still forming: only its open is known. */
    static Bar opening(Bar b) {
        return new Bar(b.symbol(), b.timeframe(), b.openTime(), b.open(), b.open(), b.open(), b.open(), BigDecimal.ZERO);
    }

    static String bookTicker(long updateId, String symbol, BigDecimal bid, BigDecimal ask) {
        return "{\"u\":" + updateId + ",\"s\":" + quote(symbol) + ",\"b\":" + dec(bid) + ",\"B\":\"10.00000000\",\"a\":" + dec(ask)
                + ",\"A\":\"10.00000000\"}";
    }

    /** Query-order and open-orders entry. */
    static String order(Order o, SimOrder meta) {
        return "{\"symbol\":" + quote(o.symbol()) + ",\"orderId\":" + meta.orderId + ",\"orderListId\":-1,\"clientOrderId\":"
                + quote(o.clientOrderId()) + ",\"price\":" + dec(o.limitPrice().orElse(BigDecimal.ZERO)) + ",\"origQty\":" + dec(o.quantity())
                + ",\"executedQty\":" + dec(o.filledQuantity()) + ",\"cummulativeQuoteQty\":" + dec(meta.cumulativeQuote)
                + ",\"status\":\"" + status(o.status()) + "\",\"timeInForce\":\"" + o.timeInForce() + "\",\"type\":\"" + o.type()
                + "\",\"side\":\"" + o.side() + "\",\"stopPrice\":\"0.00000000\",\"icebergQty\":\"0.00000000\",\"time\":" + meta.createdMillis
                + ",\"updateTime\":" + meta.updatedMillis + ",\"isWorking\":" + o.status().isOpen() + ",\"workingTime\":" + meta.createdMillis
                + ",\"origQuoteOrderQty\":\"0.00000000\",\"selfTradePreventionMode\":\"NONE\"}";
    }

    /**
     * An amend-keep-priority answer (rest-api.md, "Order Amend Keep Priority"): {@code amendedOrder} names the
     * quantity {@code qty} and the quote total {@code cumulativeQuoteQty}.
     */
    static String amended(Order o, SimOrder meta, String origClientOrderId, long transactTime, long executionId) {
        return "{\"transactTime\":" + transactTime + ",\"executionId\":" + executionId + ",\"amendedOrder\":{\"symbol\":" + quote(o.symbol())
                + ",\"orderId\":" + meta.orderId + ",\"orderListId\":-1,\"origClientOrderId\":" + quote(origClientOrderId)
                + ",\"clientOrderId\":" + quote(o.clientOrderId()) + ",\"price\":" + dec(o.limitPrice().orElse(BigDecimal.ZERO))
                + ",\"qty\":" + dec(o.quantity()) + ",\"executedQty\":" + dec(o.filledQuantity()) + ",\"preventedQty\":\"0.00000000\""
                + ",\"quoteOrderQty\":\"0.00000000\",\"cumulativeQuoteQty\":" + dec(meta.cumulativeQuote) + ",\"status\":\"" + status(o.status())
                + "\",\"timeInForce\":\"" + o.timeInForce() + "\",\"type\":\"" + o.type() + "\",\"side\":\"" + o.side()
                + "\",\"workingTime\":" + meta.createdMillis + ",\"selfTradePreventionMode\":\"NONE\"}}";
    }

    /** A cancel answer: {@code clientOrderId} is the cancel's own id, {@code origClientOrderId} the order's. */
    static String canceled(Order o, SimOrder meta, String cancelId) {
        return "{\"symbol\":" + quote(o.symbol()) + ",\"origClientOrderId\":" + quote(o.clientOrderId()) + ",\"orderId\":" + meta.orderId
                + ",\"orderListId\":-1,\"clientOrderId\":" + quote(cancelId) + ",\"transactTime\":" + meta.updatedMillis
                + ",\"price\":" + dec(o.limitPrice().orElse(BigDecimal.ZERO)) + ",\"origQty\":" + dec(o.quantity()) + ",\"executedQty\":"
                + dec(o.filledQuantity()) + ",\"cummulativeQuoteQty\":" + dec(meta.cumulativeQuote) + ",\"status\":\"" + status(o.status())
                + "\",\"timeInForce\":\"" + o.timeInForce() + "\",\"type\":\"" + o.type() + "\",\"side\":\"" + o.side()
                + "\",\"selfTradePreventionMode\":\"NONE\"}";
    }

    /** A new-order answer of type ACK, RESULT or FULL. */
    static String newOrder(Order o, SimOrder meta, String responseType, List<SimTrade> fills) {
        String ack = "{\"symbol\":" + quote(o.symbol()) + ",\"orderId\":" + meta.orderId + ",\"orderListId\":-1,\"clientOrderId\":"
                + quote(o.clientOrderId()) + ",\"transactTime\":" + meta.createdMillis;
        if (responseType.equals("ACK")) {
            return ack + "}";
        }
        StringBuilder out = new StringBuilder(ack)
                .append(",\"price\":").append(dec(o.limitPrice().orElse(BigDecimal.ZERO)))
                .append(",\"origQty\":").append(dec(o.quantity()))
                .append(",\"executedQty\":").append(dec(o.filledQuantity()))
                .append(",\"origQuoteOrderQty\":\"0.00000000\"")
                .append(",\"cummulativeQuoteQty\":").append(dec(meta.cumulativeQuote))
                .append(",\"status\":\"").append(status(o.status())).append('"')
                .append(",\"timeInForce\":\"").append(o.timeInForce()).append('"')
                .append(",\"type\":\"").append(o.type()).append('"')
                .append(",\"side\":\"").append(o.side()).append('"')
                .append(",\"workingTime\":").append(meta.createdMillis)
                .append(",\"selfTradePreventionMode\":\"NONE\"");
        if (responseType.equals("FULL")) {
            out.append(",\"fills\":[");
            for (int i = 0; i < fills.size(); i++) {
                SimTrade t = fills.get(i);
                if (i > 0) out.append(',');
                out.append("{\"price\":").append(dec(t.price())).append(",\"qty\":").append(dec(t.qty()))
                        .append(",\"commission\":").append(dec(t.commission())).append(",\"commissionAsset\":").append(quote(t.commissionAsset()))
                        .append(",\"tradeId\":").append(t.id()).append('}');
            }
            out.append(']');
        }
        return out.append('}').toString();
    }

    static String trade(SimTrade t) {
        return "{\"symbol\":" + quote(t.symbol()) + ",\"id\":" + t.id() + ",\"orderId\":" + t.orderId() + ",\"orderListId\":-1,\"price\":"
                + dec(t.price()) + ",\"qty\":" + dec(t.qty()) + ",\"quoteQty\":" + dec(t.price().multiply(t.qty())) + ",\"commission\":"
                + dec(t.commission()) + ",\"commissionAsset\":" + quote(t.commissionAsset()) + ",\"time\":" + t.time() + ",\"isBuyer\":"
                + t.buyer() + ",\"isMaker\":" + t.maker() + ",\"isBestMatch\":true}";
    }

    /**
     * An {@code executionReport}. {@code executionType} is NEW, TRADE, CANCELED or EXPIRED; for a trade,
     * {@code trade} gives {@code l, L, n, N, t, m}. On a cancel {@code c} is the cancel's id and {@code C} the order's.
     */
    static String executionReport(Order o, SimOrder meta, String executionType, SimTrade trade, String cancelId, long eventTime) {
        boolean isTrade = trade != null;
        String c = cancelId != null ? cancelId : o.clientOrderId();
        String origC = cancelId != null ? o.clientOrderId() : "";
        return "{\"e\":\"executionReport\",\"E\":" + eventTime + ",\"s\":" + quote(o.symbol()) + ",\"c\":" + quote(c) + ",\"S\":\"" + o.side()
                + "\",\"o\":\"" + o.type() + "\",\"f\":\"" + o.timeInForce() + "\",\"q\":" + dec(o.quantity()) + ",\"p\":"
                + dec(o.limitPrice().orElse(BigDecimal.ZERO)) + ",\"P\":\"0.00000000\",\"F\":\"0.00000000\",\"g\":-1,\"C\":" + quote(origC)
                + ",\"x\":\"" + executionType + "\",\"X\":\"" + status(o.status()) + "\",\"r\":\"NONE\",\"i\":" + meta.orderId
                + ",\"l\":" + dec(isTrade ? trade.qty() : BigDecimal.ZERO) + ",\"z\":" + dec(o.filledQuantity())
                + ",\"L\":" + dec(isTrade ? trade.price() : BigDecimal.ZERO) + ",\"n\":" + (isTrade ? dec(trade.commission()) : "\"0\"")
                + ",\"N\":" + (isTrade ? quote(trade.commissionAsset()) : "null") + ",\"T\":" + eventTime + ",\"t\":" + (isTrade ? trade.id() : -1)
                + ",\"I\":" + eventTime + ",\"w\":" + (o.status() == OrderStatus.NEW) + ",\"m\":" + (isTrade && trade.maker())
                + ",\"M\":false,\"O\":" + meta.createdMillis + ",\"Z\":" + dec(meta.cumulativeQuote) + ",\"Y\":"
                + dec(isTrade ? trade.price().multiply(trade.qty()) : BigDecimal.ZERO) + ",\"Q\":\"0.00000000\",\"W\":" + meta.createdMillis
                + ",\"V\":\"NONE\"}";
    }

    /** Binance's kline interval names that a {@link Timeframe} can express. */
    private static final java.util.Set<String> INTERVALS = java.util.Set.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h",
            "6h", "8h", "12h", "1d", "3d", "1w");

    static String interval(Timeframe timeframe) {
        String name = timeframe.toString();
        if (!INTERVALS.contains(name)) {
            throw new io.tradekit.api.InvalidInputException("binance simulator: Binance has no kline interval " + name);
        }
        return name;
    }

    static String klineStream(String symbol, Timeframe timeframe) {
        return symbol.toLowerCase(java.util.Locale.ROOT) + "@kline_" + interval(timeframe);
    }

    static String bookTickerStream(String symbol) {
        return symbol.toLowerCase(java.util.Locale.ROOT) + "@bookTicker";
    }
}
