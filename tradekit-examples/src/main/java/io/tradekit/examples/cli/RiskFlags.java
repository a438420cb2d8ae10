package io.tradekit.examples.cli;

import io.tradekit.api.BoundedDecimal;
import io.tradekit.api.RiskLimits;
import io.tradekit.risk.LeverageLimitPolicyProvider;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The risk-limit flags that {@code backtest} also takes: {@code --max-daily-loss}, {@code --max-drawdown}, {@code --max-position},
 * and for perpetuals {@code --max-leverage}, {@code --min-liquidation-distance}, {@code --min-liquidation-atr}.
 */
final class RiskFlags {

    private RiskFlags() {
    }

    static Options declare(Options options) {
        return options
                .value("max-daily-loss", "AMOUNT", "risk limit: quote currency lost in one day")
                .value("max-drawdown", "FRACTION", "risk limit: fall from the equity peak, 0.05 = 5 %")
                .value("max-position", "FRACTION", "risk limit: position notional as a fraction of equity, 0.5 = 50 %")
                .value(LeverageLimitPolicyProvider.MAX_LEVERAGE, "X", "risk limit: a perpetual position's leverage at most X")
                .value(LeverageLimitPolicyProvider.MIN_LIQUIDATION_DISTANCE, "FRACTION",
                        "risk limit: a perpetual position's liquidation price at least this far from the price, 0.1 = 10 %")
                .value(LeverageLimitPolicyProvider.MIN_LIQUIDATION_ATR, "N",
                        "risk limit: a perpetual position's liquidation price at least N ATRs (14 bars) from the price");
    }

    static RiskLimits limits(Options.Parsed flags) {
        RiskLimits.Builder limits = RiskLimits.builder();
        limit(flags, "max-daily-loss", limits::maxDailyLoss);
        limit(flags, "max-drawdown", limits::maxDrawdown);
        limit(flags, "max-position", limits::maxPosition);
        for (String rule : List.of(LeverageLimitPolicyProvider.MAX_LEVERAGE, LeverageLimitPolicyProvider.MIN_LIQUIDATION_DISTANCE,
                LeverageLimitPolicyProvider.MIN_LIQUIDATION_ATR)) {
            flags.value(rule).ifPresent(v -> limits.limit(rule, decimal(rule, v).toPlainString()));
        }
        return limits.build();
    }

    private static void limit(Options.Parsed flags, String flag, Function<BigDecimal, RiskLimits.Builder> set) {
        flags.value(flag).ifPresent(v -> set.apply(decimal(flag, v)));
    }

    static BigDecimal decimal(String flag, String text) {
        return BoundedDecimal.parse(text, "--" + flag);
    }
}
