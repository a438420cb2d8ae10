package io.tradekit.advisor.notify;

import io.tradekit.advisor.Notification;

/** The plain text of a notification in a chat: a headline, then one {@code name: value} line per figure, within Telegram's 4096 characters. */
final class TelegramText {

    private static final int MAX_CHARS = 4096;

    private TelegramText() {
    }

    static String of(Notification n) {
        StringBuilder text = new StringBuilder()
                .append('[').append(n.severity()).append("] ").append(n.botId()).append(' ').append(n.kind()).append('\n')
                .append(n.text());
        n.figures().forEach((name, value) -> text.append('\n').append(name).append(": ").append(value));
        return text.length() <= MAX_CHARS ? text.toString() : text.substring(0, MAX_CHARS - 1) + "…";
    }
}
