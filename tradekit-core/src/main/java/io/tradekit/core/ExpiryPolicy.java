package io.tradekit.core;

/** What a bot does when a proposal for it expires unanswered: nothing (the expiry is journaled), pause, or stop in an emergency. */
public enum ExpiryPolicy {
    /** Only the expiry is journaled; the bot goes on as it was. */
    NOTHING,
    /** A RUNNING or REDUCE_ONLY bot is paused, with the expired proposal as the reason; a bot in any other state is left as it is. */
    PAUSE,
    /** The bot goes to an emergency stop (cancel, flatten, and stay until resumed) unless it is already stopped or in one. */
    EMERGENCY_STOP
}
