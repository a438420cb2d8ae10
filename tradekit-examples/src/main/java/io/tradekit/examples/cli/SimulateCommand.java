package io.tradekit.examples.cli;

import io.tradekit.api.Bar;
import io.tradekit.api.Timeframe;
import io.tradekit.api.Credentials;
import io.tradekit.binance.sim.BinanceSimulator;
import io.tradekit.bybit.sim.BybitSimulator;
import io.tradekit.config.ExchangeConfig;
import io.tradekit.data.DataSets;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code tradekit simulate binance|bybit}: a Binance spot venue (REST, market streams, WebSocket API) or a
 * Bybit v5 spot venue (REST, public and private WebSockets) on loopback serving a data set, for running
 * {@code live}, {@code paper} and {@code dry-run} bots without real money. It prints its base URLs and the
 * test API key and secret it accepts, then closes one bar per {@code --step-ms} until the process is killed, or, with
 * {@code --steps stdin} (binance), one bar per {@code step} line on its standard input until that input ends.
 */
public final class SimulateCommand implements Command {

    static final List<String> VENUES = List.of("binance", "bybit", "kraken");

    /** A started simulator as this command sees it: where it listens, whom it accepts, how it steps and stops. */
    private record Running(String venue, int port, Map<String, String> settings, Credentials credentials, Consumer<Duration> stepEvery,
                           Runnable close, String marketFragment, Optional<BinanceSimulator> binance) {
    }

    private final Options options = new Options("simulate")
            .value("data", "SET|FILE", "data set (" + String.join(", ", DataSets.names()) + ") or a CSV file with the header "
                    + "timestamp,open,high,low,close,volume (default " + BacktestCommand.DEFAULT_DATA + ")")
            .value("symbol", "SYMBOL", "the venue's symbol for the bars (default: the data's, e.g. ETH-USD becomes ETHUSDT)")
            .value("timeframe", "TF", "a CSV file's timeframe, e.g. 5m (default: inferred from the rows' spacing)")
            .value("port", "N", "the loopback port to listen on (default 0: any free port, printed)")
            .value("step-ms", "MS", "milliseconds between two bars (default: one timeframe, so bars close on the wall clock)")
            .value("steps", "timer|stdin", "binance only: how bars close: one every --step-ms (timer, default), or one for each line 'step' on "
                    + "standard input (stdin; 'orders' prints the new-order requests per client order id, 'trades' the venue's fill count; the data is moved so that its "
                    + "last bar closes now, every bar already closed on the wall clock; the simulator ends with its input)")
            .value("initial-bars", "N", "bars closed before the start, served as history for warmup (default 100)")
            .value("cash", "AMOUNT", "the account's starting balance in the quote asset (default 10000)")
            .value("category", "spot|linear", "bybit only: spot (default) or linear (USDT perpetuals, one-way, isolated margin)")
            .value("funding-rate", "R", "bybit linear only: the rate of every funding settlement, a fraction per interval (default 0.0001)")
            .value("funding-interval", "DURATION", "bybit linear only: market time between funding settlements, dividing a day (default PT8H)");

    private final Path workingDirectory;
    /** Where {@code --steps stdin} reads its commands. */
    private final java.io.InputStream commands;

    /** Relative paths (a CSV file given to {@code --data}) are taken from the process's working directory. */
    public SimulateCommand() {
        this(Path.of(""));
    }

    /**
     * A command that takes relative paths from {@code workingDirectory}.
     *
     * @param workingDirectory where relative paths (a CSV file given to {@code --data}) are taken from
     */
    public SimulateCommand(Path workingDirectory) {
        this(workingDirectory, System.in);
    }

    /**
     * A command whose {@code --steps stdin} commands come from {@code commands}.
     *
     * @param workingDirectory where relative paths (a CSV file given to {@code --data}) are taken from
     * @param commands where {@code step}, {@code fill}, {@code close}, {@code trades} and {@code orders} lines are read from
     */
    public SimulateCommand(Path workingDirectory, java.io.InputStream commands) {
        this.workingDirectory = workingDirectory;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String summary() {
        return "run a local Binance, Bybit or Kraken simulator over a data set, until killed";
    }

    @Override
    public String help() {
        return """
                usage: tradekit simulate binance|bybit|kraken [flags]

                binance: a Binance spot simulator on loopback: REST (/api/v3/...), market streams (/ws, /stream) and the
                WebSocket API (/ws-api/v3) on one port, with Binance's payloads, signatures, filters and error codes.
                bybit: a Bybit v5 spot simulator: REST (/v5/...) on --port, the public (/v5/public/spot) and private
                (/v5/private) WebSockets on the next port, with Bybit's envelopes, signatures, retCodes and pushes.
                With --category linear it serves USDT perpetuals instead (/v5/public/linear, positions, set-leverage,
                risk limits, funding every --funding-interval at --funding-rate, liquidations), on the paper venue's
                perpetual model; the printed fragment then also sets "market": "perp" and a leverage.
                It prints its base URLs and the test API key and secret it accepts; paste the printed exchange
                fragment into the bot's configuration and export the credentials. The bars are moved in time so that
                the last initial bar closes now; then one more closes every --step-ms until the data is used up.
                Runs until the process is killed (Ctrl-C). With --steps stdin (binance) it prints 'last bar closed <close time>'
                after the banner, and a bar closes only when a line 'step' arrives on standard input, answered with 'closed <close time>' (or 'no more bars'); 'orders' is answered with
                'new-order requests {"<client order id>": <count>, ...}' (every new-order request, refused ones too), 'trades'
                with 'trades <how many fills the venue made>'. 'fill' and 'close' are the two halves of 'step': the next bar's
                path fills resting orders ('filled <close time>'), then its kline is streamed ('closed <close time>'). The data
                is then moved so that its last bar closes now: the bars are closed on the wall clock when they are stepped,
                so a bot restarted after several steps finds them all in the klines history. It ends when the input ends.
                `simulate kraken` does the same for Kraken spot: REST (/0/public, /0/private) on one port, WebSocket v2
                (/v2 public, /auth/v2 private) on another; point exchange.settings (restUrl, wsUrl, wsAuthUrl) at them.

                flags:
                """ + options.describe();
    }

    @Override
    public int run(List<String> args, Terminal terminal) {
        if (args.isEmpty() || args.getFirst().startsWith("--")) {
            if (args.contains("--help")) {
                terminal.out().print(help());
                return 0;
            }
            throw new UsageException("simulate needs a venue: simulate " + String.join("|", VENUES) + " [flags]");
        }
        String venue = args.getFirst();
        if (!VENUES.contains(venue)) throw new UsageException("simulate: unknown venue '" + venue + "'; venues: " + String.join(", ", VENUES));
        Options.Parsed flags = options.parse(args.subList(1, args.size()));
        if (flags.has("help")) {
            terminal.out().print(help());
            return 0;
        }
        String data = flags.value("data", BacktestCommand.DEFAULT_DATA);
        Optional<Timeframe> timeframe = flags.value("timeframe").map(Timeframe::parse);
        List<Bar> loaded = DataSets.load(data, workingDirectory, Optional.empty(), timeframe);
        String symbol = flags.value("symbol").map(s -> s.trim().toUpperCase(Locale.ROOT)).orElse(venueSymbol(loaded.getFirst().symbol()));
        int port = whole(flags, "port", 0, 0);
        if (port > 65535) throw new UsageException("--port is " + port + ", expected a TCP port from 0 (any free port) to 65535");
        int initial = Math.min(whole(flags, "initial-bars", 100, 1), loaded.size());
        Timeframe tf = loaded.getFirst().timeframe();
        long stepMs = whole(flags, "step-ms", (int) Math.min(Integer.MAX_VALUE, tf.millis()), 1);
        String steps = flags.value("steps", "timer").trim().toLowerCase(Locale.ROOT);
        if (!steps.equals("timer") && !steps.equals("stdin")) throw new UsageException("--steps is '" + steps + "', expected timer or stdin");
        boolean onCommand = steps.equals("stdin");
        if (onCommand && !venue.equals("binance")) throw new UsageException("--steps stdin is for simulate binance only");
        BigDecimal cash = RiskFlags.decimal("cash", flags.value("cash", "10000"));
        if (venue.equals(KrakenSimulation.VENUE)) {
            return KrakenSimulation.run(terminal, loaded, flags.value("symbol"), port, initial, stepMs, cash);
        }
        // Stepped on command, every bar is in the past: stepped faster than its timeframe, it is still closed on the wall clock.
        List<Bar> bars = retimed(loaded, symbol, onCommand ? loaded.size() : initial, Instant.now());

        if (!venue.equals("bybit")) {
            for (String flag : List.of("category", "funding-rate", "funding-interval")) {
                if (flags.has(flag)) throw new UsageException("--" + flag + " is for simulate bybit only");
            }
        }
        Running sim = venue.equals("bybit") ? bybit(port, bars, initial, cash, flags) : binance(port, bars, initial, cash);
        CountDownLatch killed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close().run();
            killed.countDown();
        }, "tradekit-simulator-stop"));
        print(terminal, sim, symbol, tf, bars.size(), initial, stepMs, onCommand);
        if (onCommand) {
            followCommands(sim.binance().orElseThrow(), terminal);
            return 0;
        }
        sim.stepEvery().accept(Duration.ofMillis(stepMs));
        try {
            killed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static Running binance(int port, List<Bar> bars, int initial, BigDecimal cash) {
        BinanceSimulator.Options base = BinanceSimulator.Options.of(port, bars).withInitialBars(initial);
        BinanceSimulator sim = BinanceSimulator.start(base.withBalances(Map.of(base.instrument().quoteAsset(), cash)));
        return new Running("binance", sim.port(), sim.adapterParams(), sim.credentials(), sim::stepEvery, sim::close, "", Optional.of(sim));
    }

    private static Running bybit(int port, List<Bar> bars, int initial, BigDecimal cash, Options.Parsed flags) {
        String category = flags.value("category", "spot").trim().toLowerCase(Locale.ROOT);
        if (!category.equals("spot") && !category.equals("linear")) {
            throw new UsageException("--category is '" + category + "', expected spot or linear");
        }
        boolean linear = category.equals("linear");
        if (!linear && (flags.has("funding-rate") || flags.has("funding-interval"))) {
            throw new UsageException("--funding-rate and --funding-interval need --category linear");
        }
        BybitSimulator.Options base = BybitSimulator.Options.of(port, bars).withInitialBars(initial);
        base = base.withBalances(Map.of(base.instrument().quoteAsset(), cash));
        if (linear) {
            base = base.linear().withFundingRate(RiskFlags.decimal("funding-rate", flags.value("funding-rate", "0.0001")));
            if (flags.has("funding-interval")) base = base.withFundingInterval(fundingInterval(flags.value("funding-interval").orElseThrow()));
        }
        BybitSimulator sim = BybitSimulator.start(base);
        int restPort = java.net.URI.create(sim.restUrl()).getPort();
        return new Running("bybit", restPort, sim.adapterParams(), sim.credentials(), sim::stepEvery, sim::close,
                linear ? ", \"market\": \"perp\", \"leverage\": 3" : "", Optional.empty());
    }

    private static Duration fundingInterval(String text) {
        try {
            return Duration.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--funding-interval is '" + text + "', expected an ISO-8601 duration such as PT8H or PT5M");
        }
    }

    /**
     * Closes a bar for each {@code step} line and answers {@code orders} with the new-order requests per client order id,
     * until the input ends; then the simulator closes.
     */
    private void followCommands(BinanceSimulator sim, Terminal terminal) {
        var o = terminal.out();
        o.println("last bar closed " + sim.closedBars().getLast().closeTime());
        o.flush();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(commands, java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                switch (line.trim()) {
                    case "step" -> o.println(sim.step() ? "closed " + sim.closedBars().getLast().closeTime() : "no more bars");
                    case "fill" -> o.println(sim.fillNextBar() ? "filled " + sim.closedBars().getLast().closeTime() : "no bar to fill");
                    case "close" -> o.println(sim.closeFilledBar() ? "closed " + sim.closedBars().getLast().closeTime() : "no filled bar");
                    case "trades" -> o.println("trades " + sim.trades());
                    case "orders" -> o.println("new-order requests " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(sim.newOrderRequests()));
                    case "" -> {
                    }
                    default -> terminal.err().println("unknown command '" + io.tradekit.api.UntrustedText.printable(line, 80, false) + "'; commands: step, fill, close, trades, orders");
                }
                o.flush();
            }
        } catch (java.io.IOException e) {
            terminal.err().println("simulate: standard input failed: " + e.getMessage());
        } finally {
            sim.close();
        }
    }

    private static void print(Terminal terminal, Running sim, String symbol, Timeframe tf, int bars, int initial, long stepMs, boolean onCommand) {
        var o = terminal.out();
        o.println(sim.venue() + " simulator on port " + sim.port() + ": " + symbol + " " + tf + ", " + bars + " bars (" + initial
                + " closed before the start, " + (onCommand ? "one more for each 'step' on standard input" : "one more every " + stepMs + " ms") + ")");
        o.println();
        Map<String, String> urls = new LinkedHashMap<>(sim.settings());
        urls.remove("category");
        int width = Math.max(11, urls.keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        String line = "  %-" + width + "s%s";
        urls.forEach((name, url) -> o.println(line.formatted(name, url)));
        o.println(line.formatted("apiKey", sim.credentials().apiKey()));
        o.println(line.formatted("apiSecret", sim.credentials().secret() + "   (a test secret: the simulator's account accepts this pair only)"));
        o.println();
        StringBuilder settings = new StringBuilder();
        sim.settings().forEach((name, value) -> settings.append(settings.isEmpty() ? "" : ", ").append('"').append(name).append("\": \"")
                .append(value).append('"'));
        o.println("in the bot's configuration:");
        o.println("  \"exchange\": {\"name\": \"" + sim.venue() + "\", \"settings\": {" + settings + "}}, \"symbol\": \"" + symbol
                + "\", \"timeframe\": \"" + tf + "\"" + sim.marketFragment());
        o.println("in its environment:");
        o.println("  export " + ExchangeConfig.apiKeyVariable(sim.venue()) + "=" + sim.credentials().apiKey());
        o.println("  export " + ExchangeConfig.apiSecretVariable(sim.venue()) + "=" + sim.credentials().secret());
        o.println();
        o.println(onCommand ? "stepping on command until standard input ends" : "running until killed (Ctrl-C)");
        o.flush();
    }

    /** A data set's symbol as Binance spells it: {@code ETH-USD} becomes {@code ETHUSDT} (Binance quotes in USDT). */
    static String venueSymbol(String symbol) {
        String letters = symbol.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return letters.endsWith("USD") ? letters + "T" : letters;
    }

    /**
     * The bars renamed to {@code symbol} and moved in time so that bar {@code initial - 1} closes at the
     * start of the current period: stepped once per timeframe, bars then close on the wall clock, as a
     * live bot expects.
     */
    static List<Bar> retimed(List<Bar> bars, String symbol, int initial, Instant now) {
        List<Bar> renamed = bars.stream().map(b -> new Bar(symbol, b.timeframe(), b.openTime(), b.open(), b.high(), b.low(), b.close(),
                b.volume())).toList();
        return BinanceSimulator.retime(renamed, initial, now.toEpochMilli());
    }

    static int whole(Options.Parsed flags, String flag, int fallback, int min) {
        String text = flags.value(flag).orElse(null);
        if (text == null) return fallback;
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + flag + " is '" + text + "', expected a whole number of at least " + min);
    }
}
