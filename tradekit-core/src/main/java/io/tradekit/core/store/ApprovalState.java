package io.tradekit.core.store;

/**
 * Where a proposed parameter change stands. PENDING waits for an operator; APPROVED waits for the running bot
 * to reach a safe point; APPLIED is in force; ROLLED_BACK was in force and the parameters before it are back.
 * REJECTED and EXPIRED never took effect.
 */
public enum ApprovalState {
    PENDING, APPROVED, REJECTED, EXPIRED, APPLIED, ROLLED_BACK
}
