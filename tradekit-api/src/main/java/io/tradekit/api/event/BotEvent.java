package io.tradekit.api.event;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.SafetyAction;

import java.time.Instant;
import java.util.Objects;

/**
 * What a bot tells its host: a listener added with {@code TradingBot.onEvent} receives these on the
 * bot's loop thread, in order, and must return quickly.
 */
public sealed interface BotEvent {

    /**
     * When it happened, on the bot's clock (market time in a backtest or replay; a fill's own time for
     * {@link FillApplied}).
     *
     * @return the event's time
     */
    Instant time();

    /**
     * A bar was processed by the strategy (after warmup).
     *
     * @param time the bot's clock when the bar was processed
     * @param bar  the closed bar
     */
    record BarProcessed(Instant time, Bar bar) implements BotEvent {
    }

    /**
     * An order passed every check, was written ahead and is on its way to the venue.
     *
     * @param time  the bot's clock when it was sent
     * @param order the order as written ahead
     */
    record OrderSubmitted(Instant time, Order order) implements BotEvent {
    }

    /**
     * An order the strategy wanted was refused before the venue: by sizing, a risk policy or the bot's state.
     *
     * @param time     the bot's clock when it was refused
     * @param intent   the order the strategy wanted
     * @param deniedBy what refused it: a risk policy's name, or the engine's check (sizing, the bot's state)
     * @param reason   why, in words for an operator
     */
    record OrderDenied(Instant time, OrderIntent intent, String deniedBy, String reason) implements BotEvent {
        /**
         * Checks that intent, deniedBy and reason are given.
         *
         * @throws NullPointerException when intent, deniedBy or reason is null
         */
        public OrderDenied {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(deniedBy, "deniedBy");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An order changed status or filled quantity.
     *
     * @param time  the bot's clock when the change was applied
     * @param order the order after the change
     */
    record OrderChanged(Instant time, Order order) implements BotEvent {
    }

    /**
     * A fill was applied to the portfolio (exactly once per fill id).
     *
     * @param time        the fill's time
     * @param fill        the fill
     * @param position    the symbol's position after the fill
     * @param realizedPnl the profit or loss this fill realized, in the quote asset, net of the fees attributed to
     *                    the closed quantity; zero for a fill that only opens or adds
     */
    record FillApplied(Instant time, Fill fill, Position position, java.math.BigDecimal realizedPnl) implements BotEvent {
    }

    /**
     * The bot moved from one state to another; every transition is also written to the audit journal.
     *
     * @param time   the bot's clock at the transition
     * @param from   the state before
     * @param to     the state after
     * @param actor  who asked: an operator's name, or the engine part or policy that decided
     * @param reason why, in words for an operator
     */
    record StateChanged(Instant time, BotState from, BotState to, String actor, String reason) implements BotEvent {
    }

    /**
     * A risk policy or safety check asked for an action (CONTINUE with a warning is reported too).
     *
     * @param time   the bot's clock when it was raised
     * @param policy the name of the policy or engine part that raised it
     * @param action the action asked for
     * @param level  how urgent the alert is
     * @param reason what was seen, in words for an operator
     */
    record RiskAlert(Instant time, String policy, SafetyAction action, AlertLevel level, String reason) implements BotEvent {
    }

    /**
     * An error the bot classified and acted on (a venue error, a malformed message, a strategy that threw);
     * it is also written to the audit journal.
     *
     * @param time     the bot's clock when it was handled
     * @param source   where it came from, e.g. {@code strategy}, {@code fills} or an adapter's source name
     * @param category what kind of error it is
     * @param action   what the bot does about it
     * @param message  what happened, in words for an operator
     */
    record ErrorOccurred(Instant time, String source, ErrorCategory category, RecoveryAction action, String message) implements BotEvent {
    }

    /** The alert level of a {@link RiskAlert}. */
    enum AlertLevel {
        /** For the record; nothing needs doing. */
        INFO,
        /** Something an operator should look at. */
        WARNING,
        /** The most severe, e.g. safety asked to flatten or stop, or a flatten gave up: an operator should act now. */
        CRITICAL
    }
}
