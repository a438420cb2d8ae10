package io.tradekit.examples.embedding;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How a host service embeds tradekit: it builds a bot with the fluent builder, listens to the bot's
 * events, hands it market data as it arrives and stops it when the service shuts down. The bot trades
 * {@code sma-cross} on a paper exchange on the data's clock, so a replay of history runs as fast as the
 * bot consumes it; a live service would use {@code .exchange("binance", credentials)} and drop
 * {@code .dataClock()}.
 *
 * <pre>{@code try (EmbeddedBotService service = new EmbeddedBotService(instrument, Timeframe.M5, new BigDecimal("10000"))) {
 *     service.start();
 *     bars.forEach(service::onBar);
 * }}</pre>
 */
public final class EmbeddedBotService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBotService.class);

    private final TradingBot bot;
    private final List<Fill> fills = new CopyOnWriteArrayList<>();
    private final List<BotState> states = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * Builds the bot (not started): {@code sma-cross} with fast 10 and slow 30 on a paper exchange on the data's clock.
     *
     * @param instrument the symbol and its filters, for the paper exchange and the bot
     * @param timeframe the bars' timeframe
     * @param cash the paper account's starting cash, in the quote asset
     */
    public EmbeddedBotService(Instrument instrument, Timeframe timeframe, BigDecimal cash) {
        this.bot = TradeKit.bot("embedded-" + instrument.symbol())
                .exchange(new PaperExchange(PaperSettings.of(instrument, cash)))
                .symbol(instrument.symbol())
                .timeframe(timeframe)
                .strategy("sma-cross", Map.of("fast", "10", "slow", "30"))
                .dataClock()
                .onEvent(this::onEvent)
                .build();
    }

    /** Starts the bot; call before the first {@link #onBar}. */
    public void start() {
        bot.start();
    }

    /**
     * A closed bar from the host's market data feed; returns once the bot has acted on it.
     *
     * @param bar the next closed bar of the instrument and timeframe
     */
    public void onBar(Bar bar) {
        ReplayDriver.of(bot).feed(bar);
    }

    // Called on the bot's loop thread: keep it short, never block.
    private void onEvent(BotEvent event) {
        switch (event) {
            case BotEvent.FillApplied f -> {
                fills.add(f.fill());
                log.info("{} {} {} @ {} (position {})", f.fill().side(), f.fill().quantity(), f.fill().symbol(), f.fill().price(),
                        f.position().quantity());
            }
            case BotEvent.StateChanged s -> {
                states.add(s.to());
                log.info("bot {} -> {} by {}: {}", s.from(), s.to(), s.actor(), s.reason());
            }
            case BotEvent.OrderDenied d -> problems.add("denied by " + d.deniedBy() + ": " + d.reason());
            case BotEvent.ErrorOccurred e -> problems.add(e.source() + ": " + e.message());
            case BotEvent.RiskAlert a -> log.warn("risk {} asks {}: {}", a.policy(), a.action(), a.reason());
            default -> {
            }
        }
    }

    /**
     * The fills the bot applied, in order.
     *
     * @return a copy
     */
    public List<Fill> fills() {
        return List.copyOf(fills);
    }

    /**
     * Every state the bot moved to, in order.
     *
     * @return a copy
     */
    public List<BotState> states() {
        return List.copyOf(states);
    }

    /**
     * Orders the bot refused and errors it reported.
     *
     * @return a copy, one line each ("denied by ...: reason" or "source: message")
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Cash plus the position at the last price; ask while the service runs.
     *
     * @return the equity in the quote asset
     */
    public BigDecimal equity() {
        return bot.equity();
    }

    /**
     * The bot's state; once closed, the last state it reported (a stopped bot's loop answers no more questions).
     *
     * @return the current or last state
     */
    public BotState state() {
        return closed ? states.getLast() : bot.state();
    }

    /** Stops the bot: it journals its final state and closes its venue. */
    @Override
    public void close() {
        closed = true;
        bot.stop();
    }
}
