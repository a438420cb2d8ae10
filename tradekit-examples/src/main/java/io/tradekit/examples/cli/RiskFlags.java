package io.tradekit.examples.cli;

import io.tradekit.api.BoundedDecimal;
import io.tradekit.api.RiskLimits;

import java.math.BigDecimal;
import java.util.function.Function;

/** The risk-limit flags that {@code backtest} also takes: {@code --max-daily-loss}, {@code --max-drawdown}, {@code --max-position}. */
final class RiskFlags {

    private RiskFlags() {
    }

    static Options declare(Options options) {
        return options
                .value("max-daily-loss", "AMOUNT", "risk limit: quote currency lost in one day")
                .value("max-drawdown", "FRACTION", "risk limit: fall from the equity peak, 0.05 = 5 %")
                .value("max-position", "FRACTION", "risk limit: position notional as a fraction of equity, 0.5 = 50 %");
    }

    static RiskLimits limits(Options.Parsed flags) {
        RiskLimits.Builder limits = RiskLimits.builder();
        limit(flags, "max-daily-loss", limits::maxDailyLoss);
        limit(flags, "max-drawdown", limits::maxDrawdown);
        limit(flags, "max-position", limits::maxPosition);
        return limits.build();
    }

    private static void limit(Options.Parsed flags, String flag, Function<BigDecimal, RiskLimits.Builder> set) {
        flags.value(flag).ifPresent(v -> set.apply(decimal(flag, v)));
    }

    static BigDecimal decimal(String flag, String text) {
        return BoundedDecimal.parse(text, "--" + flag);
    }
}
