package io.tradekit.core.book;

import java.util.List;

/**
 * What a {@link BookGate} found: whether the book met every condition, and for each one it missed, a line
 * naming the condition, the book's figure and the threshold (for the audit log and the report).
 *
 * @param failures one line per condition the book missed; empty when it passed
 */
public record BookVerdict(List<String> failures) {

    /**
     * Copies the failures.
     *
     * @throws NullPointerException if {@code failures} or one of its lines is null
     */
    public BookVerdict {
        failures = List.copyOf(failures);
    }

    /**
     * Whether the book met every condition.
     *
     * @return true if there were no failures
     */
    public boolean passed() {
        return failures.isEmpty();
    }

    /**
     * The failures in one line, or {@code "passed"}.
     *
     * @return the failures joined with {@code "; "}, or {@code "passed"} when there were none
     */
    public String reason() {
        return failures.isEmpty() ? "passed" : String.join("; ", failures);
    }
}
