package io.tradekit.api.spi;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.Ticker;
import io.tradekit.api.Timeframe;

import java.util.Set;

/**
 * Trading logic. Called only on the bot's loop thread, so an implementation needs no locks. It either
 * emits {@link io.tradekit.api.Signal}s (sized by the engine) or submits explicit
 * {@link io.tradekit.api.OrderIntent}s through the {@link StrategyContext}.
 *
 * <pre>{@code
 * public final class BuyTheDip implements Strategy {
 *     public int warmupBars() { return 1; }
 *     public void onBar(Bar bar, StrategyContext ctx) {
 *         ctx.signal(bar.close().compareTo(bar.open()) < 0 ? Signal.BUY : Signal.HOLD);
 *     }
 * }}</pre>
 */
public interface Strategy {

    /** Closed bars the strategy needs before it may trade; {@link #onBar} is first called once they are there. */
    default int warmupBars() {
        return 0;
    }

    /**
     * Timeframes beyond the bot's own that the strategy reads, e.g. {@code Set.of(Timeframe.H1)} for 5m signals
     * confirmed on 1h. Core makes their bars from the bot's closed bars (each a whole multiple of the bot's
     * timeframe, aligned to UTC boundaries; a bar exists only once the last base bar inside it has closed) and
     * shows them through {@link StrategyContext#recentBars(Timeframe, int)}, in every mode alike.
     */
    default Set<Timeframe> higherTimeframes() {
        return Set.of();
    }

    /**
     * Closed bars of one of the {@link #higherTimeframes()} the strategy needs before {@link #onBar} is first
     * called; the bot warms up on enough base bars to make them (see {@link #warmupBars()} for its own timeframe).
     */
    default int warmupBars(Timeframe timeframe) {
        return 0;
    }

    /**
     * Whether a {@link io.tradekit.api.Signal#SELL} while flat may open a short position. Only a bot on a
     * derivatives instrument (see {@link io.tradekit.api.Instrument#isDerivative()}) asks; a spot bot never
     * shorts. Reference strategies read it from a parameter such as {@code allowShort=true}.
     */
    default boolean allowsShort() {
        return false;
    }

    default void onStart(StrategyContext ctx) {
    }

    /** A closed bar of the bot's symbol and timeframe. */
    void onBar(Bar bar, StrategyContext ctx);

    default void onTicker(Ticker ticker, StrategyContext ctx) {
    }

    /** An order of this bot changed (acknowledged, filled, cancelled, rejected, expired). */
    default void onOrderUpdate(Order order, StrategyContext ctx) {
    }

    /** A fill of this bot, after the portfolio applied it. */
    default void onFill(Fill fill, StrategyContext ctx) {
    }

    default void onStop(StrategyContext ctx) {
    }

    /** The strategy's own state as JSON, saved in the bot's snapshots. */
    default String saveState() {
        return "{}";
    }

    /** Restores what {@link #saveState()} returned, before {@link #onStart} on a restart. */
    default void restoreState(String json) {
    }
}
