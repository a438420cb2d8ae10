package io.tradekit.core.store.internal;

/** A stored snapshot document that cannot be read back; the message names the field. */
public final class SnapshotFormatException extends Exception {
    public SnapshotFormatException(String message) {
        super(message);
    }
}
