package io.tradekit.core.store;

/**
 * Another process, or another store in this one, has the journal open. Two writers on one journal would
 * reuse client order ids and record each other's orders as their own, so the second is refused; the message
 * names the holder's pid and start time.
 */
public class JournalInUseException extends UnrecoverableStateException {

    /**
     * Creates the exception.
     *
     * @param message which journal file is held and by whom (the holder's pid and start time)
     */
    public JournalInUseException(String message) {
        super(message);
    }
}
