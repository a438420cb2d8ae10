package io.tradekit.examples.cli;

import io.tradekit.api.InvalidInputException;
import io.tradekit.core.protection.Protections;
import io.tradekit.core.protection.StopDistance;

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
        Optional<BigDecimal> stop = fraction(flags, "stop-loss");
        Optional<BigDecimal> rr = flags.value("take-profit-rr").map(v -> RiskFlags.decimal("take-profit-rr", v));
        Optional<BigDecimal> trailing = fraction(flags, "trailing-stop");
        return of(stop, rr, trailing, "--");
    }

    /** The protections of the three settings; {@code prefix} names where they came from in an error ({@code --} or {@code risk.}). */
    static Protections of(Optional<BigDecimal> stop, Optional<BigDecimal> rr, Optional<BigDecimal> trailing, String prefix) {
        Protections p = Protections.none();
        if (stop.isPresent()) p = p.withStopLoss(StopDistance.percent(stop.get()));
        if (rr.isPresent()) {
            if (rr.get().signum() <= 0) throw new InvalidInputException(prefix + "take-profit-rr is " + rr.get().toPlainString() + ", expected a positive ratio");
            if (stop.isEmpty()) throw new InvalidInputException(prefix + "take-profit-rr needs " + prefix + "stop-loss: the take-profit is a multiple of the stop distance");
            p = p.takeProfitRR(rr.get());
        }
        if (trailing.isPresent()) p = p.trailing(StopDistance.percent(trailing.get()));
        return p;
    }

    private static Optional<BigDecimal> fraction(Options.Parsed flags, String flag) {
        return flags.value(flag).map(v -> {
            BigDecimal f = RiskFlags.decimal(flag, v);
            if (f.signum() <= 0 || f.compareTo(BigDecimal.ONE) >= 0) {
                throw new InvalidInputException("--" + flag + " is " + v + ", expected a fraction between 0 and 1 (0.02 = 2 %)");
            }
            return f;
        });
    }
}
