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

    Instant time();

    /** A bar was processed by the strategy (after warmup). */
    record BarProcessed(Instant time, Bar bar) implements BotEvent {
    }

    /** An order passed every check, was written ahead and is on its way to the venue. */
    record OrderSubmitted(Instant time, Order order) implements BotEvent {
    }

    /** An order the strategy wanted was refused before the venue: by sizing, a risk policy or the bot's state. */
    record OrderDenied(Instant time, OrderIntent intent, String deniedBy, String reason) implements BotEvent {
        public OrderDenied {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(deniedBy, "deniedBy");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An order changed status or filled quantity. */
    record OrderChanged(Instant time, Order order) implements BotEvent {
    }

    /** A fill was applied to the portfolio (exactly once per fill id). */
    record FillApplied(Instant time, Fill fill, Position position, java.math.BigDecimal realizedPnl) implements BotEvent {
    }

    record StateChanged(Instant time, BotState from, BotState to, String actor, String reason) implements BotEvent {
    }

    /** A risk policy or safety check asked for an action (CONTINUE with a warning is reported too). */
    record RiskAlert(Instant time, String policy, SafetyAction action, AlertLevel level, String reason) implements BotEvent {
    }

    record ErrorOccurred(Instant time, String source, ErrorCategory category, RecoveryAction action, String message) implements BotEvent {
    }

    /** The alert level of a {@link RiskAlert}. */
    enum AlertLevel { INFO, WARNING, CRITICAL }
}
