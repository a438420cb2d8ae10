package io.tradekit.api;

/**
 * A strategy's simple wish for its bot's symbol, sized by the engine: BUY opens a long position with the
 * bot's sizing rule, SELL closes the long position, HOLD does nothing. On a derivatives instrument whose
 * strategy {@linkplain io.tradekit.api.spi.Strategy#allowsShort() allows shorts}, SELL while flat opens a
 * short position (sized the same way) and BUY closes it.
 */
public enum Signal {
    /** Open a long position (or close a short one). */
    BUY,
    /** Close the long position (or, where shorts are allowed and the bot is flat, open a short one). */
    SELL,
    /** Do nothing. */
    HOLD
}
