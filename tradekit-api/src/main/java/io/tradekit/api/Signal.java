package io.tradekit.api;

/**
 * A strategy's simple wish for its bot's symbol, sized by the engine: BUY opens a long position with the
 * bot's sizing rule, SELL closes the long position, HOLD does nothing. On a derivatives instrument whose
 * strategy {@linkplain io.tradekit.api.spi.Strategy#allowsShort() allows shorts}, SELL while flat opens a
 * short position (sized the same way) and BUY closes it.
 */
public enum Signal {
    BUY, SELL, HOLD
}
