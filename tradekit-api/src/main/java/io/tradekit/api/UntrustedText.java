package io.tradekit.api;

/**
 * Text from outside (a file, a flag, a venue's answer) made safe to repeat in a message: cut to a sane length and
 * stripped of control and formatting characters, so that a 50 MB line is not echoed whole and a file cannot send
 * escape sequences to the operator's terminal.
 *
 * <pre>{@code "the header is " + UntrustedText.quote(header)}</pre>
 */
public final class UntrustedText {

    /** The most characters of untrusted text a message quotes. */
    public static final int MAX_QUOTED = 80;
    /** The most characters of a whole message (which may quote several pieces) that a command line prints. */
    public static final int MAX_MESSAGE = 4000;

    private UntrustedText() {
    }

    /**
     * Quotes untrusted text for a message.
     *
     * @param text the text
     * @return {@code 'text'}, cut to {@value #MAX_QUOTED} characters and made printable
     */
    public static String quote(String text) {
        if (text == null) return "null";
        return "'" + printable(text, MAX_QUOTED, false) + "'";
    }

    /**
     * A whole message for a terminal or a log.
     *
     * @param text the message
     * @return it with line breaks kept, other control characters replaced, at most {@value #MAX_MESSAGE} characters
     */
    public static String message(String text) {
        return text == null ? "null" : printable(text, MAX_MESSAGE, true);
    }

    /**
     * Text with every control or formatting character (escape, bidi overrides, ...) as {@code ?}.
     *
     * @param text           the text
     * @param max            the most characters kept
     * @param keepLineBreaks whether line feeds stay
     * @return the printable text, cut to {@code max}
     */
    public static String printable(String text, int max, boolean keepLineBreaks) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 32);
        int i = 0;
        int kept = 0;
        while (i < text.length() && kept < max) {
            int cp = text.codePointAt(i);
            boolean lineBreak = cp == '\n';
            int type = Character.getType(cp);
            boolean unsafe = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || cp == '\u2028' || cp == '\u2029';
            out.appendCodePoint(unsafe && !(keepLineBreaks && lineBreak) ? '?' : cp);
            i += Character.charCount(cp);
            kept++;
        }
        if (i < text.length()) out.append("... (").append(text.length()).append(" characters in all)");
        return out.toString();
    }
}
