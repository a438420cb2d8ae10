package io.tradekit.examples.modes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tradekit.advisor.AdviceContext;
import io.tradekit.advisor.LiveFigures;
import io.tradekit.advisor.Notifier;
import io.tradekit.advisor.Proposal;
import io.tradekit.advisor.Secret;
import io.tradekit.advisor.Severity;
import io.tradekit.advisor.notify.BotNotifications;
import io.tradekit.advisor.notify.JournaledNotifier;
import io.tradekit.advisor.notify.NotificationDispatcher;
import io.tradekit.advisor.notify.NotificationRoutes;
import io.tradekit.advisor.notify.WebhookNotifier;
import io.tradekit.advisor.notify.WebhookSignature;
import io.tradekit.advisor.rules.GridRuleSettings;
import io.tradekit.advisor.rules.GridRuleSource;
import io.tradekit.api.BotState;
import io.tradekit.api.Params;
import io.tradekit.api.Timeframe;
import io.tradekit.binance.BinanceAdapter;
import io.tradekit.control.BotSpec;
import io.tradekit.control.ControlPlane;
import io.tradekit.control.Passwords;
import io.tradekit.control.Role;
import io.tradekit.core.ApprovalSettings;
import io.tradekit.core.BotApprovals;
import io.tradekit.core.ExpiryPolicy;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.Approval;
import io.tradekit.core.store.ApprovalBook;
import io.tradekit.core.store.ApprovalState;
import io.tradekit.core.store.ProposedChange;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's first "done when", over real parts: a paper grid bot on the Binance simulator's market data, run by the
 * control plane with an SQLite journal, gets a proposal from the rule-based grid source on its own figures; an
 * operator approves it through the control API; the bot applies it at a safe point; the journal, the audit log and
 * a restart show it. A second proposal expires unanswered and the bot's expiry policy pauses it. A webhook receiver
 * on loopback gets every step, each signed.
 */
class ApprovalsEndToEndTest {

    private static final String BOT = "eth-grid";
    private static final String PASSWORD = "correct horse battery";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What the webhook receiver got: the headers that sign it and the exact body. */
    record Delivery(String timestamp, String signature, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aGridProposalIsApprovedThroughTheApiAppliedAtASafePointSurvivesARestartAndAnExpiryPausesTheBot() throws Exception {
        Map<String, String> params = Map.of("levels", "3", "spacing", "0.5", "spacing-unit", "percent", "budget", "3000");
        Path db = dir.resolve(BOT + ".db");
        Secret key = Secret.of("e2e-webhook-signing-key-0123456789", "webhook key");
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), in.readNBytes(64 * 1024)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        WebhookNotifier hook = new WebhookNotifier(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), key,
                Duration.ofSeconds(10));
        // Each notification also goes to the running bot's audit log (JournaledNotifier), found again after its restart.
        AtomicReference<TradingBot> running = new AtomicReference<>();
        Notifier journaled = new JournaledNotifier(hook, id -> Optional.ofNullable(running.get()).filter(b -> b.id().equals(id)));
        NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(journaled), NotificationRoutes.all(Severity.INFO), 1_000);

        try (BinanceOnLoopback venue = new BinanceOnLoopback(300, 120, 12, true)) {
            BinanceAdapter instruments = venue.adapter();
            PaperSettings paper = PaperSettings.of(instruments.instrument(BinanceOnLoopback.SYMBOL), new BigDecimal("10000"));
            instruments.close();
            BotSpec spec = BotSpec.of(BOT, "desk", () -> {
                TradingBot bot = TradeKit.bot(BOT)
                        .exchange(PaperExchange.overMarketData(venue.adapter(), paper, dir.resolve(BOT + ".book")))
                        .symbol(BinanceOnLoopback.SYMBOL).timeframe(Timeframe.M5)
                        .strategy("grid", params)
                        .store(StateStores.sqlite(db))
                        .approvals(ApprovalSettings.defaults().onExpiry(ExpiryPolicy.PAUSE).checkEvery(Duration.ofMillis(100)))
                        .build();
                running.set(bot);
                BotNotifications.attach(bot, dispatcher);
                BotNotifications.attachApprovals(bot, dispatcher);
                return bot;
            }).venue("binance").mode("paper");
            try (ControlPlane plane = ControlPlane.builder().port(0).passwordIterations(1_000)
                    .user("olga", "desk", Role.OPERATOR, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                    .user("vic", "desk", Role.VIEWER, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                    .bot(spec).start()) {
                Api api = new Api("http://127.0.0.1:" + plane.port());
                String operator = api.login("olga");
                String viewer = api.login("vic");
                TradingBot bot = plane.fleet().bot(BOT).orElseThrow();
                BinanceOnLoopback.await("the kline stream open", () -> venue.sim.klineSubscribers() == 1);

                // The grid trades on the simulator's bars until it has closed a round trip for the rules to judge.
                LiveFigures figures = new LiveFigures(bot);
                for (int i = 0; i < 100 && figures.get().roundTrips() < 1; i++) venue.step(bot);
                assertThat(figures.get().roundTrips()).as("the grid closed a round trip on the simulator's bars (fills: " + bot.fills().size() + ")").isGreaterThanOrEqualTo(1);

                GridRuleSource rules = new GridRuleSource(GridRuleSettings.from(Params.of("grid-rules", Map.of("min-round-trips", "1",
                        "low-win-rate", "0.5", "high-win-rate", "0.6", "ttl-minutes", "30"))));
                List<Proposal> proposals = rules.propose(new AdviceContext(BOT, "grid", Params.of("grid", params), figures.get(),
                        venue.sim.closedBars(), Instant.now()));
                assertThat(proposals).as("the rules propose a change for the grid's figures").hasSize(1);
                Proposal proposal = proposals.getFirst();
                BotApprovals approvals = bot.approvals().orElseThrow();
                Approval first = approvals.submit(proposedChange(proposal, proposal.expiresAt()));

                JsonNode listed = api.get("/api/bots/" + BOT + "/approvals?state=pending", viewer).path("approvals");
                assertThat(listed.findValuesAsText("id")).containsExactly(Long.toString(first.id()));
                HttpResponse<String> approved = api.post("/api/bots/" + BOT + "/approvals/" + first.id() + "/approve", operator,
                        "{\"reason\":\"the grid rules are right about this week\"}");
                assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
                await("the bot applies the approved proposal", () -> approvals.get(first.id()).state() == ApprovalState.APPLIED);

                Map<String, String> expected = new TreeMap<>(params);
                proposal.changes().values().forEach(c -> expected.put(c.key(), c.proposed()));
                assertThat(approvals.parametersInForce()).isEqualTo(expected);
                Approval applied = approvals.get(first.id());
                assertThat(applied.previous()).isEqualTo(params);
                assertThat(applied.actor()).hasValue("engine");
                // The grid built with the new parameters took over the old one's orders and trades on.
                venue.step(bot);
                assertThat(bot.state()).isEqualTo(BotState.RUNNING);
                assertThat(bot.auditEvents(500)).as("no strategy failure").noneSatisfy(e -> assertThat(e.actor()).isEqualTo("strategy"));

                // The audit log, through the API: proposed by the rules, approved by the operator, applied by the engine with old and new.
                JsonNode steps = api.get("/api/bots/" + BOT + "/audit?type=approval", viewer).path("events");
                List<String> actors = new ArrayList<>();
                steps.forEach(e -> actors.add(e.path("actor").asText()));
                assertThat(actors).containsExactly("engine", "olga", GridRuleSource.NAME);
                assertThat(steps.get(0).path("inputsJson").asText()).contains("\"old\":").contains("\"new\":").contains("APPLIED");
                assertThat(steps.get(1).path("reason").asText()).contains("the grid rules are right about this week");

                // A restart runs with the applied parameters: the journal's own change is no identity mismatch.
                plane.fleet().stop(BOT);
                try (ApprovalBook journal = ApprovalBook.open(db)) {
                    assertThat(journal.get(first.id()).state()).isEqualTo(ApprovalState.APPLIED);
                }
                assertThat(plane.fleet().start(BOT).error()).isEmpty();
                TradingBot restarted = plane.fleet().bot(BOT).orElseThrow();
                BotApprovals again = restarted.approvals().orElseThrow();
                assertThat(again.parametersInForce()).isEqualTo(expected);
                assertThat(restarted.state()).isEqualTo(BotState.RUNNING);

                // A second proposal nobody answers expires, and the bot's policy pauses it.
                Map<String, String> second = Map.of("levels", Integer.toString(Integer.parseInt(expected.get("levels")) + 1));
                Approval unanswered = again.submit(new ProposedChange(BOT, GridRuleSource.NAME, second, "{\"note\":\"nobody answers\"}",
                        Instant.now().plusSeconds(2)));
                await("the expiry pauses the bot", () -> restarted.state() == BotState.PAUSED);
                assertThat(again.get(unanswered.id()).state()).isEqualTo(ApprovalState.EXPIRED);
                assertThat(api.get("/api/bots/" + BOT + "/state", viewer).path("state").asText()).isEqualTo("PAUSED");
                assertThat(again.parametersInForce()).as("an expired proposal changes nothing").isEqualTo(expected);

                // The webhook got every step, each signed over its exact body.
                await("the webhook receiver gets every step", () -> kinds(deliveries).containsAll(List.of("PROPOSAL_WAITING",
                        "PROPOSAL_APPROVED", "PROPOSAL_APPLIED", "PROPOSAL_EXPIRED")) && pausedNotified(deliveries));
                for (Delivery d : deliveries) {
                    assertThat(WebhookSignature.verify(key, Long.parseLong(d.timestamp()), d.body(), d.signature(), Instant.now(),
                            Duration.ofMinutes(5))).as("signed: " + new String(d.body())).isTrue();
                }
                assertThat(kinds(deliveries).stream().filter(k -> k.equals("PROPOSAL_WAITING")).count()).isEqualTo(2);
                await("the delivered notifications are in the audit log", () -> restarted.auditEvents(500).stream()
                        .anyMatch(e -> e.type().equals("notification") && e.reason().startsWith("PROPOSAL_EXPIRED")));
                assertThat(restarted.auditEvents(500)).filteredOn(e -> e.type().equals("notification"))
                        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("webhook"));
                String secretText = "e2e-webhook-signing-key-0123456789";
                assertThat(deliveries).noneSatisfy(d -> assertThat(new String(d.body())).contains(secretText));
            }
        } finally {
            dispatcher.close();
            receiver.stop(0);
        }
    }

    /** An advisor proposal as the approvals table takes it: its proposed values, its evidence and reason as JSON. */
    private static ProposedChange proposedChange(Proposal p, Instant expiresAt) {
        Map<String, String> changes = new LinkedHashMap<>();
        p.changes().values().forEach(c -> changes.put(c.key(), c.proposed()));
        Map<String, String> evidence = new LinkedHashMap<>(p.evidence());
        evidence.put("reason", p.reason());
        return new ProposedChange(p.botId(), p.source(), changes, JSON.valueToTree(evidence).toString(), expiresAt);
    }

    private static List<String> kinds(List<Delivery> deliveries) {
        return deliveries.stream().map(d -> d.json().path("kind").asText()).toList();
    }

    private static boolean pausedNotified(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::json).anyMatch(j -> j.path("kind").asText().equals("STATE_CHANGE")
                && j.path("text").asText().contains("PAUSED"));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + WAIT + ": " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The control API over HTTP, as an operator's tool would call it. */
    private record Api(String base, HttpClient http) {
        Api(String base) {
            this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        }

        String login(String user) throws Exception {
            HttpResponse<String> r = post("/api/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body()).path("token").asText();
        }

        HttpResponse<String> post(String path, String token, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) b.header("Authorization", "Bearer " + token);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode get(String path, String token) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }
    }
}
