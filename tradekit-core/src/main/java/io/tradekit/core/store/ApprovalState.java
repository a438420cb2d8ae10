package io.tradekit.core.store;

/**
 * Where a proposed parameter change stands. PENDING waits for an operator; APPROVED waits for the running bot
 * to reach a safe point; APPLIED is in force; ROLLED_BACK was in force and the parameters before it are back.
 * REJECTED and EXPIRED never took effect.
 */
public enum ApprovalState {
    /** Submitted and waiting for an operator to approve or reject it before it expires. */
    PENDING,
    /** Approved by an operator; waits for the running bot to reach a safe point to apply it. */
    APPROVED,
    /** Refused by an operator; never took effect. */
    REJECTED,
    /** Not decided before its expiry time; never took effect. */
    EXPIRED,
    /** In force: the bot runs with the changed parameters. */
    APPLIED,
    /** Was in force and has been undone: the parameters from before it are back. */
    ROLLED_BACK
}
