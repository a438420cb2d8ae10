package io.tradekit.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.BotState;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Side;
import io.tradekit.control.internal.RouteInfo;
import io.tradekit.core.BotApprovals;
import io.tradekit.core.store.Approval;
import io.tradekit.core.store.ApprovalState;
import io.tradekit.core.store.ProposedChange;
import io.tradekit.core.TradingBot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the API, as nobody, a viewer, an operator and an admin, on its own tenant's bot (or user)
 * and on another tenant's, with the status each must get: 401 without a token, 404 for another tenant's
 * bot whatever the role (never its data), 403 below the route's role, and the route's success otherwise.
 */
class AuthorizationMatrixTest {

    static final String PASSWORD = "correct horse battery";
    static final String OWN = "alpha-bot";
    static final String OTHER = "beta-bot";

    @TempDir
    static Path dir;
    static ControlPlane plane;
    static ApiClient api;

    @BeforeAll
    static void start() {
        plane = ControlPlane.builder().port(0).passwordIterations(1_000)
                .user("va", "alpha", Role.VIEWER, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                .user("oa", "alpha", Role.OPERATOR, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                .user("aa", "alpha", Role.ADMIN, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                .user("ab", "beta", Role.ADMIN, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                .bot(FedPaperBot.spec(OWN, "alpha", dir))
                .bot(FedPaperBot.spec(OTHER, "beta", dir))
                .loginLimit(1_000, java.time.Duration.ofMinutes(1))
                .start();
        api = new ApiClient(plane);
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    private record Cell(String route, String actor, String target, int expected, int actual) {
    }

    @Test
    void everyRouteAnswersEveryRoleOfEitherTenantAsItsRoleAndTenantAllow() {
        List<Cell> wrong = new ArrayList<>();
        int users = 0;
        for (RouteInfo route : plane.routes()) {
            boolean hasTarget = route.botScoped() || route.path().contains("{name}");
            for (Role actorRole : new Role[]{null, Role.VIEWER, Role.OPERATOR, Role.ADMIN}) {
                for (boolean own : hasTarget ? new boolean[]{true, false} : new boolean[]{true}) {
                    String actor = actorRole == null ? null : switch (actorRole) {
                        case VIEWER -> "va";
                        case OPERATOR -> "oa";
                        case ADMIN -> "aa";
                    };
                    int expected = expected(route, actorRole, own);
                    boolean acts = expected / 100 == 2 && own;
                    String path = route.path().replace("{id}", own ? OWN : OTHER);
                    Object body = Map.of("reason", "authorization matrix");
                    if (route.path().equals("/api/auth/login")) {
                        body = Map.of("username", actor == null ? "nobody" : actor, "password", actor == null ? "wrong password" : PASSWORD);
                    } else if (route.path().equals("/api/users") && route.method().equals("POST")) {
                        body = Map.of("name", "new-user-" + (++users), "role", "viewer", "password", "a long password");
                    } else if (route.path().endsWith("/orders") && route.method().equals("POST")) {
                        body = Map.of("side", "BUY", "type", "LIMIT", "quantity", "0.01", "price", "1000", "reason", "authorization matrix");
                    }
                    if (route.path().contains("{orderId}")) path = path.replace("{orderId}", acts ? restingOrder() : "no-such-order");
                    if (route.path().contains("{approvalId}")) {
                        path = path.replace("{approvalId}", acts ? proposal(route.path().endsWith("/rollback")) : "1");
                    }
                    if (route.path().contains("{name}")) path = path.replace("{name}", own ? victim() : "ab");
                    if (acts && route.path().endsWith("/resume")) handle().pause("matrix", "so that it can resume");
                    String token = actor == null ? null : api.login(actor, PASSWORD);

                    ApiClient.Reply reply = api.call(route.method(), path, token, route.method().equals("GET") ? null : body);
                    if (reply.status() != expected) wrong.add(new Cell(route.method() + " " + route.path(), actor, own ? "own" : "other",
                            expected, reply.status()));
                    if (!own && reply.status() == 404) {
                        JsonNode json = reply.json();
                        assertThat(json.has("error")).as(reply.body()).isTrue();
                        assertThat(json.size()).isEqualTo(1);
                    }
                    restore();
                }
            }
        }
        assertThat(wrong).as("cells with the wrong status").isEmpty();
        assertThat(plane.routes()).hasSizeGreaterThanOrEqualTo(25);
    }

    /** The status each cell must get. */
    private static int expected(RouteInfo route, Role role, boolean own) {
        String key = route.method() + " " + route.path();
        if (route.role() == null) return key.equals("POST /api/auth/login") && role == null ? 401 : 200;
        if (role == null) return 401;
        if (route.botScoped() && !own) return 404;
        if (!role.includes(route.role())) return 403;
        if (!own) return 404; // another tenant's user
        return switch (key) {
            case "POST /api/users" -> 201;
            case "POST /api/bots/{id}/flatten", "POST /api/bots/{id}/emergency-stop", "POST /api/bots/{id}/orders/{orderId}/cancel",
                 "POST /api/bots/{id}/approvals/{approvalId}/rollback" -> 202;
            default -> {
                if (!key.startsWith("GET ") && !List.of("POST /api/auth/logout", "POST /api/bots/{id}/pause", "POST /api/bots/{id}/resume",
                        "POST /api/bots/{id}/orders", "POST /api/bots/{id}/start", "POST /api/bots/{id}/stop", "DELETE /api/users/{name}",
                        "POST /api/bots/{id}/approvals/{approvalId}/approve", "POST /api/bots/{id}/approvals/{approvalId}/reject").contains(key)) {
                    throw new AssertionError("the matrix does not know the route " + key + "; add its expected status");
                }
                yield key.equals("GET /api/bots/{id}/risk") ? 404 : 200;
            }
        };
    }

    private static TradingBot handle() {
        return plane.fleet().bot(OWN).orElseThrow();
    }

    private static long minute;

    private static String restingOrder() {
        // A bar first, so that the bot (perhaps just restarted) knows the market price it sizes and checks against.
        FedPaperBot.feedFrom(handle(), minute++, 1, minute);
        var submission = handle().submit("matrix", "an order to cancel", OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("1000")));
        return submission.order().orElseThrow(() -> new AssertionError("denied by " + submission.deniedBy() + ": " + submission.reason()))
                .clientOrderId();
    }

    private static int proposals;

    /** A PENDING proposal for the own bot, or (for a rollback) one that is APPLIED. */
    private static String proposal(boolean applied) {
        BotApprovals approvals = handle().approvals().orElseThrow();
        Approval proposed = approvals.submit(new ProposedChange(OWN, "matrix", Map.of("max-buys", Integer.toString(2 + proposals++)), "{}",
                Instant.now().plusSeconds(600)));
        if (applied) {
            approvals.approve(proposed.id(), "matrix", "so that it can be rolled back");
            awaitState(approvals, proposed.id(), ApprovalState.APPLIED);
        }
        return Long.toString(proposed.id());
    }

    private static void awaitState(BotApprovals approvals, long id, ApprovalState state) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(45);
        while (approvals.get(id).state() != state) {
            if (System.nanoTime() > deadline) throw new AssertionError("proposal #" + id + " never became " + state + ": " + approvals.get(id));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void anOperatorApprovesThroughTheApiAsHimselfAndAViewerOnlyLists() {
        String operator = api.login("oa", PASSWORD);
        String viewer = api.login("va", PASSWORD);
        long id = Long.parseLong(proposal(false));
        JsonNode pending = api.get("/api/bots/" + OWN + "/approvals?state=pending", viewer).json().path("approvals");
        assertThat(pending.findValuesAsText("id")).contains(Long.toString(id));
        assertThat(api.post("/api/bots/" + OWN + "/approvals/" + id + "/approve", viewer, Map.of("reason", "no")).status()).isEqualTo(403);

        ApiClient.Reply approved = api.post("/api/bots/" + OWN + "/approvals/" + id + "/approve", operator, Map.of("reason", "checked the figures"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("actor").asText()).isEqualTo("oa");
        awaitState(handle().approvals().orElseThrow(), id, ApprovalState.APPLIED);
        assertThat(handle().approvals().orElseThrow().parametersInForce()).containsKey("max-buys");

        ApiClient.Reply again = api.post("/api/bots/" + OWN + "/approvals/" + id + "/reject", operator, Map.of("reason", "changed my mind"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/error/message").asText()).contains("is APPLIED, not PENDING");
        assertThat(api.post("/api/bots/" + OWN + "/approvals/999999/approve", operator, Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(api.get("/api/bots/" + OWN + "/approvals?state=nonsense", viewer).json().at("/error/field").asText()).isEqualTo("state");

        JsonNode audit = api.get("/api/bots/" + OWN + "/audit?type=approval&actor=oa", viewer).json().path("events");
        assertThat(audit.get(0).path("reason").asText()).contains("approved #" + id).contains("checked the figures");
    }

    private static int victims;

    private static String victim() {
        String name = "victim-" + (++victims);
        String admin = api.login("aa", PASSWORD);
        assertThat(api.post("/api/users", admin, Map.of("name", name, "role", "viewer", "password", "a long password")).status()).isEqualTo(201);
        return name;
    }

    private static void restore() {
        if (plane.fleet().bot(OWN).isEmpty()) plane.fleet().start(OWN);
        handle().resume("matrix", "back to running", EnumSet.of(BotState.PAUSED, BotState.REDUCE_ONLY, BotState.EMERGENCY_STOP));
    }

    @Test
    void listsAndMetricsShowOnlyTheCallersTenant() {
        String alpha = api.login("va", PASSWORD);
        assertThat(api.get("/api/bots", alpha).body()).contains(OWN).doesNotContain(OTHER);
        assertThat(api.get("/metrics", alpha).body()).contains("bot=\"" + OWN + "\"").doesNotContain("bot=\"" + OTHER + "\"");
        String alphaAdmin = api.login("aa", PASSWORD);
        JsonNode users = api.get("/api/users", alphaAdmin).json().path("users");
        List<String> names = new ArrayList<>();
        users.forEach(u -> names.add(u.path("name").asText()));
        assertThat(names).contains("va", "oa", "aa").doesNotContain("ab");
        assertThat(api.get("/api/users", alphaAdmin).body()).doesNotContain("pbkdf2").doesNotContain(PASSWORD);
    }

    @Test
    void anOperatorCannotLiftAnEmergencyStopButAnAdminCan() {
        String operator = api.login("oa", PASSWORD);
        String admin = api.login("aa", PASSWORD);
        try {
            assertThat(api.post("/api/bots/" + OWN + "/emergency-stop", operator, Map.of("reason", "drill")).status()).isEqualTo(202);
            assertThat(handle().state()).isEqualTo(BotState.EMERGENCY_STOP);
            ApiClient.Reply refused = api.post("/api/bots/" + OWN + "/resume", operator, Map.of("reason", "try"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().at("/error/code").asText()).isEqualTo("admin_required");
            assertThat(handle().state()).isEqualTo(BotState.EMERGENCY_STOP);
            assertThat(api.post("/api/bots/" + OWN + "/resume", admin, Map.of("reason", "drill over")).status()).isEqualTo(200);
            assertThat(handle().state()).isEqualTo(BotState.RUNNING);

            JsonNode audit = api.get("/api/bots/" + OWN + "/audit?type=state&limit=5", operator).json();
            JsonNode latest = audit.path("events").get(0);
            assertThat(latest.path("actor").asText()).isEqualTo("aa");
            assertThat(latest.path("reason").asText()).contains("EMERGENCY_STOP -> RUNNING").contains("drill over");
        } finally {
            restore();
        }
    }

    @Test
    void badRequestsNameTheField() {
        String admin = api.login("aa", PASSWORD);
        ApiClient.Reply noReason = api.post("/api/bots/" + OWN + "/pause", admin, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/error/field").asText()).isEqualTo("reason");
        Map<String, Object> order = new LinkedHashMap<>(Map.of("side", "BUY", "type", "LIMIT", "quantity", "-1", "price", "1000", "reason", "x"));
        ApiClient.Reply negative = api.post("/api/bots/" + OWN + "/orders", admin, order);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().at("/error/field").asText()).isEqualTo("quantity");
        order.put("quantity", "0.01");
        order.remove("price");
        assertThat(api.post("/api/bots/" + OWN + "/orders", admin, order).json().at("/error/field").asText()).isEqualTo("price");
        assertThat(api.get("/api/bots/" + OWN + "/audit?limit=abc", admin).json().at("/error/field").asText()).isEqualTo("limit");
    }
}
