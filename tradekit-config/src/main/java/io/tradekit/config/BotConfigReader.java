package io.tradekit.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.Credentials;
import io.tradekit.api.InstrumentKind;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Timeframe;
import io.tradekit.api.UntrustedText;
import io.tradekit.data.Utf8Lines;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a {@link BotConfig} from a JSON file with Jackson. Every field has a default except
 * {@code exchange.name}, {@code symbol} and {@code strategy.name}; the file overrides the defaults, and
 * the environment overrides the file for credentials: {@code TRADEKIT_<VENUE>_API_KEY} and
 * {@code TRADEKIT_<VENUE>_API_SECRET} (e.g. {@code TRADEKIT_BINANCE_API_KEY}). Unknown fields, fields of
 * the wrong type and values out of range are all reported at once, each by its path, with what is
 * expected; the values of secrets never appear in an error. See {@link BotConfig} for the file's shape.
 *
 * <pre>{@code BotConfig config = BotConfigReader.withSystemEnvironment().read(Path.of("bot.json"));}</pre>
 */
public final class BotConfigReader {

    static final Set<String> TOP_LEVEL = Set.of("name", "exchange", "symbol", "timeframe", "strategy", "risk", "sizing", "store", "out",
            "engine", "paper", "confirmLive", "market", "leverage", "strategies", "confluence", "pairs", "budget");
    static final Set<String> BUDGET = Set.of("quote", "fraction");
    static final Set<String> EXCHANGE = Set.of("name", "category", "settings", "apiKey", "apiSecret");
    static final Set<String> STRATEGY = Set.of("name", "params");
    static final Set<String> SIZING = Set.of("fractionOfEquity", "takerFeeRate");
    static final Set<String> STORE = Set.of("path");
    static final Set<String> ENGINE = Set.of("staleAfter", "ackTimeout", "cancelUnknownOrders", "adoptVenuePosition", "maxCatchUpBars");
    static final Set<String> PAPER = Set.of("cash", "makerFeeBps", "takerFeeBps", "slippageBps");

    /** The file as a whole, for problems that belong to no one field. */
    public static final String WHOLE_FILE = "(file)";

    private static final String NAME_PATTERN = "[A-Za-z0-9_-]{1,40}";
    private static final String DEFAULT_NAME = "bot";
    /** A configuration is a few hundred bytes; a megabyte is a mistake, not a bot. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private final Map<String, String> environment;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // Parse errors must not quote the file: it may hold a secret.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /**
     * A reader whose environment variables are {@code environment} (tests pass their own map).
     *
     * @param environment the variables to read credentials from, by name; copied
     */
    public BotConfigReader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * A reader of the process's environment variables ({@link System#getenv()}).
     *
     * @return the reader
     */
    public static BotConfigReader withSystemEnvironment() {
        return new BotConfigReader(System.getenv());
    }

    /**
     * Reads the configuration file; relative paths in it stay relative (see {@link BotConfig#resolvedAgainst(Path)}).
     *
     * @param file the JSON file, UTF-8, at most 1 MiB
     * @return the configuration
     * @throws io.tradekit.api.InvalidInputException when the file is missing, a directory, too large or not UTF-8
     * @throws ConfigException listing every problem in its content, each by its field's path
     */
    public BotConfig read(Path file) {
        // UTF-8 with its line and byte offset named if invalid, a byte order mark allowed, a directory or a huge file refused.
        return parse(Utf8Lines.readAll(file, "configuration file", MAX_FILE_BYTES), file.toString());
    }

    /**
     * Reads the configuration in {@code text}; {@code source} names it in errors (e.g. the file's path).
     *
     * @param text   the JSON text; a leading byte order mark is ignored
     * @param source names the configuration in errors
     * @return the configuration
     * @throws ConfigException listing every problem found (bad JSON, unknown fields, wrong types, values out of range)
     */
    public BotConfig parse(String text, String source) {
        JsonNode root;
        try {
            // A byte order mark may also come with text handed over directly: it is not part of the JSON.
            root = json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(new ConfigProblem(WHOLE_FILE, syntaxError(e))));
        }
        if (!(root instanceof ObjectNode object)) {
            String got = root == null || root.isMissingNode() ? "nothing" : ConfigFields.describe(root, false);
            throw new ConfigException(source, List.of(new ConfigProblem(WHOLE_FILE, "expected a JSON object {...}, got " + got)));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        BotConfig config = read(new ConfigFields(object, "", problems));
        if (!problems.isEmpty()) throw new ConfigException(source, problems);
        return config;
    }

    private BotConfig read(ConfigFields top) {
        top.allowOnly(TOP_LEVEL);
        String name = top.text("name", "a bot name of letters, digits, '-' and '_'").orElse(DEFAULT_NAME);
        if (!name.matches(NAME_PATTERN)) {
            top.problem("name", UntrustedText.quote(name) + " is not a bot name; expected 1 to 40 letters, digits, '-' or '_'");
            name = DEFAULT_NAME;
        }
        ExchangeConfig exchange = exchange(top);
        String symbol = top.text("symbol", "a symbol such as \"ETHUSDT\"").orElse(null);
        List<String> pairs = pairs(top);
        if (!pairs.isEmpty()) {
            if (top.has("symbol")) top.problem("pairs", "give either \"symbol\" (one) or \"pairs\" (a list), not both");
            symbol = pairs.get(0);
        } else if (symbol == null && !top.has("symbol") && !top.has("pairs")) {
            top.problem("symbol", "missing; expected the symbol to trade, e.g. \"ETHUSDT\" (or \"pairs\": [\"BTCUSDT\", \"ETHUSDT\"])");
        }
        Optional<io.tradekit.core.sizing.Budget> budget = budget(top);
        Timeframe timeframe = top.text("timeframe", "a timeframe such as \"5m\"").map(t -> parsed(top, "timeframe", t, Timeframe::parse))
                .orElse(Optional.of(Timeframe.M1)).orElse(Timeframe.M1);
        StrategyConfig strategy = strategy(top);
        RiskLimits risk = new RiskLimits(top.object("risk").map(ConfigFields::scalars).orElse(Map.of()));
        SizingConfig sizing = sizing(top);
        Path store = top.object("store").flatMap(s -> {
            s.allowOnly(STORE);
            return s.text("path", "the path of the bot's SQLite journal, e.g. \"runs/bot/bot.db\"").flatMap(p -> path(s, "path", p));
        }).orElse(Path.of("runs", name, "bot.db"));
        Path out = top.text("out", "a directory for the reports, e.g. \"runs/bot\"").flatMap(p -> path(top, "out", p))
                .orElse(Path.of("runs", name));
        EngineOptions engine = engine(top);
        PaperConfig paper = paper(top);
        boolean confirmLive = top.bool("confirmLive").orElse(false);
        InstrumentKind market = market(top);
        BigDecimal leverage = leverage(top, market);
        if (exchange != null) derivativesCategoryNeedsPerp(top, exchange, market);
        if (exchange == null || symbol == null || strategy == null) return null;
        return new BotConfig(name, exchange, symbol, timeframe, strategy, risk, sizing, store, out, engine, paper, confirmLive, market, leverage,
                pairs, budget);
    }

    /** {@code pairs}: at least one symbol, none twice; empty when the file gives none (or only wrong ones, each a problem). */
    private static List<String> pairs(ConfigFields top) {
        Optional<List<String>> given = top.textList("pairs", "a symbol such as \"ETHUSDT\"");
        if (given.isEmpty()) return List.of();
        List<String> pairs = given.get();
        if (pairs.isEmpty() && top.has("pairs")) top.problem("pairs", "is empty; expected at least one symbol, e.g. [\"BTCUSDT\", \"ETHUSDT\"]");
        Set<String> seen = new java.util.HashSet<>();
        boolean sound = true;
        for (int i = 0; i < pairs.size(); i++) {
            String pair = pairs.get(i);
            if (pair == null) {
                sound = false; // named by textList
            } else if (!seen.add(pair)) {
                top.problem("pairs[" + i + "]", UntrustedText.quote(pair) + " is listed twice");
                sound = false;
            }
        }
        return sound ? pairs : List.of();
    }

    /** {@code budget}: exactly one of {@code quote} (an amount above zero) or {@code fraction} (in (0, 1]). */
    private static Optional<io.tradekit.core.sizing.Budget> budget(ConfigFields top) {
        return top.object("budget").flatMap(b -> {
            b.allowOnly(BUDGET);
            Optional<BigDecimal> quote = b.decimal("quote");
            Optional<BigDecimal> fraction = b.decimal("fraction");
            if (quote.isPresent() == fraction.isPresent()) {
                if (b.has("quote") == b.has("fraction")) {
                    top.problem("budget", "expected exactly one of \"quote\" (an amount, e.g. 1000) or \"fraction\" (of the account, e.g. 0.25)");
                }
                return Optional.empty();
            }
            if (quote.isPresent() && quote.get().signum() <= 0) {
                b.problem("quote", "expected an amount above zero, got " + quote.get().toPlainString());
                return Optional.empty();
            }
            if (fraction.isPresent() && (fraction.get().signum() <= 0 || fraction.get().compareTo(BigDecimal.ONE) > 0)) {
                b.problem("fraction", "expected a fraction above 0 and at most 1, got " + fraction.get().toPlainString());
                return Optional.empty();
            }
            return Optional.of(quote.isPresent() ? io.tradekit.core.sizing.Budget.quote(quote.get())
                    : io.tradekit.core.sizing.Budget.fraction(fraction.get()));
        });
    }

    private static InstrumentKind market(ConfigFields top) {
        return top.text("market", "\"spot\" or \"perp\"").map(m -> switch (m) {
            case "spot" -> InstrumentKind.SPOT;
            case "perp" -> InstrumentKind.LINEAR_PERPETUAL;
            default -> {
                top.problem("market", UntrustedText.quote(m) + " is not a market; expected \"spot\" or \"perp\" (a USDT-margined linear perpetual)");
                yield InstrumentKind.SPOT;
            }
        }).orElse(InstrumentKind.SPOT);
    }

    /**
     * A venue category of perpetuals (Bybit's {@code linear}) trades positions on margin: a bot on it must say
     * {@code "market": "perp"}, or its books would treat the venue's contracts as spot holdings.
     */
    private static void derivativesCategoryNeedsPerp(ConfigFields top, ExchangeConfig exchange, InstrumentKind market) {
        String category = exchange.settings().get("category");
        if ("linear".equals(category) && !market.isDerivative()) {
            top.problem("market", (top.has("market") ? "is \"spot\"" : "is missing (spot)") + " but exchange.category is \"linear\" (USDT perpetuals);"
                    + " set \"market\": \"perp\" and a \"leverage\"");
        }
    }

    private static BigDecimal leverage(ConfigFields top, InstrumentKind market) {
        Optional<BigDecimal> given = top.decimal("leverage");
        if (given.isEmpty()) return BigDecimal.ONE;
        BigDecimal leverage = given.get();
        if (!market.isDerivative()) {
            top.problem("leverage", "is " + leverage.toPlainString() + " but the market is spot; set \"market\": \"perp\" to trade on leverage");
            return BigDecimal.ONE;
        }
        if (leverage.compareTo(BigDecimal.ONE) < 0 || leverage.compareTo(new BigDecimal("100")) > 0) {
            top.problem("leverage", "is " + leverage.toPlainString() + "; expected 1 to 100 (the paper venue's maximum)");
            return BigDecimal.ONE;
        }
        return leverage;
    }

    private ExchangeConfig exchange(ConfigFields top) {
        Optional<ConfigFields> section = top.object("exchange");
        if (section.isEmpty()) {
            if (!top.has("exchange")) top.problem("exchange", "missing; expected an object such as {\"name\": \"binance\"}");
            return null;
        }
        ConfigFields e = section.get();
        e.allowOnly(EXCHANGE);
        Optional<String> venue = e.text("name", "the exchange adapter's name, e.g. \"binance\"");
        if (venue.isEmpty() && !e.has("name")) e.problem("name", "missing; expected the exchange adapter's name, e.g. \"binance\"");
        Map<String, String> settings = e.object("settings").map(ConfigFields::scalars).orElse(Map.of());
        // a venue's product line (Bybit's "spot") may sit beside the name; it is one of the adapter's settings
        Optional<String> category = e.text("category", "the venue's product line, e.g. \"spot\"");
        if (category.isPresent()) {
            String inSettings = settings.get("category");
            if (inSettings != null && !inSettings.equals(category.get())) {
                e.problem("category", "is '" + category.get() + "' but settings.category is '" + inSettings + "'; give it once");
            }
            settings = new java.util.HashMap<>(settings);
            settings.put("category", category.get());
        }
        Optional<String> fileKey = e.secret("apiKey");
        Optional<String> fileSecret = e.secret("apiSecret");
        if (venue.isEmpty()) return null;
        String keyVariable = ExchangeConfig.apiKeyVariable(venue.get());
        String secretVariable = ExchangeConfig.apiSecretVariable(venue.get());
        Optional<String> key = fromEnvironment(keyVariable).or(() -> fileKey);
        Optional<String> secret = fromEnvironment(secretVariable).or(() -> fileSecret);
        if (key.isPresent() != secret.isPresent()) {
            String missing = key.isPresent() ? "apiSecret" : "apiKey";
            String given = key.isPresent() ? "API key" : "API secret";
            e.problem(missing, "missing: the " + given + " is set but not its pair; set " + (key.isPresent() ? secretVariable : keyVariable)
                    + " or exchange." + missing);
            return null;
        }
        Optional<Credentials> credentials = key.map(k -> new Credentials(k, secret.orElseThrow()));
        return new ExchangeConfig(venue.get(), settings, credentials);
    }

    private Optional<String> fromEnvironment(String variable) {
        return Optional.ofNullable(environment.get(variable)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** One of {@code "strategy"}, {@code "strategies"} (a confluence's members) and {@code "confluence"} (see {@link ConfluenceSection}). */
    private StrategyConfig strategy(ConfigFields top) {
        List<String> given = java.util.stream.Stream.of("strategy", "strategies", "confluence").filter(top::has).toList();
        if (given.size() > 1) {
            top.problem(given.get(1), "a bot runs one strategy: give \"strategy\", \"strategies\" or \"confluence\", not " + String.join(" and ", given));
            return null;
        }
        if (top.has("strategies")) return ConfluenceSection.fromList(top).orElse(null);
        if (top.has("confluence")) return ConfluenceSection.fromBlock(top).orElse(null);
        Optional<ConfigFields> section = top.object("strategy");
        if (section.isEmpty()) {
            if (!top.has("strategy")) {
                top.problem("strategy", "missing; expected an object such as {\"name\": \"sma-cross\", \"params\": {\"fast\": 10}}"
                        + ", or \"strategies\" or \"confluence\" for several that vote");
            }
            return null;
        }
        ConfigFields s = section.get();
        s.allowOnly(STRATEGY);
        Optional<String> name = s.text("name", "a strategy name such as \"sma-cross\"");
        if (name.isEmpty() && !s.has("name")) s.problem("name", "missing; expected a strategy name such as \"sma-cross\" or \"grid\"");
        Map<String, String> params = s.object("params").map(ConfigFields::scalars).orElse(Map.of());
        return name.map(n -> new StrategyConfig(n, params)).orElse(null);
    }

    private static SizingConfig sizing(ConfigFields top) {
        return top.object("sizing").map(s -> {
            s.allowOnly(SIZING);
            BigDecimal fraction = s.decimal("fractionOfEquity").orElse(SizingConfig.DEFAULT.fractionOfEquity());
            if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
                s.problem("fractionOfEquity", "is " + fraction.toPlainString() + "; expected a fraction in (0, 1], e.g. 0.5 for half the equity");
                fraction = SizingConfig.DEFAULT.fractionOfEquity();
            }
            BigDecimal fee = s.decimal("takerFeeRate").orElse(SizingConfig.DEFAULT.takerFeeRate());
            if (fee.signum() < 0 || fee.compareTo(BigDecimal.ONE) >= 0) {
                s.problem("takerFeeRate", "is " + fee.toPlainString() + "; expected a fraction in [0, 1), e.g. 0.001 for 0.1 %");
                fee = SizingConfig.DEFAULT.takerFeeRate();
            }
            return new SizingConfig(fraction, fee);
        }).orElse(SizingConfig.DEFAULT);
    }

    private static EngineOptions engine(ConfigFields top) {
        return top.object("engine").map(e -> {
            e.allowOnly(ENGINE);
            EngineOptions d = EngineOptions.DEFAULT;
            return new EngineOptions(e.duration("staleAfter").or(d::staleAfter), e.duration("ackTimeout").orElse(d.ackTimeout()),
                    e.bool("cancelUnknownOrders").orElse(d.cancelUnknownOrders()), e.bool("adoptVenuePosition").orElse(d.adoptVenuePosition()),
                    maxCatchUpBars(e, d.maxCatchUpBars()));
        }).orElse(EngineOptions.DEFAULT);
    }

    /** How many missed bars a restarted live bot acts on: a whole number from 0 to a million. */
    private static int maxCatchUpBars(ConfigFields engine, int fallback) {
        Optional<BigDecimal> given = engine.decimal("maxCatchUpBars");
        if (given.isEmpty()) return fallback;
        BigDecimal n = given.get();
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            engine.problem("maxCatchUpBars", "expected a whole number of bars from 0 to 1000000, got " + n.toPlainString());
            return fallback;
        }
        return n.intValueExact();
    }

    private static PaperConfig paper(ConfigFields top) {
        return top.object("paper").map(p -> {
            p.allowOnly(PAPER);
            PaperConfig d = PaperConfig.DEFAULT;
            BigDecimal cash = p.decimal("cash").orElse(d.cash());
            if (cash.signum() <= 0) {
                p.problem("cash", "is " + cash.toPlainString() + "; expected a positive amount of the quote asset, e.g. 10000");
                cash = d.cash();
            }
            return new PaperConfig(cash, bps(p, "makerFeeBps", d.makerFeeBps()), bps(p, "takerFeeBps", d.takerFeeBps()),
                    bps(p, "slippageBps", d.slippageBps()));
        }).orElse(PaperConfig.DEFAULT);
    }

    private static BigDecimal bps(ConfigFields p, String field, BigDecimal fallback) {
        BigDecimal v = p.decimal(field).orElse(fallback);
        if (v.signum() < 0) {
            p.problem(field, "is " + v.toPlainString() + "; expected basis points, zero or more (10 = 0.1 %)");
            return fallback;
        }
        return v;
    }

    private static Optional<Path> path(ConfigFields fields, String field, String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            fields.problem(field, UntrustedText.quote(text) + " is not a usable path: " + e.getReason());
            return Optional.empty();
        }
    }

    /** A value parsed by {@code parser}; its refusal becomes a problem of the field. */
    private static <T> Optional<T> parsed(ConfigFields fields, String field, String text, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (InvalidInputException e) {
            fields.problem(field, e.getMessage());
            return Optional.empty();
        }
    }

    /** Where the JSON broke and why, without quoting the text (a secret may be there). */
    private static String syntaxError(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
        int end = why.indexOf('\n');
        if (end >= 0) why = why.substring(0, end);
        return "not valid JSON" + (at != null ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "") + ": " + why;
    }
}
