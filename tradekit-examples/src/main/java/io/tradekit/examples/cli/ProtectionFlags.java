package io.tradekit.examples.cli;

import io.tradekit.core.protection.Protections;
import io.tradekit.config.ProtectionSettings;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The protection flags of {@code backtest} and {@code replay}: {@code --stop-loss FRACTION},
 * {@code --take-profit-rr R} and {@code --trailing-stop FRACTION}. They become core's {@link Protections},
 * which act where the bar's price path crosses their levels.
 */
final class ProtectionFlags {

    private ProtectionFlags() {
    }

    static Options declare(Options options) {
        return options
                .value("stop-loss", "FRACTION", "close a position this fraction below (long) its entry, 0.02 = 2 %")
                .value("take-profit-rr", "R", "take profit at R times the stop distance beyond the entry (needs --stop-loss)")
                .value("trailing-stop", "FRACTION", "a stop this fraction behind the best price since the entry");
    }

    static Protections protections(Options.Parsed flags) {
        return ProtectionSettings.of(decimal(flags, "stop-loss"), decimal(flags, "take-profit-rr"), decimal(flags, "trailing-stop"), "--");
    }

    private static Optional<BigDecimal> decimal(Options.Parsed flags, String flag) {
        return flags.value(flag).map(v -> RiskFlags.decimal(flag, v));
    }
}
