package io.tradekit.core;

import io.tradekit.api.BotState;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.LimitUsage;
import io.tradekit.api.spi.SafetyVerdict;
import io.tradekit.core.errors.HealthReport;
import io.tradekit.core.protection.ProtectionLevels;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bot's safety at one moment, for an operator: its state and risk level, the breakers that are
 * tripped (every check whose last verdict asked for more than CONTINUE, the health monitor included),
 * every limit and how close the bot is to it, the recent risk events, its health, the protective
 * levels of its open position and the last or running flatten.
 */
public record SafetyReport(Instant time, BotState state, Level level, List<SafetyVerdict> activeBreakers,
                           List<LimitStatus> limits, List<BotEvent> recentEvents, HealthReport health,
                           Optional<ProtectionLevels> protection, Optional<FlattenResult> flatten) {

    public SafetyReport {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(level, "level");
        activeBreakers = List.copyOf(activeBreakers);
        limits = List.copyOf(limits);
        recentEvents = List.copyOf(recentEvents);
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(flatten, "flatten");
    }

    /** One limit of one policy: how much of it is used ({@code usage.ratio()}, 1 or more is reached). */
    public record LimitStatus(String policy, LimitUsage usage) {
        public LimitStatus {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(usage, "usage");
        }

        public BigDecimal ratio() {
            return usage.ratio();
        }
    }

    /**
     * How much risk the report finds:
     * <ul>
     *   <li>CRITICAL: the bot is in EMERGENCY_STOP, a breaker asks to FLATTEN or stop, or a limit is reached;</li>
     *   <li>HIGH: a breaker asks for REDUCE_ONLY or PAUSE, or a limit is 80 % used;</li>
     *   <li>MEDIUM: a limit is half used;</li>
     *   <li>LOW: otherwise.</li>
     * </ul>
     */
    public enum Level {
        LOW, MEDIUM, HIGH, CRITICAL;

        private static final BigDecimal HIGH_USAGE = new BigDecimal("0.8");
        private static final BigDecimal MEDIUM_USAGE = new BigDecimal("0.5");

        public static Level of(BotState state, List<SafetyVerdict> breakers, List<LimitStatus> limits) {
            Level level = state == BotState.EMERGENCY_STOP ? CRITICAL : LOW;
            for (SafetyVerdict v : breakers) {
                level = max(level, v.action().ordinal() >= SafetyAction.FLATTEN.ordinal() ? CRITICAL
                        : v.action() == SafetyAction.CONTINUE ? LOW : HIGH);
            }
            for (LimitStatus l : limits) {
                BigDecimal r = l.ratio();
                level = max(level, r.compareTo(BigDecimal.ONE) >= 0 ? CRITICAL : r.compareTo(HIGH_USAGE) >= 0 ? HIGH
                        : r.compareTo(MEDIUM_USAGE) >= 0 ? MEDIUM : LOW);
            }
            return level;
        }

        private static Level max(Level a, Level b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }
}
