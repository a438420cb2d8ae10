package io.tradekit.config;

import io.tradekit.api.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a bot runs. {@code backtest} and {@code replay} trade history on the paper exchange; {@code paper}
 * takes live market data from the venue and fills on the paper exchange; {@code live} trades through
 * the venue; {@code dry-run} connects to the venue and warms up like {@code live} but sends no order:
 * it logs and records what it would have sent.
 */
public enum Mode {
    BACKTEST, REPLAY, PAPER, LIVE, DRY_RUN;

    /** The word used on the command line and in files: {@code backtest}, {@code dry-run}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the mode reads the account (balances, orders, fills), so that the venue must know who asks. */
    public boolean needsCredentials() {
        return this == LIVE || this == DRY_RUN;
    }

    /** Whether the mode takes market data from a venue rather than from a data set. */
    public boolean usesVenueMarketData() {
        return this == PAPER || this == LIVE || this == DRY_RUN;
    }

    public static Mode parse(String text) {
        for (Mode m : values()) {
            if (m.label().equals(text)) return m;
        }
        throw new InvalidInputException("mode '" + text + "' is unknown; modes: "
                + String.join(", ", Arrays.stream(values()).map(Mode::label).toList()));
    }
}
