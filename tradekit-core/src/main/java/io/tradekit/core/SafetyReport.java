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
 *
 * <p>The control plane serves it as JSON: its fields by name, as when it was a record.
 */
@com.fasterxml.jackson.annotation.JsonAutoDetect(fieldVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)
public final class SafetyReport {

    private final Instant time;
    private final BotState state;
    private final Level level;
    private final List<SafetyVerdict> activeBreakers;
    private final List<LimitStatus> limits;
    private final List<BotEvent> recentEvents;
    private final HealthReport health;
    private final Optional<ProtectionLevels> protection;
    private final Optional<FlattenResult> flatten;

    private SafetyReport(Instant time, BotState state, Level level, List<SafetyVerdict> activeBreakers, List<LimitStatus> limits, List<BotEvent> recentEvents, HealthReport health, Optional<ProtectionLevels> protection, Optional<FlattenResult> flatten) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(level, "level");
        activeBreakers = List.copyOf(activeBreakers);
        limits = List.copyOf(limits);
        recentEvents = List.copyOf(recentEvents);
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(flatten, "flatten");
        this.time = time;
        this.state = state;
        this.level = level;
        this.activeBreakers = activeBreakers;
        this.limits = limits;
        this.recentEvents = recentEvents;
        this.health = health;
        this.protection = protection;
        this.flatten = flatten;
    }

    private SafetyReport(Builder b) {
        this(b.time, b.state, b.level, b.activeBreakers, b.limits, b.recentEvents, b.health, b.protection, b.flatten);
    }

    /**
     * When the report was made, on the bot's clock.
     *
     * @return when the report was made, on the bot's clock
     */
    public Instant time() {
        return time;
    }

    /**
     * The bot's state.
     *
     * @return the bot's state
     */
    public BotState state() {
        return state;
    }

    /**
     * How much risk the report finds.
     *
     * @return how much risk the report finds
     */
    public Level level() {
        return level;
    }

    /**
     * Every check whose last verdict asked for more than CONTINUE, the health monitor included.
     *
     * @return every check whose last verdict asked for more than CONTINUE, the health monitor included
     */
    public List<SafetyVerdict> activeBreakers() {
        return activeBreakers;
    }

    /**
     * Every limit and how much of it is used.
     *
     * @return every limit and how much of it is used
     */
    public List<LimitStatus> limits() {
        return limits;
    }

    /**
     * The recent risk events, oldest first.
     *
     * @return the recent risk events, oldest first
     */
    public List<BotEvent> recentEvents() {
        return recentEvents;
    }

    /**
     * The bot's health.
     *
     * @return the bot's health
     */
    public HealthReport health() {
        return health;
    }

    /**
     * The protective levels of the open position, if any.
     *
     * @return the protective levels of the open position, if any
     */
    public Optional<ProtectionLevels> protection() {
        return protection;
    }

    /**
     * The last or running flatten, if any.
     *
     * @return the last or running flatten, if any
     */
    public Optional<FlattenResult> flatten() {
        return flatten;
    }


    /**
     * One limit of one policy: how much of it is used ({@code usage.ratio()}, 1 or more is reached).
     *
     * @param policy the policy whose limit it is
     * @param usage  the limit, its value and how much of it is used
     */
    public record LimitStatus(String policy, LimitUsage usage) {
        /** Refuses a missing policy or usage. */
        public LimitStatus {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(usage, "usage");
        }

        /**
         * How much of the limit is used.
         *
         * @return the used share, 1 or more when the limit is reached
         */
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
        /** Nothing near a limit, no breaker asking for anything. */
        LOW,
        /** A limit is half used. */
        MEDIUM,
        /** A breaker asks for REDUCE_ONLY or PAUSE, or a limit is 80 % used. */
        HIGH,
        /** EMERGENCY_STOP, a breaker asking to FLATTEN or stop, or a limit reached. */
        CRITICAL;

        private static final BigDecimal HIGH_USAGE = new BigDecimal("0.8");
        private static final BigDecimal MEDIUM_USAGE = new BigDecimal("0.5");

        /**
         * The level of a bot in {@code state} with these breakers and limits.
         *
         * @param state    the bot's state
         * @param breakers the verdicts of the checks that tripped
         * @param limits   every limit and how much of it is used
         * @return the highest level any of them reaches
         */
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

    /** Equal when every figure is equal, as a record's would be. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SafetyReport that
                && java.util.Objects.equals(time, that.time)
                && java.util.Objects.equals(state, that.state)
                && java.util.Objects.equals(level, that.level)
                && java.util.Objects.equals(activeBreakers, that.activeBreakers)
                && java.util.Objects.equals(limits, that.limits)
                && java.util.Objects.equals(recentEvents, that.recentEvents)
                && java.util.Objects.equals(health, that.health)
                && java.util.Objects.equals(protection, that.protection)
                && java.util.Objects.equals(flatten, that.flatten);
    }

    /** Hashes every figure, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(time, state, level, activeBreakers, limits, recentEvents, health, protection, flatten);
    }

    /** Every figure by name, as a record's would print. */
    @Override
    public String toString() {
        return "SafetyReport[" + "time=" + time + ", " + "state=" + state + ", " + "level=" + level + ", " + "activeBreakers=" + activeBreakers + ", " + "limits=" + limits + ", " + "recentEvents=" + recentEvents + ", " + "health=" + health + ", " + "protection=" + protection + ", " + "flatten=" + flatten + "]";
    }

    /**
     * A builder starting empty (lists empty, optional figures absent).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every figure of this one, to change a few.
     *
     * @return a builder preset to this
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.time = time;
        b.state = state;
        b.level = level;
        b.activeBreakers = activeBreakers;
        b.limits = limits;
        b.recentEvents = recentEvents;
        b.health = health;
        b.protection = protection;
        b.flatten = flatten;
        return b;
    }

    /** Collects the figures of a {@link SafetyReport}; a figure added later gets a default here, so no caller breaks. */
    public static final class Builder {
        private Instant time;
        private BotState state;
        private Level level;
        private List<SafetyVerdict> activeBreakers = java.util.List.of();
        private List<LimitStatus> limits = java.util.List.of();
        private List<BotEvent> recentEvents = java.util.List.of();
        private HealthReport health;
        private Optional<ProtectionLevels> protection = java.util.Optional.empty();
        private Optional<FlattenResult> flatten = java.util.Optional.empty();

        private Builder() {
        }

        /**
         * Sets when the report was made, on the bot's clock.
         *
         * @param time when the report was made, on the bot's clock
         * @return this builder
         */
        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        /**
         * Sets the bot's state.
         *
         * @param state the bot's state
         * @return this builder
         */
        public Builder state(BotState state) {
            this.state = state;
            return this;
        }

        /**
         * Sets how much risk the report finds.
         *
         * @param level how much risk the report finds
         * @return this builder
         */
        public Builder level(Level level) {
            this.level = level;
            return this;
        }

        /**
         * Sets every check whose last verdict asked for more than CONTINUE, the health monitor included.
         *
         * @param activeBreakers every check whose last verdict asked for more than CONTINUE, the health monitor included
         * @return this builder
         */
        public Builder activeBreakers(List<SafetyVerdict> activeBreakers) {
            this.activeBreakers = activeBreakers;
            return this;
        }

        /**
         * Sets every limit and how much of it is used.
         *
         * @param limits every limit and how much of it is used
         * @return this builder
         */
        public Builder limits(List<LimitStatus> limits) {
            this.limits = limits;
            return this;
        }

        /**
         * Sets the recent risk events, oldest first.
         *
         * @param recentEvents the recent risk events, oldest first
         * @return this builder
         */
        public Builder recentEvents(List<BotEvent> recentEvents) {
            this.recentEvents = recentEvents;
            return this;
        }

        /**
         * Sets the bot's health.
         *
         * @param health the bot's health
         * @return this builder
         */
        public Builder health(HealthReport health) {
            this.health = health;
            return this;
        }

        /**
         * Sets the protective levels of the open position, if any.
         *
         * @param protection the protective levels of the open position, if any
         * @return this builder
         */
        public Builder protection(Optional<ProtectionLevels> protection) {
            this.protection = protection;
            return this;
        }

        /**
         * Sets the last or running flatten, if any.
         *
         * @param flatten the last or running flatten, if any
         * @return this builder
         */
        public Builder flatten(Optional<FlattenResult> flatten) {
            this.flatten = flatten;
            return this;
        }

        /**
         * The result of the figures set.
         *
         * @return the result
         */
        public SafetyReport build() {
            return new SafetyReport(this);
        }
    }
}
