package io.tradekit.core;

/** What a bot does when a proposal for it expires unanswered: nothing (the expiry is journaled), pause, or stop in an emergency. */
public enum ExpiryPolicy {
    NOTHING, PAUSE, EMERGENCY_STOP
}
