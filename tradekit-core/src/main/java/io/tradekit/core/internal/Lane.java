package io.tradekit.core.internal;

import io.tradekit.api.Instrument;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.Strategy;

/**
 * One pair of a bot: its symbol, its own strategy instance (same name and parameters as the other lanes'),
 * the instrument loaded at start and the context that strategy sees. Lanes share everything else of the
 * bot: the loop thread, the venue account, the journal, the order id space, the safety manager and the
 * risk totals. A single-symbol bot is a bot with one lane.
 */
final class Lane {

    final String symbol;
    /** What the lane's strategy sees: on a bot with several pairs, its open orders and cancel-all are its pair's. */
    final EngineContext context;
    /** The lane's symbol and every open order of the bot: what risk policies read, and the bot's own context. */
    final EngineContext riskView;
    /** {@link #riskView} as risk policies get it: reads only, so a policy cannot cast its way to placing orders. */
    final RiskContext policyView;
    /** Replaced only on the loop, at a safe point ({@link BotEngine#replaceStrategy}). */
    Strategy strategy;
    /** Loaded from the venue at start. */
    Instrument instrument;
    /** Whether the lane's series holds the strategy's warmup bars, so that it trades on the next one. */
    boolean warm;
    /**
     * The close time of the last bar handed to the lane's strategy (journaled with its state): a bar at or before it,
     * fed again after a restart, does not reach the strategy twice. Pairs are handed their bars one after another, so
     * a process killed between two pairs' bars of one close leaves them one bar apart (see {@code BotEngine#catchUpLanes}).
     */
    java.time.Instant actedUpTo;

    Lane(BotEngine engine, String symbol, Strategy strategy) {
        this.symbol = symbol;
        this.strategy = strategy;
        this.context = new EngineContext(engine, this, true);
        this.riskView = new EngineContext(engine, this, false);
        this.policyView = new RiskView(riskView);
    }
}
