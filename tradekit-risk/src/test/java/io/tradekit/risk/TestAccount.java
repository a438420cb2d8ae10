package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.MarginRules;
import io.tradekit.api.Order;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Position;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.core.perp.IsolatedMargin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link RiskContext} whose every value a test sets by hand. */
final class TestAccount implements RiskContext {

    static final String BTC = "BTCUSDT";
    static final String ETH = "ETHUSDT";

    private Instant now = Instant.parse("2024-03-01T12:00:00Z");
    private BotState state = BotState.RUNNING;
    private BigDecimal equity = new BigDecimal("10000");
    private BigDecimal peakEquity = new BigDecimal("10000");
    private BigDecimal dayStartEquity = new BigDecimal("10000");
    private BigDecimal cash = new BigDecimal("10000");
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private final Map<String, Instrument> instruments = new HashMap<>();
    private final Map<String, BigDecimal> lastPrices = new HashMap<>();
    private final Map<String, Instant> lastData = new HashMap<>();
    private final List<Order> openOrders = new ArrayList<>();
    private final Map<String, List<Bar>> bars = new HashMap<>();
    private final List<BigDecimal> tradePnl = new ArrayList<>();
    private int orderSeq;

    TestAccount() {
        instrument(new Instrument(BTC, "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5")));
        instrument(new Instrument(ETH, "ETH", "USDT", new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("5")));
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    TestAccount now(Instant t) {
        now = t;
        return this;
    }

    TestAccount advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    TestAccount state(BotState s) {
        state = s;
        return this;
    }

    TestAccount equity(String v) {
        equity = d(v);
        return this;
    }

    TestAccount peakEquity(String v) {
        peakEquity = d(v);
        return this;
    }

    TestAccount dayStartEquity(String v) {
        dayStartEquity = d(v);
        return this;
    }

    TestAccount instrument(Instrument i) {
        instruments.put(i.symbol(), i);
        return this;
    }

    /** Sets the last price and marks the data as arriving now. */
    TestAccount price(String symbol, String price) {
        lastPrices.put(symbol, d(price));
        lastData.put(symbol, now);
        return this;
    }

    TestAccount lastData(String symbol, Instant t) {
        lastData.put(symbol, t);
        return this;
    }

    /** Makes {@code symbol} a linear perpetual under {@code rules}, with its filters as they were. */
    TestAccount perpetual(String symbol, MarginRules rules) {
        return instrument(instrument(symbol).asLinearPerpetual(rules));
    }

    /**
     * A perpetual position (quantity zero: flat, with the leverage set) margined the way core margins it:
     * isolated margin and liquidation price from {@link IsolatedMargin}.
     */
    TestAccount perpPosition(String symbol, String signedQuantity, String entry, String leverage) {
        Instrument i = instrument(symbol);
        BigDecimal q = d(signedQuantity);
        BigDecimal lev = d(leverage);
        positions.put(symbol, new Position(symbol, q, d(entry), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, lev,
                IsolatedMargin.initialMargin(i, q, d(entry), lev), IsolatedMargin.liquidationPrice(i, q, d(entry), lev), i.contractSize()));
        return this;
    }

    TestAccount position(String symbol, String signedQuantity, String averageCost) {
        positions.put(symbol, new Position(symbol, d(signedQuantity), d(averageCost), BigDecimal.ZERO, BigDecimal.ZERO));
        return this;
    }

    TestAccount openLimitOrder(String symbol, Side side, String quantity, String price) {
        OrderRequest r = new OrderRequest("o" + (++orderSeq), symbol, side, OrderType.LIMIT, d(quantity), Optional.of(d(price)), TimeInForce.GTC, false);
        openOrders.add(Order.pendingNew(r, "", now).withStatus(OrderStatus.NEW, now, Optional.empty()));
        return this;
    }

    TestAccount bars(String symbol, List<Bar> series) {
        bars.put(symbol, List.copyOf(series));
        return this;
    }

    TestAccount tradePnl(String... values) {
        for (String v : values) tradePnl.add(d(v));
        return this;
    }

    /** A fill of {@code orderId} at the current time. */
    Fill fill(String orderId, String symbol, Side side, String quantity, String price) {
        return new Fill("f-" + orderId + "-" + now.toEpochMilli() + "-" + (++orderSeq), orderId, "v-" + orderId, symbol, side,
                d(price), d(quantity), BigDecimal.ZERO, "USDT", now, false);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public BotState state() {
        return state;
    }

    @Override
    public BigDecimal equity() {
        return equity;
    }

    @Override
    public BigDecimal peakEquity() {
        return peakEquity;
    }

    @Override
    public BigDecimal dayStartEquity() {
        return dayStartEquity;
    }

    @Override
    public BigDecimal cash() {
        return cash;
    }

    @Override
    public Position position(String symbol) {
        return positions.getOrDefault(symbol, Position.flat(symbol));
    }

    @Override
    public Collection<Position> positions() {
        return positions.values();
    }

    @Override
    public Instrument instrument(String symbol) {
        Instrument i = instruments.get(symbol);
        if (i == null) throw new IllegalArgumentException("no instrument " + symbol + " in this test account");
        return i;
    }

    @Override
    public BigDecimal lastPrice(String symbol) {
        return lastPrices.getOrDefault(symbol, BigDecimal.ZERO);
    }

    @Override
    public Optional<Instant> lastDataTime(String symbol) {
        return Optional.ofNullable(lastData.get(symbol));
    }

    @Override
    public List<Order> openOrders() {
        return List.copyOf(openOrders);
    }

    @Override
    public List<Bar> recentBars(String symbol, int count) {
        List<Bar> all = bars.getOrDefault(symbol, List.of());
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    @Override
    public List<BigDecimal> recentTradePnl(int count) {
        return List.copyOf(tradePnl.subList(Math.max(0, tradePnl.size() - count), tradePnl.size()));
    }
}
