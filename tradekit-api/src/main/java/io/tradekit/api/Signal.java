package io.tradekit.api;

/**
 * A strategy's simple wish for its bot's symbol, sized by the engine: BUY opens or adds to a long
 * position with the bot's sizing rule, SELL closes the long position, HOLD does nothing.
 */
public enum Signal {
    BUY, SELL, HOLD
}
