package io.tradekit.advisor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.tradekit.advisor.Loopback;
import io.tradekit.advisor.Notification;
import io.tradekit.advisor.NotificationException;
import io.tradekit.advisor.NotificationKind;
import io.tradekit.advisor.Secret;
import io.tradekit.advisor.Severity;
import io.tradekit.core.net.Backoff;
import io.tradekit.core.net.Retrier;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramNotifierTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String CHAT = "-1001234567890";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENT = "{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1767614400,\"chat\":{\"id\":-1001234567890,\"type\":\"supergroup\"},\"text\":\"x\"}}";

    private static final Notification TRIP = new Notification(NotificationKind.BREAKER_TRIP, Severity.CRITICAL, "btc-grid",
            Instant.parse("2026-01-05T12:00:00Z"), "max-drawdown asks to PAUSE", Map.of("drawdownPct", "12.4"));

    /** Checks a request the way the Bot API would: POST, JSON body with chat_id and text; anything else is a 400. */
    private static JsonNode checkedRequest(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        boolean json = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json");
        if (!"POST".equals(ex.getRequestMethod()) || !json || !body.path("chat_id").isTextual() || body.path("text").asText().isEmpty()) {
            Loopback.answer(ex, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message text is empty\"}");
            return null;
        }
        return body;
    }

    private static Retrier retrier(List<Duration> waits) {
        return new Retrier("telegram", 4, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), 2.0, 0.5), Duration.ofMinutes(1),
                waits::add, RandomGenerator.getDefault());
    }

    @Test
    void a429IsSentAgainAfterTheRetryAfterItsAnswerNames() throws Exception {
        List<JsonNode> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        List<Duration> waits = new CopyOnWriteArrayList<>();
        try (Loopback api = new Loopback("/bot" + TOKEN + "/sendMessage", ex -> {
            JsonNode body = checkedRequest(ex);
            if (body == null) return;
            bodies.add(body);
            if (calls.incrementAndGet() == 1) {
                Loopback.answer(ex, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3\","
                        + "\"parameters\":{\"retry_after\":3}}");
            } else {
                Loopback.answer(ex, 200, SENT);
            }
        })) {
            TelegramNotifier tg = new TelegramNotifier(api.uri(""), Secret.of(TOKEN, "token"), CHAT, Duration.ofSeconds(30),
                    Duration.ofMillis(1), retrier(waits));

            tg.send(TRIP);

            assertThat(waits).containsExactly(Duration.ofSeconds(3));
            assertThat(bodies).hasSize(2);
            assertThat(bodies.get(1).path("chat_id").asText()).isEqualTo(CHAT);
            assertThat(bodies.get(1).path("text").asText())
                    .isEqualTo("[CRITICAL] btc-grid BREAKER_TRIP\nmax-drawdown asks to PAUSE\ndrawdownPct: 12.4");
        }
    }

    @Test
    void fiveHundredsAreRetriedWithCappedJitteredBackoff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> waits = new CopyOnWriteArrayList<>();
        try (Loopback api = new Loopback("/bot" + TOKEN + "/sendMessage", ex -> {
            if (checkedRequest(ex) == null) return;
            if (calls.incrementAndGet() <= 3) {
                Loopback.answer(ex, 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
            } else {
                Loopback.answer(ex, 200, SENT);
            }
        })) {
            TelegramNotifier tg = new TelegramNotifier(api.uri("/"), Secret.of(TOKEN, "token"), CHAT, Duration.ofSeconds(30),
                    Duration.ofMillis(1), retrier(waits));

            tg.send(TRIP);

            assertThat(calls.get()).isEqualTo(4);
            // ceilings 200, 400, 800 ms (capped at 1 s), each wait in [ceiling / 2, ceiling]
            assertThat(waits).hasSize(3);
            assertThat(waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(waits.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(waits.get(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        }
    }

    @Test
    void theTokenAppearsInNoExceptionAndNoLogLine() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Loopback api = new Loopback("/bot" + TOKEN + "/sendMessage", ex -> {
            ex.getRequestBody().readAllBytes();
            Loopback.answer(ex, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        })) {
            TelegramNotifier refused = new TelegramNotifier(api.uri(""), Secret.of(TOKEN, "token"), CHAT, Duration.ofSeconds(30));
            assertThatThrownBy(() -> refused.send(TRIP)).isInstanceOf(NotificationException.class)
                    .hasMessageContaining("HTTP 401").hasMessageNotContaining(TOKEN).hasNoCause();

            int closedPort;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = s.getLocalPort();
            }
            TelegramNotifier unreachable = new TelegramNotifier(URI.create("http://127.0.0.1:" + closedPort), Secret.of(TOKEN, "token"), CHAT,
                    Duration.ofSeconds(30), Duration.ofMillis(1), retrier(new CopyOnWriteArrayList<>()));
            assertThatThrownBy(() -> unreachable.send(TRIP)).isInstanceOf(NotificationException.class)
                    .hasMessageContaining("/bot***/sendMessage").hasMessageNotContaining(TOKEN).hasNoCause();

            try (NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(refused, unreachable),
                    NotificationRoutes.all(Severity.INFO), 10)) {
                dispatcher.dispatch(TRIP);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (dispatcher.failed().values().stream().mapToLong(Long::longValue).sum() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(dispatcher.failed()).containsEntry("telegram", 2L);
            }
            assertThat(refused.toString()).doesNotContain(TOKEN);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("notifier telegram").contains("HTTP 401");
        assertThat(log).doesNotContain(TOKEN);
    }
}
