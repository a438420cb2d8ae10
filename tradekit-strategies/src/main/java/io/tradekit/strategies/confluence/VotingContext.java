package io.tradekit.strategies.confluence;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderBook;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.marketdata.Ta4jSeries;
import org.ta4j.core.BarSeries;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link Confluence} member sees: the bot as it is, on the member's timeframe (its bars and ta4j series are
 * that timeframe's), where a signal is recorded as the member's vote instead of being sent, and an explicit order,
 * a cancel or a flatten is refused or ignored: members vote, the confluence trades.
 */
final class VotingContext implements StrategyContext {

    private final StrategyContext bot;
    private final Timeframe timeframe;
    private Signal vote = Signal.HOLD;

    VotingContext(StrategyContext bot, Timeframe timeframe) {
        this.bot = bot;
        this.timeframe = timeframe;
    }

    /** The member's last signal on this bar, HOLD when it gave none. */
    Signal vote() {
        return vote;
    }

    @Override
    public void signal(Signal signal) {
        vote = signal;
    }

    @Override
    public Submission submit(OrderIntent intent) {
        return Submission.denied("confluence", "a confluence member votes with signals; it does not send orders");
    }

    @Override
    public void cancel(String clientOrderId) {
    }

    @Override
    public Submission amendQuantity(String clientOrderId, java.math.BigDecimal newQuantity) {
        return Submission.denied("confluence", "a confluence member votes with signals; it has no orders to amend");
    }

    @Override
    public void cancelAll() {
    }

    @Override
    public void flatten(String reason) {
    }

    @Override
    public Timeframe timeframe() {
        return timeframe;
    }

    @Override
    public List<Bar> recentBars(int count) {
        return bot.recentBars(timeframe, count);
    }

    @Override
    public List<Bar> recentBars(Timeframe other, int count) {
        return bot.recentBars(other, count);
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        if (type == BarSeries.class) return Optional.of(type.cast(Ta4jSeries.of(bot, timeframe)));
        return bot.unwrap(type);
    }

    @Override
    public Instant now() {
        return bot.now();
    }

    @Override
    public String symbol() {
        return bot.symbol();
    }

    @Override
    public Instrument instrument() {
        return bot.instrument();
    }

    @Override
    public Position position() {
        return bot.position();
    }

    @Override
    public BigDecimal cash() {
        return bot.cash();
    }

    @Override
    public BigDecimal equity() {
        return bot.equity();
    }

    @Override
    public BigDecimal lastPrice() {
        return bot.lastPrice();
    }

    @Override
    public List<Order> openOrders() {
        return bot.openOrders();
    }

    @Override
    public Optional<OrderBook> orderBook() {
        return bot.orderBook();
    }
}
