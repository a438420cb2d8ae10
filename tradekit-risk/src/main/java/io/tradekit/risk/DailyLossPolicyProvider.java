package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.risk.internal.DailyLossPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.TradingDay;

import java.util.Set;

/**
 * Enforces {@link RiskLimits#MAX_DAILY_LOSS} (quote currency lost since the start of the trading day,
 * realized plus unrealized) with the day starting at {@link RiskLimits#DAY_BOUNDARY_HOUR} UTC (0 when
 * not set). Reaching the limit asks the bot to {@code flatten} (the default) or {@code pause}
 * ({@value #ACTION}) and refuses new exposure for the rest of the trading day.
 */
public final class DailyLossPolicyProvider implements RiskPolicyProvider {

    /** {@code flatten} or {@code pause}: what the bot is asked to do when the daily loss is reached. */
    public static final String ACTION = "daily-loss-action";

    @Override
    public String name() {
        return "max-daily-loss";
    }

    @Override
    public Set<String> rules() {
        return Set.of(RiskLimits.MAX_DAILY_LOSS, RiskLimits.DAY_BOUNDARY_HOUR, ACTION);
    }

    @Override
    public RiskPolicy create(RiskLimits limits) {
        LimitValues values = new LimitValues(limits);
        values.requireOneOf(ACTION, RiskLimits.MAX_DAILY_LOSS);
        values.requireOneOf(RiskLimits.DAY_BOUNDARY_HOUR, RiskLimits.MAX_DAILY_LOSS);
        int hour = values.hourOfDay(RiskLimits.DAY_BOUNDARY_HOUR).orElse(0);
        SafetyAction action = values.choice(ACTION, SafetyAction.class).orElse(SafetyAction.FLATTEN);
        if (action != SafetyAction.FLATTEN && action != SafetyAction.PAUSE) {
            throw new InvalidInputException("risk limit '" + ACTION + "' is '" + values.raw(ACTION) + "': it must be flatten or pause");
        }
        return new DailyLossPolicy(name(), values.positive(RiskLimits.MAX_DAILY_LOSS).orElseThrow(() -> ProviderLimits.missing(this)),
                new TradingDay(hour), action);
    }
}
