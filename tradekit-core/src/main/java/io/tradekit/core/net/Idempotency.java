package io.tradekit.core.net;

/** Whether sending a request twice has the same effect as sending it once. */
public enum Idempotency {
    /** Reads, cancels: repeating is harmless, so a lost answer is simply asked again. */
    IDEMPOTENT,
    /** New orders: a lost answer means the order may exist; it is looked up, never sent again blindly. */
    NON_IDEMPOTENT
}
