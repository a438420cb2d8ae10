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
    public static final String MAX_ORDER_NOTIONAL = "max-order-notional";
    public static final String MAX_OPEN_ORDERS = "max-open-orders";
    public static final String MAX_CONSECUTIVE_LOSSES = "max-consecutive-losses";
    /** ISO-8601 duration, e.g. PT1H. */
    public static final String LOSS_STREAK_COOLDOWN = "loss-streak-cooldown";
    public static final String COOLDOWN_AFTER_LOSS = "cooldown-after-loss";
    /** Orders per minute. */
    public static final String MAX_ORDERS_PER_MINUTE = "max-orders-per-minute";
    /** Fraction away from the last price a limit price may be. */
    public static final String PRICE_BAND = "price-band";
    /** ISO-8601 duration after which market data counts as stale. */
    public static final String MAX_DATA_AGE = "max-data-age";
    /** Total notional across symbols as a fraction of equity. */
    public static final String MAX_EXPOSURE = "max-exposure";
    public static final String MAX_RISK_OF_RUIN = "max-risk-of-ruin";
    /** Hour (UTC) at which the trading day starts for the daily loss. */
    public static final String DAY_BOUNDARY_HOUR = "day-boundary-hour";

    public RiskLimits {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static RiskLimits none() {
        return new RiskLimits(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rules these limits name. */
    public Set<String> rules() {
        return values.keySet();
    }

    public boolean has(String rule) {
        return values.containsKey(rule);
    }

    public Optional<BigDecimal> decimal(String rule) {
        String v = values.get(rule);
        if (v == null) return Optional.empty();
        return Optional.of(BoundedDecimal.parse(v, "risk limit '" + rule + "'"));
    }

    public Optional<Duration> duration(String rule) {
        String v = values.get(rule);
        if (v == null) return Optional.empty();
        try {
            return Optional.of(Duration.parse(v));
        } catch (RuntimeException e) {
            throw new InvalidInputException("risk limit '" + rule + "' is '" + v + "', expected an ISO-8601 duration such as PT30M");
        }
    }

    public RiskLimits with(String rule, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(rule, value);
        return new RiskLimits(copy);
    }

    /** Builds {@link RiskLimits}; each setter checks its value's range. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        public Builder maxDailyLoss(BigDecimal quoteAmount) {
            return positive(MAX_DAILY_LOSS, quoteAmount);
        }

        public Builder maxDrawdown(BigDecimal fraction) {
            return fraction(MAX_DRAWDOWN, fraction);
        }

        public Builder maxPosition(BigDecimal fractionOfEquity) {
            return positive(MAX_POSITION, fractionOfEquity);
        }

        public Builder maxPositionBase(BigDecimal quantity) {
            return positive(MAX_POSITION_BASE, quantity);
        }

        public Builder maxOrderNotional(BigDecimal quoteAmount) {
            return positive(MAX_ORDER_NOTIONAL, quoteAmount);
        }

        public Builder maxOpenOrders(int count) {
            return positive(MAX_OPEN_ORDERS, BigDecimal.valueOf(count));
        }

        public Builder maxConsecutiveLosses(int count, Duration cooldown) {
            positive(MAX_CONSECUTIVE_LOSSES, BigDecimal.valueOf(count));
            return limit(LOSS_STREAK_COOLDOWN, cooldown.toString());
        }

        public Builder cooldownAfterLoss(Duration cooldown) {
            return limit(COOLDOWN_AFTER_LOSS, cooldown.toString());
        }

        public Builder maxOrdersPerMinute(int count) {
            return positive(MAX_ORDERS_PER_MINUTE, BigDecimal.valueOf(count));
        }

        public Builder priceBand(BigDecimal fraction) {
            return fraction(PRICE_BAND, fraction);
        }

        public Builder maxDataAge(Duration age) {
            return limit(MAX_DATA_AGE, age.toString());
        }

        public Builder maxExposure(BigDecimal fractionOfEquity) {
            return positive(MAX_EXPOSURE, fractionOfEquity);
        }

        public Builder maxRiskOfRuin(BigDecimal probability) {
            return fraction(MAX_RISK_OF_RUIN, probability);
        }

        public Builder dayBoundaryHour(int hourUtc) {
            if (hourUtc < 0 || hourUtc > 23) throw new InvalidInputException("day-boundary-hour must be 0..23, got " + hourUtc);
            return limit(DAY_BOUNDARY_HOUR, Integer.toString(hourUtc));
        }

        /** Any rule by name, for limits that a plugin policy enforces. */
        public Builder limit(String rule, String value) {
            if (rule == null || rule.isBlank()) throw new InvalidInputException("a risk limit needs a name");
            if (value == null || value.isBlank()) throw new InvalidInputException("risk limit '" + rule + "' needs a value");
            values.put(rule, value.trim());
            return this;
        }

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
