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
import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.internal.DefaultInstrument;
import io.tradekit.core.net.Backoff;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookNotifierTest {

    private static final String KEY = "whsec-test-5f2c9e";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the receiver got and whether its own check of the signature passed. */
    private record Received(JsonNode body, boolean verified) {
    }

    /** The receiver's own check: HMAC-SHA256 over "timestamp.body" with the shared key, compared in constant time. */
    private static boolean receiverVerifies(HttpExchange ex, byte[] raw) throws Exception {
        String timestamp = ex.getRequestHeaders().getFirst("X-Tradekit-Timestamp");
        String signature = ex.getRequestHeaders().getFirst("X-Tradekit-Signature");
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) return false;
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) return false;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '.');
        byte[] expected = mac.doFinal(raw);
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring("sha256=".length())));
    }

    private static Loopback receiver(List<Received> got) throws Exception {
        return new Loopback("/hook", ex -> {
            try {
                byte[] raw = ex.getRequestBody().readAllBytes();
                boolean ok = "POST".equals(ex.getRequestMethod())
                        && "application/json".equals(ex.getRequestHeaders().getFirst("Content-Type")) && receiverVerifies(ex, raw);
                got.add(new Received(JSON.readTree(raw), ok));
                Loopback.answer(ex, ok ? 204 : 401, "");
            } catch (Exception e) {
                Loopback.answer(ex, 500, "");
            }
        });
    }

    private static List<Bar> bars(int n) {
        List<Bar> bars = new ArrayList<>();
        Instant t = Instant.parse("2024-03-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            BigDecimal open = BigDecimal.valueOf(100 + (i % 5));
            BigDecimal close = BigDecimal.valueOf(100 + ((i + 1) % 5));
            bars.add(new Bar("BTCUSDT", Timeframe.M1, t.plus(Duration.ofMinutes(i)), open, open.max(close).add(BigDecimal.ONE),
                    open.min(close).subtract(BigDecimal.ONE), close, BigDecimal.TEN));
        }
        return bars;
    }

    private static TradingBot paperBot(String id, NotificationDispatcher dispatcher) {
        List<Bar> bars = bars(20);
        PaperExchange venue = new PaperExchange(PaperSettings.of(DefaultInstrument.forBars("BTCUSDT", bars), new BigDecimal("10000")));
        TradingBot bot = TradeKit.bot(id).exchange(venue).symbol("BTCUSDT").timeframe(Timeframe.M1).strategy((bar, ctx) -> {
        }).dataClock().build();
        BotNotifications.attach(bot, dispatcher);
        return bot;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 60 s");
            Thread.sleep(20);
        }
    }

    @Test
    void theReceiverVerifiesTheSignatureOfEveryStateChangeOfARunningBot() throws Exception {
        List<Received> got = new CopyOnWriteArrayList<>();
        try (Loopback server = receiver(got);
             NotificationDispatcher dispatcher = new NotificationDispatcher(
                     List.of(new WebhookNotifier(server.uri("/hook"), Secret.of(KEY, "webhook key"), Duration.ofSeconds(30))),
                     NotificationRoutes.parse("state_change"), 100);
             TradingBot bot = paperBot("hook-bot", dispatcher)) {
            bot.start();
            bot.pause("operator", "maintenance window");
            bot.resume("operator", "maintenance done");

            await(() -> got.stream().anyMatch(r -> r.body().path("text").asText().contains("maintenance done")));
            assertThat(got).allMatch(Received::verified);
            assertThat(got).allSatisfy(r -> {
                assertThat(r.body().path("kind").asText()).isEqualTo("STATE_CHANGE");
                assertThat(r.body().path("bot").asText()).isEqualTo("hook-bot");
            });
            assertThat(got).anySatisfy(r -> {
                assertThat(r.body().path("figures").path("to").asText()).isEqualTo("PAUSED");
                assertThat(r.body().path("severity").asText()).isEqualTo("WARNING");
                assertThat(r.body().path("text").asText()).contains("by operator: maintenance window");
            });
            assertThat(dispatcher.failed()).containsEntry("webhook", 0L);
        }
    }

    @Test
    void aSignatureOverOtherBytesOrAnOldTimestampIsRefused() {
        Secret key = Secret.of(KEY, "webhook key");
        byte[] body = "{\"kind\":\"FILL\"}".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.parse("2026-01-05T12:00:00Z");
        String signature = WebhookSignature.sign(key, now.getEpochSecond(), body);

        assertThat(WebhookSignature.verify(key, now.getEpochSecond(), body, signature, now, Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify(key, now.getEpochSecond(), "{\"kind\":\"FILL\" }".getBytes(StandardCharsets.UTF_8), signature, now,
                Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(key, now.getEpochSecond(), body, signature, now.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(Secret.of("other", "k"), now.getEpochSecond(), body, signature, now, Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void aReceiverDownWithA503IsTriedAgainWithTheSameSignedBody() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        List<Duration> waits = new CopyOnWriteArrayList<>();
        try (Loopback server = new Loopback("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Loopback.answer(ex, calls.incrementAndGet() == 1 ? 503 : 200, "");
        })) {
            Retrier retrier = new Retrier("webhook", 3, new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), 2.0, 0.5),
                    Duration.ofSeconds(30), waits::add, RandomGenerator.getDefault());
            WebhookNotifier hook = new WebhookNotifier(server.uri("/hook"), Secret.of(KEY, "k"), Duration.ofSeconds(30), InstantSource.system(), retrier);

            hook.send(new Notification(NotificationKind.ERROR, Severity.WARNING, "b1", Instant.parse("2026-01-05T12:00:00Z"), "stream down",
                    Map.of("category", "NETWORK")));

            assertThat(bodies).hasSize(2);
            assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
            // the first backoff waits between (1 - 0.5) * 100 ms and 100 ms
            assertThat(waits).singleElement().satisfies(w -> assertThat(w).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
        }
    }

    @Test
    void aRefusedWebhookFailsWithTheStatusAndWithoutTheKey() throws Exception {
        try (Loopback server = new Loopback("/hook", ex -> {
            ex.getRequestBody().readAllBytes();
            Loopback.answer(ex, 403, "{\"error\":\"bad signature\"}");
        })) {
            WebhookNotifier hook = new WebhookNotifier(server.uri("/hook"), Secret.of(KEY, "k"), Duration.ofSeconds(30));

            assertThatThrownBy(() -> hook.send(new Notification(NotificationKind.FILL, Severity.INFO, "b1", Instant.now(), "x", Map.of())))
                    .isInstanceOf(NotificationException.class)
                    .hasMessageContaining("HTTP 403")
                    .hasMessageNotContaining(KEY);
        }
    }

    @Test
    void aHangingReceiverNeitherBlocksTheBotNorKeepsMoreThanItsQueue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger arrived = new AtomicInteger();
        try (Loopback server = new Loopback("/hook", ex -> {
            arrived.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Loopback.answer(ex, 200, "");
        })) {
            NotificationDispatcher dispatcher = new NotificationDispatcher(
                    List.of(new WebhookNotifier(server.uri("/hook"), Secret.of(KEY, "k"), Duration.ofSeconds(120))),
                    NotificationRoutes.parse("state_change"), 2);
            List<Object> changes = new CopyOnWriteArrayList<>();
            try (TradingBot bot = paperBot("hung-hook", dispatcher)) {
                bot.onEvent(e -> {
                    if (e instanceof io.tradekit.api.event.BotEvent.StateChanged s && s.actor().equals("operator")) changes.add(s);
                });
                bot.start();
                await(() -> arrived.get() == 1);
                for (int i = 0; i < 20; i++) {
                    bot.pause("operator", "cycle " + i);
                    bot.resume("operator", "cycle " + i);
                }
                // every pause and resume went through the loop while the receiver hung: 40 state changes seen by the bot
                assertThat(changes).hasSize(40);
                assertThat(bot.state()).isEqualTo(io.tradekit.api.BotState.RUNNING);
                // one notification is in flight and two wait in the queue: all 40 later ones beyond those are dropped
                await(() -> dispatcher.dropped().get("webhook") >= 38);
            } finally {
                release.countDown();
                dispatcher.close(Duration.ofSeconds(30));
            }
        }
    }
}
