package io.tradekit.advisor.notify;

import io.tradekit.advisor.LiveFigures;
import io.tradekit.advisor.Loopback;
import io.tradekit.advisor.Notification;
import io.tradekit.advisor.NotificationException;
import io.tradekit.advisor.NotificationKind;
import io.tradekit.advisor.Notifier;
import io.tradekit.advisor.Secret;
import io.tradekit.advisor.Severity;
import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.internal.DefaultInstrument;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.tradekit.advisor.notify.WebhookNotifierTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class BotNotificationsTest {

    private static TradingBot buyOnceBot(String id, List<Bar> bars) {
        AtomicBoolean bought = new AtomicBoolean();
        PaperExchange venue = new PaperExchange(PaperSettings.of(DefaultInstrument.forBars("BTCUSDT", bars), new BigDecimal("10000")));
        return TradeKit.bot(id).exchange(venue).symbol("BTCUSDT").timeframe(Timeframe.M1).strategy((bar, ctx) -> {
            if (!bought.getAndSet(true)) ctx.signal(Signal.BUY);
        }).dataClock().build();
    }

    private static List<String> kinds(List<WebhookNotifierTest.Received> got) {
        return got.stream().map(r -> r.body().path("kind").asText()).toList();
    }

    @Test
    void aFillAFlattenAndHeartbeatsReachTheReceiverAndInfoStateChangesAreRoutedAway() throws Exception {
        List<WebhookNotifierTest.Received> got = new CopyOnWriteArrayList<>();
        List<Bar> bars = WebhookNotifierTest.bars(20);
        try (Loopback server = WebhookNotifierTest.receiver(got);
             NotificationDispatcher dispatcher = new NotificationDispatcher(
                     List.of(new WebhookNotifier(server.uri("/hook"), Secret.of(WebhookNotifierTest.KEY, "k"), Duration.ofSeconds(30))),
                     NotificationRoutes.parse("fill, flatten, heartbeat, state_change:warning"), 100);
             TradingBot bot = buyOnceBot("notified", bars)) {
            BotNotifications.attach(bot, dispatcher);
            bot.start();
            for (Bar bar : bars) ReplayDriver.of(bot).feed(bar);
            await(() -> kinds(got).contains("FILL"));
            bot.flatten("operator ends the test");
            await(() -> kinds(got).contains("FLATTEN"));
            try (Heartbeat ignored = Heartbeat.start("notified", new LiveFigures(bot), Duration.ofMillis(200), dispatcher)) {
                await(() -> kinds(got).contains("HEARTBEAT"));
            }

            assertThat(got).allMatch(WebhookNotifierTest.Received::verified);
            assertThat(got).filteredOn(r -> r.body().path("kind").asText().equals("FILL")).first().satisfies(r -> {
                assertThat(r.body().path("severity").asText()).isEqualTo("INFO");
                assertThat(r.body().path("figures").path("side").asText()).isEqualTo("BUY");
                assertThat(r.body().path("text").asText()).startsWith("BUY ").contains(" BTCUSDT at ");
            });
            assertThat(got).filteredOn(r -> r.body().path("kind").asText().equals("FLATTEN")).first()
                    .satisfies(r -> assertThat(r.body().path("text").asText()).startsWith("flatten "));
            assertThat(got).filteredOn(r -> r.body().path("kind").asText().equals("HEARTBEAT")).first().satisfies(r -> {
                assertThat(r.body().path("figures").path("roundTrips").asText()).isEqualTo("1");
                assertThat(new BigDecimal(r.body().path("figures").path("equity").asText())).isEqualByComparingTo(bot.equity());
            });
            // STARTING and RUNNING are INFO: the route sends state changes from WARNING up only
            assertThat(got).noneMatch(r -> r.body().path("kind").asText().equals("STATE_CHANGE")
                    && r.body().path("severity").asText().equals("INFO"));
        }
    }

    @Test
    void aJournaledNotifierWritesEachDeliveryAndEachFailureIntoTheBotsAuditLog() throws Exception {
        List<Notification> delivered = new CopyOnWriteArrayList<>();
        Notifier chat = new Notifier() {
            public String name() {
                return "chat";
            }

            public void send(Notification n) throws NotificationException {
                if (n.kind() == NotificationKind.ERROR) throw new NotificationException("chat answered 400: chat not found");
                delivered.add(n);
            }
        };
        Instant t = Instant.parse("2026-01-05T12:00:00Z");
        try (TradingBot bot = buyOnceBot("journaled", WebhookNotifierTest.bars(3))) {
            bot.start();
            JournaledNotifier journaled = new JournaledNotifier(chat, id -> id.equals(bot.id()) ? Optional.of(bot) : Optional.empty());

            journaled.send(new Notification(NotificationKind.FILL, Severity.INFO, "journaled", t, "BUY 0.1 BTCUSDT at 100", Map.of("side", "BUY")));
            assertThatThrownBy(() -> journaled.send(new Notification(NotificationKind.ERROR, Severity.WARNING, "journaled", t, "feed down", Map.of())))
                    .isInstanceOf(NotificationException.class);
            journaled.send(new Notification(NotificationKind.FILL, Severity.INFO, "another-bot", t, "not this bot's", Map.of()));

            assertThat(delivered).hasSize(2);
            List<AuditEvent> lines = bot.auditEvents(100).stream().filter(e -> e.type().startsWith("notification")).toList();
            assertThat(lines).extracting(AuditEvent::type, AuditEvent::actor, AuditEvent::reason).containsExactly(
                    tuple("notification", "chat", "FILL: BUY 0.1 BTCUSDT at 100"),
                    tuple("notification-failed", "chat", "ERROR not delivered: chat answered 400: chat not found"));
            assertThat(lines.get(0).inputsJson()).isEqualTo("{\"side\":\"BUY\"}");
        }
    }

    @Test
    void routesSendAKindFromItsLeastSeverityAndRefuseUnknownNames() {
        NotificationRoutes routes = NotificationRoutes.parse("state_change, breaker-trip:warning");
        Instant t = Instant.parse("2026-01-05T12:00:00Z");

        assertThat(routes.accepts(new Notification(NotificationKind.BREAKER_TRIP, Severity.CRITICAL, "b", t, "x", Map.of()))).isTrue();
        assertThat(routes.accepts(new Notification(NotificationKind.BREAKER_TRIP, Severity.INFO, "b", t, "x", Map.of()))).isFalse();
        assertThat(routes.accepts(new Notification(NotificationKind.STATE_CHANGE, Severity.INFO, "b", t, "x", Map.of()))).isTrue();
        assertThat(routes.accepts(new Notification(NotificationKind.FILL, Severity.CRITICAL, "b", t, "x", Map.of()))).isFalse();
        assertThatThrownBy(() -> NotificationRoutes.parse("fill, fils:warning")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("notification routes: entry 'fils:warning' names 'fils', not one of [state_change");
    }
}
