package io.tradekit.examples.cli;

import io.tradekit.control.BotSpec;
import io.tradekit.control.ControlPlane;
import io.tradekit.control.FleetEntry;
import io.tradekit.control.Passwords;
import io.tradekit.core.Plugins;
import io.tradekit.config.BotConfig;
import io.tradekit.config.BotConfigReader;
import io.tradekit.config.FleetConfig;
import io.tradekit.config.FleetConfigReader;
import io.tradekit.examples.modes.SessionLauncher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code tradekit serve --config fleet.json}: runs a fleet of bots (paper, live or dry-run, any venue) in
 * this JVM under a control plane: REST and WebSocket API with login, roles and tenants, Prometheus metrics
 * and the dashboard, until the process is told to stop or {@code --for} has passed; then stops every bot
 * and writes each one's report.
 */
public final class ServeCommand implements Command {

    private final Options options = new Options("serve")
            .value("config", "FILE", "the fleet file (required): server, users and bots")
            .value("host", "ADDRESS", "the address to listen on, instead of the file's server.host (default 127.0.0.1)")
            .value("port", "N", "the port, instead of the file's server.port (default 8080; 0 picks a free one)")
            .value("for", "DURATION", "stop after this long, ISO-8601 such as PT8H (default: run until stopped)")
            .value("plugins", "DIR", "load strategies and other plugins from every jar in DIR")
            .flag("hash-password", "read a password from standard input and print its hash for a fleet file's passwordHash");

    private final Path workingDirectory;
    private final Map<String, String> environment;

    /** Relative paths are taken from the process's working directory; credentials may come from its environment. */
    public ServeCommand() {
        this(Path.of(""), System.getenv());
    }

    /**
     * A command that reads files relative to {@code workingDirectory} and credentials from {@code environment}.
     *
     * @param workingDirectory where relative paths in the fleet file, its bots' files and the flags are taken from
     * @param environment the variables the fleet file's and bots' readers take credentials from
     */
    public ServeCommand(Path workingDirectory, Map<String, String> environment) {
        this.workingDirectory = workingDirectory;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "run a fleet of bots with the control plane: API, metrics and dashboard";
    }

    @Override
    public String help() {
        return """
                usage: tradekit serve --config fleet.json [flags]
                       tradekit serve --hash-password < password.txt

                Runs every bot of the fleet file in this JVM, each with its own loop, journal and report, and serves
                the dashboard at http://<host>:<port>/, the API under /api and Prometheus metrics at /metrics.
                The fleet file (JSON; unknown fields are refused):
                  {"server": {"host": "127.0.0.1", "port": 8080, "auth": true, "tokenTtl": "PT8H"},
                   "users": [{"name": "ana", "tenant": "desk", "role": "admin", "passwordEnv": "TRADEKIT_PASSWORD_ANA"},
                             {"name": "vic", "tenant": "desk", "role": "viewer", "passwordHash": "pbkdf2-sha256$..."}],
                   "bots": [{"config": "eth-a.json", "mode": "paper", "tenant": "desk"}]}
                Roles: viewer (reads), operator (pause, resume from PAUSED, flatten, emergency stop, cancel orders),
                admin (also resume after an emergency stop, manual orders, start/stop bots, users). "auth": false
                serves without login, for a trusted machine, and only on loopback. Bot files are paths relative
                to the fleet file; a live bot needs "confirmLive": true in its own file.

                flags:
                """ + options.describe();
    }

    @Override
    public int run(List<String> args, Terminal terminal) {
        Options.Parsed flags = options.parse(args);
        if (flags.has("help")) {
            terminal.out().print(help());
            return 0;
        }
        if (flags.has("hash-password")) return hashPassword(terminal);
        Path file = workingDirectory.resolve(flags.value("config")
                .orElseThrow(() -> new UsageException("--config FILE is required: the fleet file")));
        FleetConfig fleet = new FleetConfigReader(environment).read(file);
        Duration runFor = flags.value("for").map(SessionCommand::duration).orElse(null);

        PluginJars jars = flags.value("plugins").map(dir -> PluginJars.open(workingDirectory.resolve(dir))).orElse(null);
        try {
            Plugins plugins = jars != null ? jars.plugins() : Plugins.discover(ServeCommand.class.getClassLoader());
            ControlPlane.Builder builder = ControlPlane.builder()
                    .host(flags.value("host").orElse(fleet.server().host()))
                    .port(flags.value("port").map(ServeCommand::port).orElse(fleet.server().port()))
                    .auth(fleet.server().auth())
                    .tokenTtl(fleet.server().tokenTtl());
            fleet.server().allowedOrigins().forEach(builder::allowOrigin);
            fleet.users().forEach(u -> builder.user(u.name(), u.tenant(), u.role(), u.passwordHash()));
            BotConfigReader reader = new BotConfigReader(environment);
            for (FleetConfig.Bot b : fleet.bots()) {
                BotConfig config = reader.read(b.config()).resolvedAgainst(b.config().toAbsolutePath().getParent());
                builder.bot(BotSpec.of(config.name(), b.tenant(), new SessionLauncher(config, b.mode(), plugins, b.config().toString()))
                        .venue(config.exchange().name()).mode(b.mode().label()));
            }
            return serve(builder, runFor, terminal);
        } finally {
            if (jars != null) jars.close();
        }
    }

    private static int serve(ControlPlane.Builder builder, Duration runFor, Terminal terminal) {
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tradekit-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try (ControlPlane plane = builder.start()) {
            terminal.out().println("control plane on " + plane.url() + " (dashboard; API under /api; metrics at /metrics)");
            for (FleetEntry e : plane.fleet().list()) {
                terminal.out().println("  " + e.id() + " (" + e.tenant() + ", " + e.venue() + " " + e.mode() + "): " + e.status()
                        + e.error().map(why -> " - " + why).orElse(""));
            }
            terminal.out().println(runFor == null ? "running until stopped (Ctrl-C)" : "running for " + runFor + " (or until stopped)");
            try {
                if (runFor == null) stopRequested.await();
                else stopRequested.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Stop the fleet first; the interrupt is passed on once the bots have stopped.
                interrupted = true;
            }
            terminal.out().println("stopping every bot");
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and waits for `finished`
            }
        }
        return 0;
    }

    private static int hashPassword(Terminal terminal) {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) throw new UsageException("--hash-password reads the password from standard input; it was empty");
            terminal.out().println(Passwords.hash(line.toCharArray()));
            return 0;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read standard input", e);
        }
    }

    static int port(String text) {
        try {
            int p = Integer.parseInt(text.trim());
            if (p >= 0 && p <= 65_535) return p;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port is '" + text + "', expected a whole number 0 to 65535");
    }
}
