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

    /**
     * Closed bars the strategy needs before it may trade; {@link #onBar} is first called once they are there.
     *
     * @return the number of warmup bars of the bot's own timeframe; 0 (the default) for none
     */
    default int warmupBars() {
        return 0;
    }

    /**
     * Timeframes beyond the bot's own that the strategy reads, e.g. {@code Set.of(Timeframe.H1)} for 5m signals
     * confirmed on 1h. Core makes their bars from the bot's closed bars (each a whole multiple of the bot's
     * timeframe, aligned to UTC boundaries; a bar exists only once the last base bar inside it has closed) and
     * shows them through {@link StrategyContext#recentBars(Timeframe, int)}, in every mode alike.
     *
     * @return the extra timeframes; empty (the default) for none
     */
    default Set<Timeframe> higherTimeframes() {
        return Set.of();
    }

    /**
     * Closed bars of one of the {@link #higherTimeframes()} the strategy needs before {@link #onBar} is first
     * called; the bot warms up on enough base bars to make them (see {@link #warmupBars()} for its own timeframe).
     *
     * @param timeframe one of the {@link #higherTimeframes()}
     * @return the number of closed bars of that timeframe needed; 0 by default
     */
    default int warmupBars(Timeframe timeframe) {
        return 0;
    }

    /**
     * Whether a {@link io.tradekit.api.Signal#SELL} while flat may open a short position. Only a bot on a
     * derivatives instrument (see {@link io.tradekit.api.Instrument#isDerivative()}) asks; a spot bot never
     * shorts. Reference strategies read it from a parameter such as {@code allowShort=true}.
     *
     * @return true when a SELL while flat may open a short; false by default
     */
    default boolean allowsShort() {
        return false;
    }

    /**
     * Called when the bot starts trading with this strategy: after the warmup history was loaded and, on a
     * restart, after {@link #restoreState} and the reconciliation with the venue; also when this strategy takes
     * over from another on a running bot (after restoring the other's saved state). Does nothing by default.
     *
     * @param ctx the bot's context
     */
    default void onStart(StrategyContext ctx) {
    }

    /**
     * A closed bar of the bot's symbol and timeframe, once warmup is done. An exception thrown here becomes an
     * error event and pauses (or, if so configured, stops) the bot.
     *
     * @param bar the closed bar
     * @param ctx the bot's context
     */
    void onBar(Bar bar, StrategyContext ctx);

    /**
     * A ticker of the bot's symbol, when the venue streams one (live and paper bots), once warmup is done.
     * Does nothing by default.
     *
     * @param ticker the new best bid, ask and last price
     * @param ctx    the bot's context
     */
    default void onTicker(Ticker ticker, StrategyContext ctx) {
    }

    /**
     * An order of this bot changed (acknowledged, filled, cancelled, rejected, expired). Does nothing by default.
     *
     * @param order the order after the change
     * @param ctx   the bot's context
     */
    default void onOrderUpdate(Order order, StrategyContext ctx) {
    }

    /**
     * A fill of this bot, after the portfolio applied it (each fill id once). Does nothing by default.
     *
     * @param fill the fill
     * @param ctx  the bot's context
     */
    default void onFill(Fill fill, StrategyContext ctx) {
    }

    /**
     * Called when the bot is asked to stop, before its last equity mark is recorded (not when a strategy failure
     * stops it). Does nothing by default.
     *
     * @param ctx the bot's context
     */
    default void onStop(StrategyContext ctx) {
    }

    /**
     * The strategy's own state as JSON, saved in the bot's snapshots.
     *
     * @return a JSON text; {@code "{}"} (the default) for a strategy with nothing to keep
     */
    default String saveState() {
        return "{}";
    }

    /**
     * Restores what {@link #saveState()} returned, before {@link #onStart} on a restart. Does nothing by default.
     *
     * @param json a text that {@link #saveState()} returned earlier
     */
    default void restoreState(String json) {
    }

    /**
     * On a restart, after {@link #restoreState} and before {@link #onStart}, and when the strategy takes over from
     * another on a running bot (a parameter change): hands it the audit lines the bot's strategy wrote so far
     * ({@link StrategyContext#audit}), to read back the ones it wants. A strategy
     * that keeps a growing history (every round trip it made) writes one line per entry as it happens, in the
     * commit of the fill that made it, and reads them back here, instead of carrying the whole history in the state
     * that is journaled with every commit. Not called for a bot with nothing journaled. Does nothing by default.
     *
     * @param lines the bot's journal of audit lines
     */
    default void restoreAudit(AuditLines lines) {
    }
}
