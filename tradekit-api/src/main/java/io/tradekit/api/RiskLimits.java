package io.tradekit.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Limit values for a bot, as plain data. Each named rule must be enforced by some
 * {@link io.tradekit.api.spi.RiskPolicyProvider} on the classpath, or the bot is refused at build:
 * a limit is never silently ignored. Fractions are of equity: {@code maxDrawdown(0.05)} is 5 %.
 *
 * <pre>{@code RiskLimits limits = RiskLimits.builder()
 *     .maxDailyLoss(new BigDecimal("500")).maxDrawdown(new BigDecimal("0.05")).build();}</pre>
 *
 * @param values each rule's name (e.g. {@value #MAX_DRAWDOWN}) mapped to its value as text; copied, in
 *               insertion order, and unmodifiable
 */
public record RiskLimits(Map<String, String> values) {

    /** Quote currency lost since the start of the trading day, realized plus unrealized. */
    public static final String MAX_DAILY_LOSS = "max-daily-loss";
    /** Fraction of the equity peak. */
    public static final String MAX_DRAWDOWN = "max-drawdown";
    /** Position notional as a fraction of equity. */
    public static final String MAX_POSITION = "max-position";
    /** Position size in the base asset. */
    public static final String MAX_POSITION_BASE = "max-position-base";
    /** Quote value one order that adds exposure may have. */
    public static final String MAX_ORDER_NOTIONAL = "max-order-notional";
    /** Count of the bot's open orders, across its symbols. */
    public static final String MAX_OPEN_ORDERS = "max-open-orders";
    /** Count of losing trades in a row after which the bot pauses for {@link #LOSS_STREAK_COOLDOWN}; the two go together. */
    public static final String MAX_CONSECUTIVE_LOSSES = "max-consecutive-losses";
    /** ISO-8601 duration, e.g. PT1H, of the pause after {@link #MAX_CONSECUTIVE_LOSSES} losing trades. */
    public static final String LOSS_STREAK_COOLDOWN = "loss-streak-cooldown";
    /** ISO-8601 duration during which no new exposure is allowed after a fill that realizes a loss. */
    public static final String COOLDOWN_AFTER_LOSS = "cooldown-after-loss";
    /** Orders per minute. */
    public static final String MAX_ORDERS_PER_MINUTE = "max-orders-per-minute";
    /** Fraction away from the last price a limit price may be. */
    public static final String PRICE_BAND = "price-band";
    /** ISO-8601 duration after which market data counts as stale. */
    public static final String MAX_DATA_AGE = "max-data-age";
    /** Total notional across symbols as a fraction of equity. */
    public static final String MAX_EXPOSURE = "max-exposure";
    /** Probability, a fraction in (0, 1), that the estimated risk of ruin over recent round trips may reach. */
    public static final String MAX_RISK_OF_RUIN = "max-risk-of-ruin";
    /** Hour (UTC) at which the trading day starts for the daily loss. */
    public static final String DAY_BOUNDARY_HOUR = "day-boundary-hour";

    /**
     * Copies {@code values} into an unmodifiable map that keeps their order. Values are not checked here:
     * the typed accessors and the enforcing policies check them when they read them.
     *
     * @throws NullPointerException when {@code values} is null
     */
    public RiskLimits {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Limits that name no rule.
     *
     * @return empty limits
     */
    public static RiskLimits none() {
        return new RiskLimits(Map.of());
    }

    /**
     * A builder that checks each value's range as it is set.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The rules these limits name.
     *
     * @return the rule names, in the order they were set; unmodifiable
     */
    public Set<String> rules() {
        return values.keySet();
    }

    /**
     * Whether these limits name a rule.
     *
     * @param rule the rule's name, e.g. {@value #MAX_DRAWDOWN}
     * @return true when the rule has a value
     */
    public boolean has(String rule) {
        return values.containsKey(rule);
    }

    /**
     * A rule's value as a decimal.
     *
     * @param rule the rule's name
     * @return the value, or empty when the rule is not set
     * @throws InvalidInputException when the value is not a decimal within {@link BoundedDecimal}'s bounds
     */
    public Optional<BigDecimal> decimal(String rule) {
        String v = values.get(rule);
        if (v == null) return Optional.empty();
        return Optional.of(BoundedDecimal.parse(v, "risk limit '" + rule + "'"));
    }

    /**
     * A rule's value as an ISO-8601 duration such as {@code PT30M}.
     *
     * @param rule the rule's name
     * @return the value, or empty when the rule is not set
     * @throws InvalidInputException when the value is not an ISO-8601 duration
     */
    public Optional<Duration> duration(String rule) {
        String v = values.get(rule);
        if (v == null) return Optional.empty();
        try {
            return Optional.of(Duration.parse(v));
        } catch (RuntimeException e) {
            throw new InvalidInputException("risk limit '" + rule + "' is '" + v + "', expected an ISO-8601 duration such as PT30M");
        }
    }

    /**
     * A copy of these limits with one rule set (or replaced). Unlike the {@link Builder}, the value is not checked.
     *
     * @param rule  the rule's name
     * @param value the rule's value as text
     * @return the new limits; these are unchanged
     */
    public RiskLimits with(String rule, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(rule, value);
        return new RiskLimits(copy);
    }

    /** Builds {@link RiskLimits}; each setter checks its value's range. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        /** An empty builder: no rule set; {@link RiskLimits#builder()} makes the same. */
        public Builder() {
        }

        /**
         * Sets {@link #MAX_DAILY_LOSS}.
         *
         * @param quoteAmount the most quote currency the bot may lose in one trading day, positive
         * @return this builder
         * @throws InvalidInputException when the amount is null or not positive
         */
        public Builder maxDailyLoss(BigDecimal quoteAmount) {
            return positive(MAX_DAILY_LOSS, quoteAmount);
        }

        /**
         * Sets {@link #MAX_DRAWDOWN}.
         *
         * @param fraction the largest fall from the equity peak, a fraction in (0, 1): 0.05 is 5 %
         * @return this builder
         * @throws InvalidInputException when the fraction is null or not in (0, 1)
         */
        public Builder maxDrawdown(BigDecimal fraction) {
            return fraction(MAX_DRAWDOWN, fraction);
        }

        /**
         * Sets {@link #MAX_POSITION}.
         *
         * @param fractionOfEquity the largest position notional as a fraction of equity, positive (may exceed 1 with leverage)
         * @return this builder
         * @throws InvalidInputException when the value is null or not positive
         */
        public Builder maxPosition(BigDecimal fractionOfEquity) {
            return positive(MAX_POSITION, fractionOfEquity);
        }

        /**
         * Sets {@link #MAX_POSITION_BASE}.
         *
         * @param quantity the largest position size in the base asset, positive
         * @return this builder
         * @throws InvalidInputException when the quantity is null or not positive
         */
        public Builder maxPositionBase(BigDecimal quantity) {
            return positive(MAX_POSITION_BASE, quantity);
        }

        /**
         * Sets {@link #MAX_ORDER_NOTIONAL}.
         *
         * @param quoteAmount the largest quote value of one order that adds exposure, positive
         * @return this builder
         * @throws InvalidInputException when the amount is null or not positive
         */
        public Builder maxOrderNotional(BigDecimal quoteAmount) {
            return positive(MAX_ORDER_NOTIONAL, quoteAmount);
        }

        /**
         * Sets {@link #MAX_OPEN_ORDERS}.
         *
         * @param count the most open orders the bot may have, positive
         * @return this builder
         * @throws InvalidInputException when the count is not positive
         */
        public Builder maxOpenOrders(int count) {
            return positive(MAX_OPEN_ORDERS, BigDecimal.valueOf(count));
        }

        /**
         * Sets {@link #MAX_CONSECUTIVE_LOSSES} and {@link #LOSS_STREAK_COOLDOWN} together.
         *
         * @param count    the number of losing trades in a row that pauses the bot, positive
         * @param cooldown how long the pause lasts, on the bot's clock
         * @return this builder
         * @throws InvalidInputException when the count is not positive
         * @throws NullPointerException  when {@code cooldown} is null
         */
        public Builder maxConsecutiveLosses(int count, Duration cooldown) {
            positive(MAX_CONSECUTIVE_LOSSES, BigDecimal.valueOf(count));
            return limit(LOSS_STREAK_COOLDOWN, cooldown.toString());
        }

        /**
         * Sets {@link #COOLDOWN_AFTER_LOSS}.
         *
         * @param cooldown how long no new exposure is allowed after a losing fill, on the bot's clock
         * @return this builder
         * @throws NullPointerException when {@code cooldown} is null
         */
        public Builder cooldownAfterLoss(Duration cooldown) {
            return limit(COOLDOWN_AFTER_LOSS, cooldown.toString());
        }

        /**
         * Sets {@link #MAX_ORDERS_PER_MINUTE}.
         *
         * @param count the most orders the bot may send per minute, positive
         * @return this builder
         * @throws InvalidInputException when the count is not positive
         */
        public Builder maxOrdersPerMinute(int count) {
            return positive(MAX_ORDERS_PER_MINUTE, BigDecimal.valueOf(count));
        }

        /**
         * Sets {@link #PRICE_BAND}, a guard against fat-fingered limit prices.
         *
         * @param fraction how far from the last price a limit price may be, a fraction in (0, 1): 0.02 is 2 %
         * @return this builder
         * @throws InvalidInputException when the fraction is null or not in (0, 1)
         */
        public Builder priceBand(BigDecimal fraction) {
            return fraction(PRICE_BAND, fraction);
        }

        /**
         * Sets {@link #MAX_DATA_AGE}.
         *
         * @param age how old market data may be before it counts as stale
         * @return this builder
         * @throws NullPointerException when {@code age} is null
         */
        public Builder maxDataAge(Duration age) {
            return limit(MAX_DATA_AGE, age.toString());
        }

        /**
         * Sets {@link #MAX_EXPOSURE}.
         *
         * @param fractionOfEquity the largest total notional across symbols as a fraction of equity, positive
         * @return this builder
         * @throws InvalidInputException when the value is null or not positive
         */
        public Builder maxExposure(BigDecimal fractionOfEquity) {
            return positive(MAX_EXPOSURE, fractionOfEquity);
        }

        /**
         * Sets {@link #MAX_RISK_OF_RUIN}.
         *
         * @param probability the highest estimated probability of ruin allowed, a fraction in (0, 1)
         * @return this builder
         * @throws InvalidInputException when the probability is null or not in (0, 1)
         */
        public Builder maxRiskOfRuin(BigDecimal probability) {
            return fraction(MAX_RISK_OF_RUIN, probability);
        }

        /**
         * Sets {@link #DAY_BOUNDARY_HOUR}.
         *
         * @param hourUtc the hour, 0 to 23 UTC, at which the trading day (and the daily loss) starts
         * @return this builder
         * @throws InvalidInputException when the hour is outside 0..23
         */
        public Builder dayBoundaryHour(int hourUtc) {
            if (hourUtc < 0 || hourUtc > 23) throw new InvalidInputException("day-boundary-hour must be 0..23, got " + hourUtc);
            return limit(DAY_BOUNDARY_HOUR, Integer.toString(hourUtc));
        }

        /**
         * Any rule by name, for limits that a plugin policy enforces. The value is trimmed, not otherwise checked.
         *
         * @param rule  the rule's name
         * @param value the rule's value as text
         * @return this builder
         * @throws InvalidInputException when the name or the value is null or blank
         */
        public Builder limit(String rule, String value) {
            if (rule == null || rule.isBlank()) throw new InvalidInputException("a risk limit needs a name");
            if (value == null || value.isBlank()) throw new InvalidInputException("risk limit '" + rule + "' needs a value");
            values.put(rule, value.trim());
            return this;
        }

        /**
         * The limits set so far. The builder may be used again afterwards.
         *
         * @return the limits
         */
        public RiskLimits build() {
            return new RiskLimits(values);
        }

        private Builder positive(String rule, BigDecimal v) {
            if (v == null || v.signum() <= 0) throw new InvalidInputException("risk limit '" + rule + "' must be positive, got " + v);
            return limit(rule, v.toPlainString());
        }

        private Builder fraction(String rule, BigDecimal v) {
            if (v == null || v.signum() <= 0 || v.compareTo(BigDecimal.ONE) >= 0) {
                throw new InvalidInputException("risk limit '" + rule + "' is a fraction and must be in (0, 1), got " + v
                        + (v != null && v.compareTo(BigDecimal.ONE) >= 0 ? " (write 0.05 for 5 %)" : ""));
            }
            return limit(rule, v.toPlainString());
        }
    }
}
