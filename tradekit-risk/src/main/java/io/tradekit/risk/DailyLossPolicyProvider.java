package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.risk.internal.DailyLossPolicy;
import io.tradekit.risk.internal.LimitValues;
import io.tradekit.risk.internal.TradingDay;

/**
 * Enforces {@link RiskLimits#MAX_DAILY_LOSS} (quote currency lost since the start of the trading day,
 * realized plus unrealized) with the day starting at {@link RiskLimits#DAY_BOUNDARY_HOUR} UTC (0 when
 * not set). Reaching the limit asks the bot to {@code flatten} (the default) or {@code pause}
 * ({@value #ACTION}) and refuses new exposure for the rest of the trading day.
 */
public final class DailyLossPolicyProvider extends LimitPolicyProvider {

    /** {@code flatten} or {@code pause}: what the bot is asked to do when the daily loss is reached. */
    public static final String ACTION = "daily-loss-action";

    /** Made by {@link java.util.ServiceLoader}, or by a host that registers it by hand. */
    public DailyLossPolicyProvider() {
        super("max-daily-loss", RiskLimits.MAX_DAILY_LOSS, RiskLimits.DAY_BOUNDARY_HOUR, ACTION);
    }

    @Override
    RiskPolicy policy(LimitValues values, RiskLimits limits) {
        values.requireOneOf(ACTION, RiskLimits.MAX_DAILY_LOSS);
        values.requireOneOf(RiskLimits.DAY_BOUNDARY_HOUR, RiskLimits.MAX_DAILY_LOSS);
        int hour = values.hourOfDay(RiskLimits.DAY_BOUNDARY_HOUR).orElse(0);
        SafetyAction action = values.choice(ACTION, SafetyAction.class).orElse(SafetyAction.FLATTEN);
        if (action != SafetyAction.FLATTEN && action != SafetyAction.PAUSE) {
            throw new InvalidInputException("risk limit '" + ACTION + "' is '" + values.raw(ACTION) + "': it must be flatten or pause");
        }
        return new DailyLossPolicy(name(), values.positive(RiskLimits.MAX_DAILY_LOSS).orElseThrow(this::missing),
                new TradingDay(hour), action);
    }
}
