package io.tradekit.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.tradekit.control.internal.FleetMetrics;
import io.tradekit.control.internal.HttpApi;
import io.tradekit.control.internal.Json;
import io.tradekit.control.internal.LiveStream;
import io.tradekit.control.internal.LoginThrottle;
import io.tradekit.control.internal.Names;
import io.tradekit.control.internal.RouteInfo;
import io.tradekit.control.internal.Supervisor;
import io.tradekit.control.internal.TokenSessions;
import io.tradekit.control.internal.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A control plane for a fleet of bots in one JVM: a supervisor, a REST API and a WebSocket under
 * {@code /api}, Prometheus metrics at {@code /metrics} and a browser dashboard at {@code /}. Users log in with
 * a password and get a token; every route checks the token, the user's role and tenant on the server. It
 * binds to loopback unless told otherwise; {@code auth(false)} (no login, for a trusted local machine) refuses
 * any other address.
 *
 * <pre>{@code
 * ControlPlane plane = ControlPlane.builder()
 *     .port(8080)
 *     .user("ana", "desk-a", Role.ADMIN, Passwords.hash(password))
 *     .bot(BotSpec.of("btc-paper", "desk-a", launcher).venue("binance").mode("paper"))
 *     .start();
 * }</pre>
 */
public final class ControlPlane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);

    private final Javalin app;
    private final Supervisor supervisor;
    private final LiveStream stream;
    private final HttpApi api;
    private final String host;

    private ControlPlane(Javalin app, Supervisor supervisor, LiveStream stream, HttpApi api, String host) {
        this.app = app;
        this.supervisor = supervisor;
        this.stream = stream;
        this.api = api;
        this.host = host;
    }

    /**
     * A builder for a control plane on 127.0.0.1:8080 with login required, no users and no bots.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The port it listens on (the one chosen, when built with port 0).
     *
     * @return the bound port
     */
    public int port() {
        return app.port();
    }

    /**
     * The dashboard's address, e.g. {@code http://127.0.0.1:8080/}.
     *
     * @return the address with the bound host and port (an IPv6 host in brackets)
     */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/";
    }

    /**
     * The supervised bots, to list, start and stop them from the host.
     *
     * @return the fleet; the same object the API and the dashboard act on
     */
    public Fleet fleet() {
        return supervisor;
    }

    /** Every route of the API with the least role it needs, for this package's tests (RouteInfo is internal, so not for hosts). */
    List<RouteInfo> routes() {
        return api.routes();
    }

    /** Stops every bot, then the server. */
    @Override
    public void close() {
        try {
            supervisor.close();
        } finally {
            stream.close();
            app.stop();
        }
    }

    /** Configures and starts a {@link ControlPlane}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private boolean auth = true;
        private final List<UserDirectory.User> users = new ArrayList<>();
        private final List<BotSpec> bots = new ArrayList<>();
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private Duration tokenTtl = Duration.ofHours(8);
        private Duration sampleEvery = Duration.ofSeconds(1);
        private int maxLoginFailures = 5;
        private Duration loginWindow = Duration.ofMinutes(1);
        private int passwordIterations = Passwords.ITERATIONS;
        private boolean startBots = true;

        private Builder() {
        }

        /**
         * The address to bind; 127.0.0.1 unless set. Anything but loopback exposes the API to the network.
         *
         * @param address a host name or IP address; must resolve when {@link #start()} runs
         * @return this builder
         */
        public Builder host(String address) {
            this.host = Objects.requireNonNull(address, "host");
            return this;
        }

        /**
         * The port; 8080 unless set, 0 for any free port.
         *
         * @param number 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException when {@code number} is out of range
         */
        public Builder port(int number) {
            if (number < 0 || number > 65_535) throw new IllegalArgumentException("port must be 0 to 65535, not " + number);
            this.port = number;
            return this;
        }

        /**
         * {@code false}: no login, every request acts as {@code local}, an admin of every tenant. Only for a
         * trusted machine: {@link #start()} then refuses to bind anything but loopback.
         *
         * @param on true (the default) to require a login
         * @return this builder
         */
        public Builder auth(boolean on) {
            this.auth = on;
            return this;
        }

        /**
         * A user with a hash from {@link Passwords#hash}. User names are unique across tenants.
         *
         * @param name the user name: 1 to 64 letters, digits, '.', '_' or '-'
         * @param tenant the tenant whose bots the user sees and acts on, named by the same rule
         * @param role what the user may do
         * @param passwordHash the stored hash, never the password
         * @return this builder
         * @throws IllegalArgumentException when a name breaks the rule or the hash is not one {@link Passwords} wrote
         */
        public Builder user(String name, String tenant, Role role, String passwordHash) {
            Names.check("user name", name);
            Names.check("tenant", tenant);
            Passwords.checkFormat(passwordHash);
            users.add(new UserDirectory.User(name, tenant, Objects.requireNonNull(role, "role"), passwordHash));
            return this;
        }

        /**
         * A bot for the fleet; bots are listed in the order added.
         *
         * @param spec the bot's id, tenant, labels and launcher
         * @return this builder
         */
        public Builder bot(BotSpec spec) {
            bots.add(Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /**
         * A browser origin (e.g. {@code https://ops.example.com}) allowed to call the API from another site; none unless added.
         *
         * @param origin scheme, host and port as a browser sends them in {@code Origin}
         * @return this builder
         */
        public Builder allowOrigin(String origin) {
            allowedOrigins.add(Objects.requireNonNull(origin, "origin"));
            return this;
        }

        /**
         * How long a login token lasts; 8 hours unless set.
         *
         * @param ttl positive
         * @return this builder
         * @throws IllegalArgumentException when {@code ttl} is zero or negative
         */
        public Builder tokenTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("tokenTtl must be positive");
            this.tokenTtl = ttl;
            return this;
        }

        /**
         * How often each bot's figures are sampled for the equity curve, the live stream and the metrics; 1 s unless set.
         *
         * @param interval at least 10 milliseconds
         * @return this builder
         * @throws IllegalArgumentException when {@code interval} is shorter than 10 milliseconds
         */
        public Builder sampleEvery(Duration interval) {
            if (interval.toMillis() < 10) throw new IllegalArgumentException("sampleEvery must be at least 10 ms");
            this.sampleEvery = interval;
            return this;
        }

        /**
         * Failed logins allowed per address and per user name within {@code window}; 5 a minute unless set.
         *
         * @param failures at least 1
         * @param window the period the failures are counted over
         * @return this builder
         * @throws IllegalArgumentException when {@code failures} is below 1
         */
        public Builder loginLimit(int failures, Duration window) {
            if (failures < 1) throw new IllegalArgumentException("loginLimit needs at least one failure");
            this.maxLoginFailures = failures;
            this.loginWindow = window;
            return this;
        }

        /**
         * PBKDF2 iterations for passwords set through the API; {@link Passwords#ITERATIONS} unless set.
         *
         * @param iterations at least 1000
         * @return this builder
         * @throws IllegalArgumentException when {@code iterations} is below 1000
         */
        public Builder passwordIterations(int iterations) {
            if (iterations < 1_000) throw new IllegalArgumentException("passwordIterations must be at least 1000, not " + iterations);
            this.passwordIterations = iterations;
            return this;
        }

        /**
         * Whether {@link #start()} starts every bot; true unless set.
         *
         * @param start false to leave every bot IDLE until started through the API or {@link Fleet#start}
         * @return this builder
         */
        public Builder startBots(boolean start) {
            this.startBots = start;
            return this;
        }

        /**
         * Starts the server and, unless told not to, every bot (side by side; a bot that fails to start is
         * FAILED and the rest run).
         *
         * @return the running control plane; close it to stop every bot and the server
         * @throws IllegalStateException if auth is on without users, or off on an address that is not loopback
         * @throws IllegalArgumentException when the host does not resolve
         */
        public ControlPlane start() {
            boolean loopback = isLoopback(host);
            if (!auth && !loopback) {
                throw new IllegalStateException("auth: false (trusted local mode) binds only to loopback, not '" + host + "'");
            }
            if (auth && users.isEmpty()) throw new IllegalStateException("auth is on but no user is configured");
            if (!loopback) log.warn("the control plane listens on {}, beyond this machine; put TLS in front of it", host);

            ObjectMapper json = Json.mapper();
            UserDirectory directory = new UserDirectory();
            users.forEach(directory::add);
            TokenSessions sessions = new TokenSessions(tokenTtl, Clock.systemUTC());
            LoginThrottle throttle = new LoginThrottle(maxLoginFailures, loginWindow, Clock.systemUTC());
            Supervisor supervisor = new Supervisor(bots, sampleEvery);
            FleetMetrics metrics = new FleetMetrics(supervisor);
            LiveStream stream = new LiveStream(json, supervisor, sessions, auth, Set.copyOf(allowedOrigins));
            supervisor.addListener(metrics);
            supervisor.addListener(stream);
            HttpApi api = new HttpApi(json, supervisor, directory, sessions, throttle, metrics, auth, passwordIterations);

            Javalin app = Javalin.create(config -> {
                config.showJavalinBanner = false;
                config.jsonMapper(new JavalinJackson(json, false));
                config.http.maxRequestSize = 16 * 1024;
                config.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = "/io/tradekit/control/dashboard";
                    files.location = Location.CLASSPATH;
                });
                config.jetty.modifyWebSocketServletFactory(ws -> {
                    ws.setMaxTextMessageSize(4 * 1024);
                    ws.setIdleTimeout(Duration.ofMinutes(10));
                });
                if (!allowedOrigins.isEmpty()) {
                    config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> allowedOrigins.forEach(rule::allowHost)));
                }
            });
            app.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Content-Security-Policy", "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
                        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            });
            api.register(app);
            app.ws("/api/stream", stream::configure);
            try {
                app.start(host, port);
            } catch (RuntimeException e) {
                supervisor.close();
                stream.close();
                throw e;
            }
            ControlPlane plane = new ControlPlane(app, supervisor, stream, api, host);
            log.info("control plane on {} ({} bots, auth {})", plane.url(), bots.size(), auth ? "on" : "off: trusted local mode");
            if (startBots) supervisor.startAll();
            return plane;
        }

        private static boolean isLoopback(String address) {
            try {
                InetAddress[] all = InetAddress.getAllByName(address);
                for (InetAddress a : all) if (!a.isLoopbackAddress()) return false;
                return all.length > 0;
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("host '" + address + "' does not resolve", e);
            }
        }
    }
}
