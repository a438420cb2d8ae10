package io.tradekit.core.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.marketdata.MarketDataCache;
import org.ta4j.core.BarSeries;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What strategies and risk policies see of the engine: views and the few requests they may make. Each lane
 * (pair) of a bot has its own: {@link #symbol()}, {@link #position()}, {@link #lastPrice()}, {@link #recentBars(int)}
 * and {@link #signal} are its pair's; on a bot with several pairs a strategy's {@link #openOrders()} and
 * {@link #cancelAll()} are its pair's too, while a risk policy's view has every open order of the bot, and cash,
 * equity, {@link #positions()} and the risk figures are the bot's, every pair's, in both.
 */
public final class EngineContext implements StrategyContext, RiskContext {

    private final BotEngine engine;
    private final Lane lane;
    private final boolean pairView;

    EngineContext(BotEngine engine, Lane lane, boolean pairView) {
        this.engine = engine;
        this.lane = lane;
        this.pairView = pairView;
    }

    @Override
    public Instant now() {
        return engine.clock.now();
    }

    @Override
    public String symbol() {
        return lane.symbol;
    }

    @Override
    public Timeframe timeframe() {
        return engine.config.timeframe();
    }

    @Override
    public Instrument instrument() {
        return lane.instrument;
    }

    @Override
    public Instrument instrument(String symbol) {
        return engine.instrument(symbol);
    }

    @Override
    public Position position() {
        return engine.portfolio.position(lane.symbol);
    }

    @Override
    public Position position(String symbol) {
        return engine.portfolio.position(symbol);
    }

    @Override
    public Collection<Position> positions() {
        return engine.portfolio.positions();
    }

    @Override
    public BigDecimal cash() {
        return engine.portfolio.cash();
    }

    @Override
    public BigDecimal equity() {
        return engine.equity();
    }

    /** A derivatives bot's margin account from its books; a spot bot's is its cash without margin. */
    @Override
    public io.tradekit.api.MarginAccount marginAccount() {
        if (engine.instrument == null || !engine.instrument.isDerivative()) return RiskContext.super.marginAccount();
        return engine.portfolio.marginAccount(engine.marks);
    }

    @Override
    public BigDecimal peakEquity() {
        return engine.curve.peak().max(engine.equity());
    }

    @Override
    public BigDecimal dayStartEquity() {
        return engine.dayStartEquity();
    }

    @Override
    public BotState state() {
        return engine.state;
    }

    @Override
    public BigDecimal lastPrice() {
        return engine.data.lastPrice(lane.symbol);
    }

    @Override
    public BigDecimal lastPrice(String symbol) {
        return engine.data.lastPrice(symbol);
    }

    @Override
    public Optional<Instant> lastDataTime(String symbol) {
        return engine.data.lastDataTime(symbol);
    }

    @Override
    public List<Order> openOrders() {
        List<Order> open = engine.openOrders();
        if (pairView && engine.lanes.size() > 1) open.removeIf(o -> !o.symbol().equals(lane.symbol));
        return open;
    }

    /** The latest book the venue streamed for the bot's symbol; empty until one arrived (and always in backtests). */
    @Override
    public Optional<io.tradekit.api.OrderBook> orderBook() {
        return Optional.ofNullable(engine.books.get(engine.config.symbol()));
    }

    @Override
    public List<Bar> recentBars(int count) {
        return engine.data.recent(lane.symbol, engine.config.timeframe(), count);
    }

    @Override
    public List<Bar> recentBars(Timeframe timeframe, int count) {
        return engine.data.recent(engine.config.symbol(), timeframe, count);
    }

    @Override
    public void audit(String type, String reason, String inputsJson) {
        if (engine.journalThrownAway()) return; // nobody could read the line
        engine.audit(type, engine.strategyName(), reason, inputsJson);
    }

    @Override
    public boolean keepsAudit() {
        return !engine.journalThrownAway();
    }

    @Override
    public List<Bar> recentBars(String symbol, int count) {
        return engine.data.recent(symbol, engine.config.timeframe(), count);
    }

    @Override
    public List<BigDecimal> recentTradePnl(int count) {
        List<RoundTrip> trips = engine.portfolio.roundTrips();
        List<BigDecimal> out = new ArrayList<>();
        for (int i = Math.max(0, trips.size() - count); i < trips.size(); i++) out.add(trips.get(i).pnl());
        return out;
    }

    @Override
    public void signal(Signal signal) {
        engine.signal(lane, signal);
    }

    @Override
    public Submission submit(OrderIntent intent) {
        return engine.submit(intent);
    }

    @Override
    public void cancel(String clientOrderId) {
        engine.cancel(clientOrderId);
    }

    @Override
    public Submission amendQuantity(String clientOrderId, BigDecimal newQuantity) {
        return engine.amend(clientOrderId, newQuantity);
    }

    @Override
    public void cancelAll() {
        if (!pairView || engine.lanes.size() == 1) {
            engine.cancelAll();
            return;
        }
        for (Order o : engine.openOrders()) if (o.symbol().equals(lane.symbol)) engine.cancel(o.clientOrderId());
    }

    @Override
    public void flatten(String reason) {
        engine.safety().flatten("strategy", reason);
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        if (type == BarSeries.class) {
            return Optional.of(type.cast(engine.data.ta4jSeries(lane.symbol, engine.config.timeframe())));
        }
        if (type == MarketDataCache.class) return Optional.of(type.cast(engine.data));
        return Optional.empty();
    }
}
