package io.tradekit.bybit.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.Instrument;
import io.tradekit.api.MarginTier;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.Position;
import io.tradekit.core.paper.MatchingEngine;
import io.tradekit.core.perp.IsolatedMargin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The linear account's positions in Bybit's terms: {@code /v5/position/list}, {@code /v5/position/set-leverage}
 * (one-way mode: both sides' leverage equal; 110043 when unchanged), {@code /v5/market/risk-limit} (the
 * instrument's margin tiers, rates in percent as Bybit's example writes them) and the entries of the
 * {@code position} topic. The positions themselves, their margin and liquidation price are core's
 * {@link MatchingEngine} (its {@link IsolatedMargin} arithmetic): this class only shows them.
 */
final class Positions {

    /** What a risk limit without a cap is shown as: Bybit lists a value for every tier. */
    private static final BigDecimal UNCAPPED = new BigDecimal("1000000000");

    private final MatchingEngine engine;
    private final Instrument instrument;
    private final InstantSource clock;
    private BigDecimal leverage = BigDecimal.ONE;
    private long created;
    private long updated;

    Positions(MatchingEngine engine, Instrument instrument, InstantSource clock) {
        this.engine = engine;
        this.instrument = instrument;
        this.clock = clock;
        this.created = clock.millis();
        this.updated = created;
    }

    ObjectNode list(String symbol) {
        ObjectNode result = BybitVenue.JSON.createObjectNode().put("category", "linear").put("nextPageCursor", "");
        result.putArray("list").add(entry(symbol));
        return result;
    }

    /** Sets both sides' leverage; one-way mode wants them equal, and the value must lie within 1..the first tier's maximum. */
    ObjectNode setLeverage(String buy, String sell) {
        BigDecimal buyLeverage = leverageValue(buy, "buyLeverage");
        BigDecimal sellLeverage = leverageValue(sell, "sellLeverage");
        if (buyLeverage.compareTo(sellLeverage) != 0) throw Refusal.param("buyLeverage must equal sellLeverage in one-way mode");
        if (buyLeverage.compareTo(leverage) == 0) throw new Refusal(110043, "Set leverage has not been modified.");
        try {
            engine.setLeverage(instrument.symbol(), buyLeverage);
        } catch (OrderRejectedException e) {
            throw Refusal.param("leverage " + buy + " is out of range [1, " + BybitVenue.plain(instrument.margin().maxLeverage()) + "]");
        }
        leverage = buyLeverage;
        updated = clock.millis();
        return BybitVenue.JSON.createObjectNode();
    }

    private static BigDecimal leverageValue(String text, String name) {
        if (text == null || !text.matches("[0-9]{1,4}(\\.[0-9]{1,2})?")) throw Refusal.param(name + " must be a number such as \"3\"");
        return new BigDecimal(text);
    }

    ObjectNode riskLimits() {
        ObjectNode result = BybitVenue.JSON.createObjectNode().put("category", "linear").put("nextPageCursor", "");
        ArrayNode list = result.putArray("list");
        List<MarginTier> tiers = instrument.margin().tiers();
        for (int i = 0; i < tiers.size(); i++) {
            MarginTier t = tiers.get(i);
            BigDecimal hundred = BigDecimal.valueOf(100);
            list.addObject().put("id", i + 1).put("symbol", instrument.symbol())
                    .put("riskLimitValue", BybitVenue.plain(t.upToNotional() == null ? UNCAPPED : t.upToNotional()))
                    .put("maintenanceMargin", BybitVenue.plain(t.maintenanceMarginRate().multiply(hundred)))
                    .put("initialMargin", BybitVenue.plain(hundred.divide(t.maxLeverage(), 4, RoundingMode.HALF_UP)))
                    .put("isLowestRisk", i == 0 ? 1 : 0).put("maxLeverage", BybitVenue.plain(t.maxLeverage()))
                    .put("mmDeduction", t.maintenanceDeduction().signum() == 0 ? "" : BybitVenue.plain(t.maintenanceDeduction()));
        }
        return result;
    }

    /** Something changed the position: a fill, funding or a liquidation. */
    void touched() {
        updated = clock.millis();
    }

    /** The position entry as {@code /v5/position/list} and the {@code position} topic show it; size 0 and side "" when flat. */
    ObjectNode entry(String symbol) {
        Optional<Position> open = engine.position(symbol);
        BigDecimal mark = engine.lastPrice(symbol).orElse(BigDecimal.ZERO);
        ObjectNode p = BybitVenue.JSON.createObjectNode().put("positionIdx", 0).put("riskId", 1).put("symbol", symbol)
                .put("leverage", BybitVenue.plain(leverage)).put("markPrice", BybitVenue.plain(mark)).put("autoAddMargin", 0)
                .put("positionStatus", "Normal").put("isReduceOnly", false).put("createdTime", Long.toString(created))
                .put("updatedTime", Long.toString(updated)).put("tradeMode", 0);
        if (open.isEmpty()) {
            return p.put("side", "").put("size", "0").put("avgPrice", "0").put("positionValue", "0").put("liqPrice", "")
                    .put("positionIM", "0").put("positionMM", "0").put("unrealisedPnl", "0").put("curRealisedPnl", "0")
                    .put("cumRealisedPnl", "0").put("riskLimitValue", BybitVenue.plain(riskLimit(BigDecimal.ZERO)));
        }
        Position pos = open.get();
        BigDecimal size = pos.quantity().abs();
        BigDecimal booked = pos.realizedPnl().subtract(pos.fees()).subtract(pos.funding());
        return p.put("side", pos.quantity().signum() > 0 ? "Buy" : "Sell").put("size", BybitVenue.plain(size))
                .put("avgPrice", BybitVenue.plain(pos.averageCost())).put("positionValue", BybitVenue.plain(instrument.notional(size, pos.averageCost())))
                .put("leverage", BybitVenue.plain(pos.leverage()))
                .put("liqPrice", pos.liquidationPrice().map(BybitVenue::plain).orElse(""))
                .put("positionIM", BybitVenue.plain(pos.margin()))
                .put("positionMM", BybitVenue.plain(IsolatedMargin.maintenanceMargin(instrument, size, pos.averageCost())))
                .put("unrealisedPnl", BybitVenue.plain(pos.unrealizedPnl(mark))).put("curRealisedPnl", BybitVenue.plain(booked))
                .put("cumRealisedPnl", BybitVenue.plain(booked))
                .put("riskLimitValue", BybitVenue.plain(riskLimit(instrument.notional(size, pos.averageCost()))));
    }

    private BigDecimal riskLimit(BigDecimal notional) {
        BigDecimal cap = instrument.margin().tierFor(notional).upToNotional();
        return cap == null ? UNCAPPED : cap;
    }

    /** The margin the open position holds and the maintenance margin it must keep, in the quote coin (zero when flat). */
    Map<String, BigDecimal> margins(String symbol) {
        Optional<Position> open = engine.position(symbol);
        if (open.isEmpty()) return Map.of("im", BigDecimal.ZERO, "mm", BigDecimal.ZERO, "upl", BigDecimal.ZERO);
        Position pos = open.get();
        BigDecimal mark = engine.lastPrice(symbol).orElse(pos.averageCost());
        return Map.of("im", pos.margin(), "mm", IsolatedMargin.maintenanceMargin(instrument, pos.quantity(), pos.averageCost()),
                "upl", pos.unrealizedPnl(mark));
    }
}
