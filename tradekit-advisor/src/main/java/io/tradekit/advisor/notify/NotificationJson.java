package io.tradekit.advisor.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.advisor.Notification;

import java.nio.charset.StandardCharsets;

/**
 * The JSON form of a {@link Notification}, as a webhook posts it:
 * <pre>{"kind":"BREAKER_TRIP","severity":"CRITICAL","bot":"btc-grid","time":"2026-01-05T12:00:00Z",
 *  "text":"max-drawdown asks to PAUSE","figures":{"drawdownPct":"12"}}</pre>
 */
public final class NotificationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationJson() {
    }

    /**
     * {@code n} as UTF-8 JSON bytes.
     *
     * @param n the notification
     * @return the JSON object shown in the class comment, figures in their order
     */
    public static byte[] bytes(Notification n) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", n.kind().name());
        node.put("severity", n.severity().name());
        node.put("bot", n.botId());
        node.put("time", n.time().toString());
        node.put("text", n.text());
        ObjectNode figures = node.putObject("figures");
        n.figures().forEach(figures::put);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
