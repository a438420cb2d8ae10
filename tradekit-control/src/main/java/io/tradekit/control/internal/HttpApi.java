package io.tradekit.control.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.tradekit.api.BotState;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.spi.Submission;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.control.Passwords;
import io.tradekit.control.Role;
import io.tradekit.core.BotApprovals;
import io.tradekit.core.TradingBot;
import io.tradekit.core.store.ApprovalException;
import io.tradekit.core.store.ApprovalState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The REST API under {@code /api}. Every route is declared with the least role it needs; the checks run on
 * the server in this order: a valid token (401), the bot in the caller's tenant (404, the same answer as a
 * bot that does not exist), the role (403), the bot running (409), the request's fields (400 naming the
 * field). Actions are journaled by the bot with the logged-in user's name as the actor.
 */
public final class HttpApi {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final int MAX_REASON = 500;
    private static final int MAX_AUDIT_WINDOW = 5_000;

    @FunctionalInterface
    private interface Action {
        Object handle(Context ctx, Principal who) throws Exception;
    }

    @FunctionalInterface
    private interface BotAction {
        Object handle(Context ctx, Principal who, ManagedBot bot) throws Exception;
    }

    private final ObjectMapper json;
    private final Supervisor supervisor;
    private final UserDirectory users;
    private final TokenSessions sessions;
    private final LoginThrottle throttle;
    private final FleetMetrics metrics;
    private final boolean auth;
    private final int passwordIterations;
    private final List<RouteInfo> routes = new ArrayList<>();

    public HttpApi(ObjectMapper json, Supervisor supervisor, UserDirectory users, TokenSessions sessions, LoginThrottle throttle,
                   FleetMetrics metrics, boolean auth, int passwordIterations) {
        this.json = json;
        this.supervisor = supervisor;
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.metrics = metrics;
        this.auth = auth;
        this.passwordIterations = passwordIterations;
    }

    /** Every route, as declared. */
    public List<RouteInfo> routes() {
        return List.copyOf(routes);
    }

    /** Declares every route and the error answers on {@code app}. */
    public void register(Javalin app) {
        target = app;
        app.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        app.exception(HttpResponseException.class, (e, ctx) ->
                ctx.status(e.getStatus()).json(new ApiError(e.getStatus(), "http_" + e.getStatus(), e.getMessage()).body()));
        app.exception(Exception.class, (e, ctx) -> {
            log.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
            ctx.status(500).json(new ApiError(500, "internal", "the request failed inside the control plane; see its log").body());
        });

        open(HandlerType.GET, "/api/health", (ctx, who) -> Map.of("status", "UP"));
        open(HandlerType.GET, "/api/config", (ctx, who) -> Map.of("auth", auth));
        open(HandlerType.POST, "/api/auth/login", (ctx, who) -> login(ctx));
        route(HandlerType.POST, "/api/auth/logout", Role.VIEWER, (ctx, who) -> {
            sessions.revoke(bearer(ctx));
            return Map.of("loggedOut", true);
        });
        route(HandlerType.GET, "/api/auth/me", Role.VIEWER, (ctx, who) -> Map.of("name", who.name(), "tenant", who.tenant(),
                "role", who.role().label()));
        route(HandlerType.GET, "/metrics", Role.VIEWER, (ctx, who) -> {
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
            return who.allTenants() ? metrics.scrape() : metrics.scrape(who.tenant());
        });
        route(HandlerType.GET, "/api/bots", Role.VIEWER, (ctx, who) -> Map.of("bots",
                supervisor.managed().stream().filter(m -> who.sees(m.tenant())).map(ManagedBot::summary).toList()));

        bot(HandlerType.GET, "/api/bots/{id}", Role.VIEWER, false, (ctx, who, m) -> m.summary());
        bot(HandlerType.GET, "/api/bots/{id}/state", Role.VIEWER, true, (ctx, who, m) -> {
            TradingBot b = running(m);
            return Map.of("status", m.status(), "state", b.state(), "equity", b.equity(), "cash", b.cash(), "position", b.position());
        });
        bot(HandlerType.GET, "/api/bots/{id}/positions", Role.VIEWER, true, (ctx, who, m) -> Map.of("positions", List.of(running(m).position())));
        bot(HandlerType.GET, "/api/bots/{id}/orders", Role.VIEWER, true, (ctx, who, m) -> Map.of("orders", running(m).openOrders()));
        bot(HandlerType.GET, "/api/bots/{id}/fills", Role.VIEWER, true, (ctx, who, m) -> {
            int limit = intParam(ctx, "limit", 200, 1, 5_000);
            List<io.tradekit.api.Fill> fills = running(m).fills();
            return Map.of("fills", fills.subList(Math.max(0, fills.size() - limit), fills.size()), "total", fills.size());
        });
        bot(HandlerType.GET, "/api/bots/{id}/equity", Role.VIEWER, false, (ctx, who, m) -> Map.of("points", m.equityCurve()));
        bot(HandlerType.GET, "/api/bots/{id}/safety", Role.VIEWER, true, (ctx, who, m) -> running(m).safetyReport());
        bot(HandlerType.GET, "/api/bots/{id}/risk", Role.VIEWER, true, (ctx, who, m) -> {
            var report = m.spec().riskReport().orElseThrow(() -> new ApiError(404, "no_risk_report", "bot '" + m.id() + "' has no risk report"));
            return report.apply(running(m));
        });
        bot(HandlerType.GET, "/api/bots/{id}/audit", Role.VIEWER, true, (ctx, who, m) -> audit(ctx, m));

        bot(HandlerType.POST, "/api/bots/{id}/pause", Role.OPERATOR, true, (ctx, who, m) -> {
            TradingBot b = running(m);
            String reason = reason(ctx);
            if (b.state() == BotState.EMERGENCY_STOP) throw new ApiError(409, "invalid_state", "bot '" + m.id() + "' is in EMERGENCY_STOP");
            b.pause(who.name(), reason);
            return Map.of("state", b.state());
        });
        bot(HandlerType.POST, "/api/bots/{id}/resume", Role.OPERATOR, true, (ctx, who, m) -> resume(ctx, who, m));
        bot(HandlerType.POST, "/api/bots/{id}/flatten", Role.OPERATOR, true, (ctx, who, m) -> {
            TradingBot b = running(m);
            b.flattenAsync(who.name(), reason(ctx));
            ctx.status(202);
            return Map.of("flattening", true, "state", b.state());
        });
        bot(HandlerType.POST, "/api/bots/{id}/emergency-stop", Role.OPERATOR, true, (ctx, who, m) -> {
            TradingBot b = running(m);
            b.emergencyStopAsync(who.name(), reason(ctx));
            ctx.status(202);
            return Map.of("state", b.state());
        });
        bot(HandlerType.POST, "/api/bots/{id}/orders/{orderId}/cancel", Role.OPERATOR, true, (ctx, who, m) -> {
            TradingBot b = running(m);
            String orderId = ctx.pathParam("orderId");
            if (!b.cancel(who.name(), reason(ctx), orderId)) {
                throw new ApiError(404, "order_not_found", "bot '" + m.id() + "' has no open order '" + orderId + "'");
            }
            ctx.status(202);
            return Map.of("cancelling", orderId);
        });
        bot(HandlerType.POST, "/api/bots/{id}/orders", Role.ADMIN, true, (ctx, who, m) -> manualOrder(ctx, who, m));
        bot(HandlerType.GET, "/api/bots/{id}/approvals", Role.VIEWER, true, (ctx, who, m) -> approvalList(ctx, m));
        bot(HandlerType.POST, "/api/bots/{id}/approvals/{approvalId}/approve", Role.OPERATOR, true, (ctx, who, m) ->
                approvalStep(m, ctx, a -> a.approve(approvalId(ctx), who.name(), reason(ctx))));
        bot(HandlerType.POST, "/api/bots/{id}/approvals/{approvalId}/reject", Role.OPERATOR, true, (ctx, who, m) ->
                approvalStep(m, ctx, a -> a.reject(approvalId(ctx), who.name(), reason(ctx))));
        bot(HandlerType.POST, "/api/bots/{id}/approvals/{approvalId}/rollback", Role.OPERATOR, true, (ctx, who, m) -> {
            long id = approvalId(ctx);
            String reason = reason(ctx);
            approvalStep(m, ctx, a -> a.rollback(id, who.name(), reason));
            ctx.status(202);
            return Map.of("rollingBack", id);
        });
        bot(HandlerType.POST, "/api/bots/{id}/start", Role.ADMIN, false, (ctx, who, m) -> {
            log.info("{} starts bot '{}': {}", who.name(), m.id(), reason(ctx));
            return supervisor.start(m.id());
        });
        bot(HandlerType.POST, "/api/bots/{id}/stop", Role.ADMIN, false, (ctx, who, m) -> {
            String reason = reason(ctx);
            log.info("{} stops bot '{}': {}", who.name(), m.id(), reason);
            // The engine journals its own stop as the operator's; a pause first puts who asked, and why, in the journal.
            m.bot().ifPresent(b -> b.pause(who.name(), "stopping the bot: " + reason));
            return supervisor.stop(m.id());
        });

        route(HandlerType.GET, "/api/users", Role.ADMIN, (ctx, who) -> Map.of("users", users.ofTenant(who.tenant()).stream()
                .map(u -> Map.of("name", u.name(), "tenant", u.tenant(), "role", u.role().label())).toList()));
        route(HandlerType.POST, "/api/users", Role.ADMIN, (ctx, who) -> addUser(ctx, who));
        route(HandlerType.DELETE, "/api/users/{name}", Role.ADMIN, (ctx, who) -> {
            String name = ctx.pathParam("name");
            if (users.find(name).filter(u -> who.sees(u.tenant())).isEmpty()) throw ApiError.notFound("no user '" + name + "'");
            users.remove(name);
            sessions.revokeUser(name);
            log.info("{} removed user '{}'", who.name(), name);
            return Map.of("removed", name);
        });
    }

    // ------------------------------------------------------------------ declaring routes

    private void open(HandlerType method, String path, Action action) {
        routes.add(new RouteInfo(method.name(), path, null, false));
        app(method, path, ctx -> respond(ctx, action.handle(ctx, null)));
    }

    private void route(HandlerType method, String path, Role role, Action action) {
        routes.add(new RouteInfo(method.name(), path, role, false));
        app(method, path, ctx -> {
            Principal who = authenticate(ctx);
            requireRole(who, role);
            respond(ctx, action.handle(ctx, who));
        });
    }

    private void bot(HandlerType method, String path, Role role, boolean needsRunning, BotAction action) {
        routes.add(new RouteInfo(method.name(), path, role, true));
        app(method, path, ctx -> {
            Principal who = authenticate(ctx);
            String id = ctx.pathParam("id");
            ManagedBot m = supervisor.managed(id).filter(b -> who.sees(b.tenant()))
                    .orElseThrow(() -> new ApiError(404, "bot_not_found", "no bot '" + id + "'"));
            requireRole(who, role);
            if (needsRunning) running(m);
            respond(ctx, action.handle(ctx, who, m));
        });
    }

    private Javalin target;

    private void app(HandlerType method, String path, io.javalin.http.Handler handler) {
        target.addHttpHandler(method, path, handler);
    }

    private void respond(Context ctx, Object body) {
        ctx.header("Cache-Control", "no-store");
        if (body instanceof String text) ctx.result(text);
        else ctx.json(body);
    }

    // ------------------------------------------------------------------ checks

    private Principal authenticate(Context ctx) {
        if (!auth) return Principal.LOCAL;
        return sessions.find(bearer(ctx)).map(TokenSessions.Session::principal)
                .orElseThrow(() -> new ApiError(401, "unauthenticated", "log in first: POST /api/auth/login, then send Authorization: Bearer <token>"));
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return "";
        return header.substring(7).trim();
    }

    private static void requireRole(Principal who, Role role) {
        if (!who.role().includes(role)) {
            throw new ApiError(403, "forbidden", "this needs the " + role.label() + " role; you are " + who.role().label());
        }
    }

    private static TradingBot running(ManagedBot m) {
        return m.bot().orElseThrow(() -> new ApiError(409, "bot_not_running", "bot '" + m.id() + "' is " + m.status()));
    }

    // ------------------------------------------------------------------ handlers

    private Object login(Context ctx) {
        JsonNode body = body(ctx);
        String name = text(body, "username", 64);
        String password = secret(body, "password");
        String address = ctx.ip();
        if (!auth) throw new ApiError(409, "auth_off", "this control plane runs without login (auth: false)");
        Optional<java.time.Duration> wait = throttle.blocked(address, name);
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            throw new ApiError(429, "too_many_attempts", "too many failed logins; try again in " + Math.max(1, wait.get().toSeconds()) + " s");
        }
        char[] secret = password.toCharArray();
        Optional<UserDirectory.User> user;
        try {
            user = users.authenticate(name, secret);
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
        if (user.isEmpty()) {
            throttle.failed(address, name);
            log.info("failed login for '{}' from {}", name, address);
            throw new ApiError(401, "bad_credentials", "unknown user or wrong password");
        }
        throttle.succeeded(name);
        UserDirectory.User u = user.get();
        TokenSessions.Issued issued = sessions.issue(new Principal(u.name(), u.tenant(), u.role(), false));
        log.info("'{}' ({} of {}) logged in from {}", u.name(), u.role().label(), u.tenant(), address);
        return Map.of("token", issued.token(), "expiresAt", issued.expiresAt(),
                "user", Map.of("name", u.name(), "tenant", u.tenant(), "role", u.role().label()));
    }

    private Object resume(Context ctx, Principal who, ManagedBot m) {
        TradingBot b = running(m);
        String reason = reason(ctx);
        Set<BotState> from = who.role().includes(Role.ADMIN)
                ? EnumSet.of(BotState.PAUSED, BotState.REDUCE_ONLY, BotState.EMERGENCY_STOP)
                : EnumSet.of(BotState.PAUSED, BotState.REDUCE_ONLY);
        if (b.resume(who.name(), reason, from)) return Map.of("state", b.state());
        BotState now = b.state();
        if (now == BotState.EMERGENCY_STOP) {
            throw new ApiError(403, "admin_required", "resuming bot '" + m.id() + "' from EMERGENCY_STOP needs the admin role");
        }
        throw new ApiError(409, "invalid_state", "bot '" + m.id() + "' is " + now + "; only PAUSED, REDUCE_ONLY or EMERGENCY_STOP resume");
    }

    private Object manualOrder(Context ctx, Principal who, ManagedBot m) {
        TradingBot b = running(m);
        JsonNode body = body(ctx);
        String reason = reason(body);
        Side side = choice(body, "side", Side.class);
        OrderType type = choice(body, "type", OrderType.class);
        if (type != OrderType.MARKET && type != OrderType.LIMIT) throw ApiError.invalid("type", "type must be MARKET or LIMIT");
        BigDecimal quantity = decimal(body, "quantity").orElseThrow(() -> ApiError.invalid("quantity", "quantity is required"));
        Optional<BigDecimal> price = decimal(body, "price");
        String symbol = body.hasNonNull("symbol") ? text(body, "symbol", 32) : b.symbol();
        if (!symbol.equals(b.symbol())) throw ApiError.invalid("symbol", "bot '" + m.id() + "' trades " + b.symbol() + ", not " + symbol);
        if (type == OrderType.LIMIT && price.isEmpty()) throw ApiError.invalid("price", "a LIMIT order needs a price");
        if (type == OrderType.MARKET && price.isPresent()) throw ApiError.invalid("price", "a MARKET order takes no price");
        OrderIntent intent = type == OrderType.MARKET ? OrderIntent.market(symbol, side, quantity)
                : new OrderIntent(symbol, side, type, quantity, price, TimeInForce.GTC, false, "manual");
        Submission s = b.submit(who.name(), reason, intent.withTag("manual"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sent", s.order().isPresent());
        s.order().ifPresent(o -> out.put("order", o));
        if (s.order().isEmpty()) {
            out.put("deniedBy", s.deniedBy());
            out.put("reason", s.reason());
        }
        return out;
    }

    private static BotApprovals approvals(ManagedBot m) {
        return running(m).approvals().orElseThrow(() -> new ApiError(404, "no_approvals", "bot '" + m.id() + "' takes no proposals"));
    }

    private Object approvalList(Context ctx, ManagedBot m) {
        String state = Optional.ofNullable(ctx.queryParam("state")).orElse("").strip().toUpperCase(Locale.ROOT);
        if (state.isEmpty()) return Map.of("approvals", approvals(m).list());
        try {
            return Map.of("approvals", approvals(m).list(ApprovalState.valueOf(state)));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("state", "state must be one of " + java.util.Arrays.toString(ApprovalState.values()));
        }
    }

    /** One step on a proposal; a proposal that is not there is 404, one in the wrong state 409, each with the reason. */
    private static Object approvalStep(ManagedBot m, Context ctx, java.util.function.Function<BotApprovals, Object> step) {
        BotApprovals approvals = approvals(m);
        try {
            return step.apply(approvals);
        } catch (ApprovalException e) {
            throw new ApiError(e.notFound() ? 404 : 409, e.notFound() ? "approval_not_found" : "invalid_approval_state", e.getMessage());
        }
    }

    private static long approvalId(Context ctx) {
        String raw = ctx.pathParam("approvalId");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("approvalId", "approvalId must be a whole number, not '" + raw + "'");
        }
    }

    private Object audit(Context ctx, ManagedBot m) {
        int limit = intParam(ctx, "limit", 50, 1, 500);
        int offset = intParam(ctx, "offset", 0, 0, MAX_AUDIT_WINDOW);
        String type = Optional.ofNullable(ctx.queryParam("type")).orElse("");
        String actor = Optional.ofNullable(ctx.queryParam("actor")).orElse("");
        List<AuditEvent> all = new ArrayList<>(running(m).auditEvents(MAX_AUDIT_WINDOW));
        java.util.Collections.reverse(all);
        List<AuditEvent> matching = all.stream()
                .filter(e -> type.isEmpty() || e.type().equals(type))
                .filter(e -> actor.isEmpty() || e.actor().equals(actor))
                .toList();
        List<AuditEvent> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
        return Map.of("events", page, "total", matching.size(), "offset", offset, "limit", limit);
    }

    private Object addUser(Context ctx, Principal who) {
        JsonNode body = body(ctx);
        String name = text(body, "name", 64);
        try {
            Names.check("user name", name);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("name", e.getMessage());
        }
        Role role;
        try {
            role = Role.parse(text(body, "role", 16));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("role", e.getMessage());
        }
        String tenant = who.allTenants() ? text(body, "tenant", 64) : who.tenant();
        char[] password = secret(body, "password").toCharArray();
        String hash;
        try {
            hash = Passwords.hash(password, passwordIterations);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("password", e.getMessage());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        try {
            users.add(new UserDirectory.User(name, tenant, role, hash));
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, "user_exists", "user '" + name + "' exists", "name");
        }
        log.info("{} added user '{}' ({} of {})", who.name(), name, role.label(), tenant);
        ctx.status(201);
        return Map.of("name", name, "tenant", tenant, "role", role.label());
    }

    // ------------------------------------------------------------------ reading requests

    private JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) return json.createObjectNode();
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) throw new ApiError(400, "invalid_body", "the body must be a JSON object");
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(400, "invalid_body", "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private String reason(Context ctx) {
        return reason(body(ctx));
    }

    private static String reason(JsonNode body) {
        return text(body, "reason", MAX_REASON);
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) throw ApiError.invalid(field, field + " is required");
        if (!v.isTextual()) throw ApiError.invalid(field, field + " must be text");
        String s = v.asText().strip();
        if (s.isEmpty()) throw ApiError.invalid(field, field + " must not be blank");
        if (s.length() > max) throw ApiError.invalid(field, field + " must be at most " + max + " characters");
        return s;
    }

    /** A password as typed: unlike other text, its spaces are part of it. */
    private static String secret(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) throw ApiError.invalid(field, field + " is required (text)");
        if (v.asText().length() > 256) throw ApiError.invalid(field, field + " must be at most 256 characters");
        return v.asText();
    }

    private static <E extends Enum<E>> E choice(JsonNode body, String field, Class<E> type) {
        String value = text(body, field, 32).toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Optional<BigDecimal> decimal(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        BigDecimal d;
        try {
            d = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
        } catch (NumberFormatException e) {
            throw ApiError.invalid(field, field + " must be a decimal number, not '" + v.asText() + "'");
        }
        if (d.signum() <= 0) throw ApiError.invalid(field, field + " must be positive");
        return Optional.of(d);
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int v = Integer.parseInt(raw.strip());
            if (v < min || v > max) throw ApiError.invalid(name, name + " must be between " + min + " and " + max);
            return v;
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name, name + " must be a whole number, not '" + raw + "'");
        }
    }
}
