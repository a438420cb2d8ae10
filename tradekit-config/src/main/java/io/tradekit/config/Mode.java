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
    /** History from a data set on the paper exchange, the bot's loop called directly. */
    BACKTEST,
    /** History from a data set on the paper exchange, handed to the bot as a stream would be; same fills as the backtest. */
    REPLAY,
    /** Live market data from the venue, fills on the paper exchange. */
    PAPER,
    /** Real orders on the venue. */
    LIVE,
    /** Connects and warms up like {@code LIVE}, but records the orders it would have sent instead of sending them. */
    DRY_RUN;

    /**
     * The word used on the command line and in files: {@code backtest}, {@code dry-run}, ...
     *
     * @return the lower-case name, {@code _} written as {@code -}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Whether the mode reads the account (balances, orders, fills), so that the venue must know who asks.
     *
     * @return true for {@code live} and {@code dry-run}
     */
    public boolean needsCredentials() {
        return this == LIVE || this == DRY_RUN;
    }

    /**
     * Whether the mode takes market data from a venue rather than from a data set.
     *
     * @return true for {@code paper}, {@code live} and {@code dry-run}
     */
    public boolean usesVenueMarketData() {
        return this == PAPER || this == LIVE || this == DRY_RUN;
    }

    /**
     * The mode a label names.
     *
     * @param text a label as {@link #label()} writes it, e.g. {@code dry-run}
     * @return the mode
     * @throws InvalidInputException naming the known modes when the text is none of them
     */
    public static Mode parse(String text) {
        for (Mode m : values()) {
            if (m.label().equals(text)) return m;
        }
        throw new InvalidInputException("mode '" + text + "' is unknown; modes: "
                + String.join(", ", Arrays.stream(values()).map(Mode::label).toList()));
    }
}
