package io.tradekit.examples.cli;

import io.tradekit.api.InvalidInputException;
import io.tradekit.core.paper.FillModel;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The paper venue's flags, declared and read in one place for every command that runs one ({@code backtest},
 * {@code replay}, {@code optimize}): how orders fill and what they cost. The same flags mean the same venue in each,
 * with the same defaults and the same errors.
 */
final class PaperVenueFlags {

    static final String FILL_MODEL = "fill-model";
    static final String FEE_BPS = "fee-bps";
    static final String SLIPPAGE_BPS = "slippage-bps";
    static final String PARTICIPATION_CAP = "participation-cap";
    /** The fee when {@code --fee-bps} is not given: 10 basis points, maker and taker. */
    static final String DEFAULT_FEE_BPS = "10";

    private PaperVenueFlags() {
    }

    /** Declares {@code --fill-model}, {@code --fee-bps} and {@code --slippage-bps}. */
    static Options declare(Options options) {
        return options
                .value(FILL_MODEL, "close|next-open", "market orders fill at the signal bar's close or the next bar's open (default close)")
                .value(FEE_BPS, "BPS", "maker and taker fee in basis points (default " + DEFAULT_FEE_BPS + " = 0.1 %)")
                .value(SLIPPAGE_BPS, "BPS", "slippage in basis points on market orders, stop exits included; a limit order "
                        + "never fills worse than its limit (default 0)");
    }

    /** {@link #declare} and {@code --participation-cap}. */
    static Options declareWithParticipationCap(Options options) {
        return declare(options).value(PARTICIPATION_CAP, "FRACTION", "at most this fraction of each bar's volume fills, the rest "
                + "of an order stays open (partial fills), 0.1 = 10 % (default: no cap)");
    }

    /** {@code --fill-model}; close when not given. */
    static FillModel fillModel(Options.Parsed flags) {
        try {
            return FillModel.parse(flags.value(FILL_MODEL, "close"));
        } catch (InvalidInputException e) {
            throw new UsageException("--" + FILL_MODEL + ": " + e.getMessage());
        }
    }

    /** {@code --fee-bps} as given, or the default: the grid also plans with it. */
    static String feeBpsText(Options.Parsed flags) {
        return flags.value(FEE_BPS, DEFAULT_FEE_BPS);
    }

    /** {@code --fee-bps}. */
    static BigDecimal feeBps(Options.Parsed flags) {
        return RiskFlags.decimal(FEE_BPS, feeBpsText(flags));
    }

    /** {@code --slippage-bps}; 0 when not given. */
    static BigDecimal slippageBps(Options.Parsed flags) {
        return RiskFlags.decimal(SLIPPAGE_BPS, flags.value(SLIPPAGE_BPS, "0"));
    }

    /** {@code --participation-cap}: a fraction of each bar's volume above 0 and at most 1; zero (no cap) when not given. */
    static BigDecimal participationCap(Options.Parsed flags) {
        Optional<String> given = flags.value(PARTICIPATION_CAP);
        if (given.isEmpty()) return BigDecimal.ZERO;
        BigDecimal cap = RiskFlags.decimal(PARTICIPATION_CAP, given.get());
        if (cap.signum() <= 0 || cap.compareTo(BigDecimal.ONE) > 0) {
            throw new UsageException("--" + PARTICIPATION_CAP + " is " + cap.toPlainString()
                    + ", expected a fraction of each bar's volume above 0 and at most 1 (e.g. 0.1 = 10 %)");
        }
        return cap;
    }
}
