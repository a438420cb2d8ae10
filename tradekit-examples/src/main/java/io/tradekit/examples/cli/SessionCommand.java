package io.tradekit.examples.cli;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.event.BotEvent;
import io.tradekit.control.BotSpec;
import io.tradekit.control.ControlPlane;
import io.tradekit.core.Plugins;
import io.tradekit.core.store.StateStores;
import io.tradekit.config.BotConfig;
import io.tradekit.config.BotConfigReader;
import io.tradekit.config.Mode;
import io.tradekit.examples.modes.AttachedSession;
import io.tradekit.examples.modes.SessionResult;
import io.tradekit.examples.modes.TradingSession;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The commands that run a bot from a configuration file against a venue ({@code paper}, {@code live},
 * {@code dry-run}): read the file (environment variables override its credentials), check it for the
 * mode, run a {@link TradingSession} until {@code --bars} bars were acted on, {@code --for} has passed,
 * or the process is told to stop (Ctrl-C, SIGTERM), then print the summary and write the report.
 */
abstract class SessionCommand implements Command {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Mode mode;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    final Options options;

    SessionCommand(Mode mode, Path workingDirectory, Map<String, String> environment) {
        this.mode = mode;
        this.workingDirectory = workingDirectory;
        this.environment = Map.copyOf(environment);
        this.options = new Options(mode.label())
                .value("config", "FILE", "the bot's JSON configuration (required)")
                .value("bars", "N", "stop once the strategy has acted on N bars (default: run until stopped)")
                .value("for", "DURATION", "stop after this long, ISO-8601 such as PT8H (default: run until stopped)")
                .value("plugins", "DIR", "load strategies and other plugins from every jar in DIR")
                .flag("dashboard", "serve the control plane's dashboard and API for this bot on loopback, without login")
                .value("port", "N", "the dashboard's port (default 8080; 0 picks a free one)")
                .value("heartbeat", "DURATION", "print a status line this often, ISO-8601 such as PT30S, or off (default PT1M)");
        if (mode == Mode.LIVE) options.flag("yes-really-live", "confirm live trading, instead of \"confirmLive\": true in the file");
    }

    @Override
    public final String name() {
        return mode.label();
    }

    /** What this mode does, for {@code --help}: a few lines. */
    abstract String description();

    @Override
    public final String help() {
        return "usage: tradekit " + mode.label() + " --config FILE [flags]\n\n" + description() + """

                The configuration file (JSON; unknown fields are refused):
                  {"name": "eth-sma",
                   "exchange": {"name": "binance", "settings": {"restUrl": "...", "streamUrl": "...", "wsApiUrl": "..."}},
                   "symbol": "ETHUSDT", "timeframe": "5m",
                   "strategy": {"name": "sma-cross", "params": {"fast": 10, "slow": 30}},
                   "risk": {"max-daily-loss": 500, "max-drawdown": 0.05},
                   "sizing": {"fractionOfEquity": 0.5},
                   "store": {"path": "runs/eth-sma/bot.db"}, "out": "runs/eth-sma",
                   "engine": {"staleAfter": "PT15M", "ackTimeout": "PT10S"},
                   "paper": {"cash": 10000, "makerFeeBps": 10, "takerFeeBps": 10},
                   "confirmLive": false}
                Credentials come from TRADEKIT_<VENUE>_API_KEY and TRADEKIT_<VENUE>_API_SECRET (e.g.
                TRADEKIT_BINANCE_API_KEY), which override exchange.apiKey and exchange.apiSecret in the file.
                live and dry-run need them; live also needs risk.max-daily-loss or risk.max-drawdown and a
                confirmation. Each mode keeps its own journal beside store.path and writes its report to <out>/<mode>.

                flags:
                """ + options.describe();
    }

    @Override
    public final int run(List<String> args, Terminal terminal) {
        Options.Parsed flags = options.parse(args);
        if (flags.has("help")) {
            terminal.out().print(help());
            return 0;
        }
        Path file = workingDirectory.resolve(flags.value("config")
                .orElseThrow(() -> new UsageException("--config FILE is required: the bot's JSON configuration")));
        Long bars = flags.value("bars").map(SessionCommand::bars).orElse(null);
        Duration runFor = flags.value("for").map(SessionCommand::duration).orElse(null);
        Duration heartbeat = flags.value("heartbeat").map(SessionCommand::heartbeat).orElse(Heartbeat.DEFAULT_EVERY);
        BotConfig config = new BotConfigReader(environment).read(file).resolvedAgainst(workingDirectory);
        try {
            StateStores.requireJournalPath(config.store());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": store.path: " + e.getMessage());
        }

        PluginJars jars = flags.value("plugins").map(dir -> PluginJars.open(workingDirectory.resolve(dir))).orElse(null);
        try {
            Plugins plugins = jars != null ? jars.plugins() : Plugins.discover(SessionCommand.class.getClassLoader());
            Integer dashboardPort = flags.has("dashboard") ? flags.value("port").map(ServeCommand::port).orElse(8080) : null;
            if (dashboardPort == null && flags.has("port")) throw new UsageException("--port is the dashboard's port; add --dashboard");
            return run(TradingSession.open(config, mode, plugins, flags.has("yes-really-live"), file.toString()), bars, runFor, dashboardPort,
                    heartbeat, terminal);
        } finally {
            if (jars != null) jars.close();
        }
    }

    private int run(TradingSession session, Long bars, Duration runFor, Integer dashboardPort, Duration heartbeat, Terminal terminal) {
        BotConfig config = session.config();
        session.onEvent(event -> report(event, terminal));
        session.onWouldBeOrder(order -> terminal.out().println("would send  " + order.describe()));
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                // Let the run stop the bot and write its report before the JVM goes.
                finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tradekit-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            terminal.out().println(mode.label() + " " + config.strategy().name() + " on " + config.symbol() + " " + config.timeframe()
                    + " (" + config.exchange().name() + "): starting; journal " + session.journal());
            session.start();
            ControlPlane dashboard = dashboardPort == null ? null : ControlPlane.builder().auth(false).port(dashboardPort)
                    .bot(BotSpec.of(config.name(), "local", new AttachedSession(session)).venue(config.exchange().name()).mode(mode.label()))
                    .start();
            try {
                if (dashboard != null) terminal.out().println("dashboard on " + dashboard.url() + " (loopback only, no login)");
                terminal.out().println("running" + until(bars, runFor));
                awaitEnd(session, bars, runFor, stopRequested, new Heartbeat(session::bot, heartbeat, terminal.out()));
            } finally {
                if (dashboard != null) dashboard.close();
            }
            SessionResult r = session.stop();
            ReportPrinter.print(terminal, mode.label() + " " + r.result().strategy() + " on " + r.result().symbol() + " "
                    + r.result().timeframe() + " (" + config.exchange().name() + ")", r.result(), r.report(), r.files());
            if (mode == Mode.DRY_RUN) {
                terminal.out().println("      " + session.reports().resolve("would-be-orders.jsonl") + " (" + r.wouldBeOrders().size()
                        + " would-be orders; none was sent)");
            }
            return 0;
        } finally {
            try {
                session.close();
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waits for `finished`, counted down above
                }
            }
        }
    }

    private static void awaitEnd(TradingSession session, Long bars, Duration runFor, CountDownLatch stopRequested, Heartbeat heartbeat) {
        long deadline = runFor == null ? 0 : System.nanoTime() + runFor.toNanos();
        try {
            while (!stopRequested.await(100, TimeUnit.MILLISECONDS)) {
                heartbeat.tick(System.nanoTime());
                if (bars != null && session.barsProcessed() >= bars) return;
                if (runFor != null && System.nanoTime() - deadline >= 0) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(BotEvent event, Terminal terminal) {
        PrintStream out = terminal.out();
        switch (event) {
            case BotEvent.FillApplied f -> out.println("fill        " + f.fill().side() + " " + f.fill().quantity().toPlainString() + " "
                    + f.fill().symbol() + " @ " + f.fill().price().toPlainString() + " (position " + f.position().quantity().toPlainString() + ")");
            case BotEvent.StateChanged s -> out.println("state       " + s.from() + " -> " + s.to() + " by " + s.actor() + ": " + s.reason());
            case BotEvent.OrderDenied d -> out.println("denied      " + d.intent().side() + " by " + d.deniedBy() + ": " + d.reason());
            case BotEvent.RiskAlert a -> out.println("risk        " + a.policy() + " asks " + a.action() + ": " + a.reason());
            case BotEvent.ErrorOccurred e -> terminal.err().println("error       " + e.source() + " (" + e.category() + "): " + e.message());
            default -> {
            }
        }
    }

    private static String until(Long bars, Duration runFor) {
        if (bars == null && runFor == null) return " until stopped (Ctrl-C)";
        return " for " + (bars != null ? bars + " bars" : "") + (bars != null && runFor != null ? " or " : "") + (runFor != null ? runFor : "")
                + " (or until stopped)";
    }

    private static long bars(String text) {
        try {
            long n = Long.parseLong(text.trim());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--bars is '" + text + "', expected a positive whole number");
    }

    private static Duration heartbeat(String text) {
        return text.trim().equals("off") ? Duration.ZERO : duration(text, "heartbeat");
    }

    static Duration duration(String text) {
        return duration(text, "for");
    }

    private static Duration duration(String text, String flag) {
        try {
            Duration d = Duration.parse(text.trim());
            if (!d.isNegative() && !d.isZero()) return d;
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new UsageException("--" + flag + " is '" + text + "', expected a positive ISO-8601 duration such as PT30M");
    }
}
