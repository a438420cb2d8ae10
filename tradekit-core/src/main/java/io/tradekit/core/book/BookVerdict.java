package io.tradekit.core.book;

import java.util.List;

/**
 * What a {@link BookGate} found: whether the book met every condition, and for each one it missed, a line
 * naming the condition, the book's figure and the threshold (for the audit log and the report).
 *
 * @param failures one line per condition the book missed; empty when it passed
 */
public record BookVerdict(List<String> failures) {

    public BookVerdict {
        failures = List.copyOf(failures);
    }

    /** Whether the book met every condition. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** The failures in one line, or {@code "passed"}. */
    public String reason() {
        return failures.isEmpty() ? "passed" : String.join("; ", failures);
    }
}
