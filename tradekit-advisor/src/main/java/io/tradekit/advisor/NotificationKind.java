package io.tradekit.advisor;

/** What a {@link Notification} reports; routing chooses by kind and {@link Severity}. */
public enum NotificationKind {
    /** The bot's state changed (started, paused, resumed, stopped, emergency stop). */
    STATE_CHANGE,
    /** A risk policy or safety check asked for more than CONTINUE. */
    BREAKER_TRIP,
    /** A position was flattened. */
    FLATTEN,
    /** A fill was applied. */
    FILL,
    /** A proposal waits for an operator's decision. */
    PROPOSAL_WAITING,
    /** An operator approved a proposal. */
    PROPOSAL_APPROVED,
    /** An operator rejected a proposal. */
    PROPOSAL_REJECTED,
    /** An approved proposal was applied to the running bot (or rolled back). */
    PROPOSAL_APPLIED,
    /** A proposal expired undecided (and the expiry policy may have acted). */
    PROPOSAL_EXPIRED,
    /** An error the bot reported. */
    ERROR,
    /** The periodic report of the bot's figures. */
    HEARTBEAT
}
