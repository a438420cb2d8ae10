package io.tradekit.config;

import io.tradekit.api.InstrumentKind;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bot as a configuration file describes it, read by {@link BotConfigReader} (defaults, then the file,
 * then the environment) and checked for a mode by {@link ModeRequirements}. One file serves every mode,
 * so a bot can be rehearsed in {@code dry-run} and {@code paper} before it goes {@code live}:
 *
 * <pre>{@code
 * {
 *   "name": "eth-sma",                                   // the bot's id, [A-Za-z0-9_-]; default "bot"
 *   "exchange": {
 *     "name": "binance",                                 // required: binance, or bybit (with "category": "spot")
 *     "settings": { "restUrl": "http://127.0.0.1:9000",  // the adapter's settings (base URLs, timeouts...)
 *                   "streamUrl": "ws://127.0.0.1:9000", "wsApiUrl": "ws://127.0.0.1:9000/ws-api/v3" },
 *     "apiKey": "...", "apiSecret": "..."                // better in TRADEKIT_BINANCE_API_KEY / _SECRET
 *   },
 *   "symbol": "ETHUSDT",                                 // required, or "pairs"
 *   "pairs": ["BTCUSDT", "ETHUSDT"],                     // instead of "symbol": one lane per pair, one position per pair
 *   "budget": { "quote": 1000 },                         // or { "fraction": 0.25 }: its share of an account it shares
 *   "market": "perp", "leverage": 3,                     // default "spot" (leverage 1); "perp" runs in paper mode, and live or dry-run on bybit "linear"
 *   "timeframe": "5m",                                   // default 1m
 *   "strategy": { "name": "sma-cross", "params": { "fast": 10, "slow": 30 } },
 *                                                      // or several that vote: "strategies": [{"strategy": "sma-cross"}, ...]
 *                                                      // or "confluence": {"members": [...], "minAgreement": 0.5, "trend": {...}}
 *                                                      // (see ConfluenceSection); either becomes the "confluence" strategy
 *   "risk": { "max-daily-loss": 500, "max-drawdown": 0.05 },   // RiskLimits rules; live needs one of these two;
 *                                                              // also "stop-loss", "take-profit-rr", "trailing-stop" (ProtectionSettings)
 *   "sizing": { "fractionOfEquity": 0.5, "takerFeeRate": 0.001 },
 *   "store": { "path": "runs/eth-sma/bot.db" },           // the live journal; default runs/<name>/bot.db
 *   "out": "runs/eth-sma",                               // reports go to <out>/<mode>/; default runs/<name>
 *   "engine": { "staleAfter": "PT15M", "ackTimeout": "PT10S", "cancelUnknownOrders": false, "adoptVenuePosition": false, "maxCatchUpBars": 100 },
 *   "paper": { "cash": 10000, "makerFeeBps": 10, "takerFeeBps": 10, "slippageBps": 0 },   // paper mode only
 *   "confirmLive": true                                  // live refuses to start without it (or --yes-really-live)
 * }
 * }</pre>
 *
 * (The file is plain JSON: the comments above are for this page only.) Relative paths are taken from
 * the working directory. {@link #toString()} never shows the credentials. {@code pairs} is empty for a bot given one
 * {@code symbol}; with pairs, {@code symbol} is the first of them. {@code budget} is empty for a bot that trades its
 * whole account (see {@link io.tradekit.core.sizing.Budget}).
 *
 * @param name        the bot's id, {@code [A-Za-z0-9_-]}
 * @param exchange    the venue, its adapter's settings and the credentials
 * @param symbol      the venue's symbol; with {@code pairs}, the first of them
 * @param timeframe   the bars' timeframe the strategy trades on
 * @param strategy    the strategy by name, with its parameters
 * @param risk        the risk limits, and the protections ({@link ProtectionSettings}) that share the {@code risk} object
 * @param sizing      how large a BUY signal's order is
 * @param store       the live journal's file; {@link #journalFor(Mode)} gives each mode's
 * @param out         where reports go; {@link #reportsFor(Mode)} gives each mode's directory
 * @param engine      how the engine behaves around the venue
 * @param paper       the paper account, used in paper mode only
 * @param confirmLive whether the file confirms live trading
 * @param market      spot or perpetual
 * @param leverage    the leverage, 1 for spot
 * @param pairs       the symbols of a bot with one lane per pair; empty for a bot of one symbol
 * @param budget      the bot's share of an account it shares, or empty when it trades the whole account
 */
public record BotConfig(String name, ExchangeConfig exchange, String symbol, Timeframe timeframe, StrategyConfig strategy,
                        RiskLimits risk, SizingConfig sizing, Path store, Path out, EngineOptions engine, PaperConfig paper,
                        boolean confirmLive, InstrumentKind market, BigDecimal leverage, List<String> pairs,
                        Optional<io.tradekit.core.sizing.Budget> budget) {

    /**
     * Copies {@code pairs} and checks that every other field is given.
     *
     * @throws NullPointerException when a field is null
     */
    public BotConfig {
        pairs = List.copyOf(pairs);
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(leverage, "leverage");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(paper, "paper");
    }

    /**
     * A bot of one symbol that trades its whole account: no pairs, no budget.
     *
     * @param name        the bot's id
     * @param exchange    the venue
     * @param symbol      the venue's symbol
     * @param timeframe   the bars' timeframe
     * @param strategy    the strategy by name, with its parameters
     * @param risk        the risk limits and protections
     * @param sizing      how large a BUY signal's order is
     * @param store       the live journal's file
     * @param out         where reports go
     * @param engine      how the engine behaves around the venue
     * @param paper       the paper account
     * @param confirmLive whether the file confirms live trading
     * @param market      spot or perpetual
     * @param leverage    the leverage, 1 for spot
     */
    public BotConfig(String name, ExchangeConfig exchange, String symbol, Timeframe timeframe, StrategyConfig strategy,
                     RiskLimits risk, SizingConfig sizing, Path store, Path out, EngineOptions engine, PaperConfig paper,
                     boolean confirmLive, InstrumentKind market, BigDecimal leverage) {
        this(name, exchange, symbol, timeframe, strategy, risk, sizing, store, out, engine, paper, confirmLive, market, leverage, List.of(),
                Optional.empty());
    }

    /**
     * The symbols the bot trades: its pairs, or its one symbol.
     *
     * @return the symbols, never empty
     */
    public List<String> symbols() {
        return pairs.isEmpty() ? List.of(symbol) : pairs;
    }

    /**
     * A spot bot of one symbol that trades its whole account: leverage 1, no pairs, no budget.
     *
     * @param name        the bot's id
     * @param exchange    the venue
     * @param symbol      the venue's symbol
     * @param timeframe   the bars' timeframe
     * @param strategy    the strategy by name, with its parameters
     * @param risk        the risk limits and protections
     * @param sizing      how large a BUY signal's order is
     * @param store       the live journal's file
     * @param out         where reports go
     * @param engine      how the engine behaves around the venue
     * @param paper       the paper account
     * @param confirmLive whether the file confirms live trading
     */
    public BotConfig(String name, ExchangeConfig exchange, String symbol, Timeframe timeframe, StrategyConfig strategy,
                     RiskLimits risk, SizingConfig sizing, Path store, Path out, EngineOptions engine, PaperConfig paper,
                     boolean confirmLive) {
        this(name, exchange, symbol, timeframe, strategy, risk, sizing, store, out, engine, paper, confirmLive, InstrumentKind.SPOT, BigDecimal.ONE);
    }

    /**
     * The journal a mode writes. Live uses {@code store.path}; paper and dry-run write beside it under
     * their own names ({@code bot-paper.db}, {@code bot-dry-run.db}), so that a rehearsal never puts its
     * orders into the live bot's books, nor resumes from them.
     *
     * @param mode the mode that runs
     * @return the journal's file for that mode
     */
    public Path journalFor(Mode mode) {
        if (mode == Mode.LIVE) return store;
        String file = store.getFileName().toString();
        String stem = file.endsWith(".db") ? file.substring(0, file.length() - 3) : file;
        return store.resolveSibling(stem + "-" + mode.label() + ".db");
    }

    /**
     * Where a mode's reports go.
     *
     * @param mode the mode that runs
     * @return {@code <out>/<mode>}, e.g. {@code runs/eth-sma/paper}
     */
    public Path reportsFor(Mode mode) {
        return out.resolve(mode.label());
    }

    /**
     * The same bot with its store and out paths taken from {@code directory} when they are relative.
     *
     * @param directory the directory relative paths are taken from
     * @return the resolved configuration; this one is unchanged
     */
    public BotConfig resolvedAgainst(Path directory) {
        return new BotConfig(name, exchange, symbol, timeframe, strategy, risk, sizing, directory.resolve(store), directory.resolve(out),
                engine, paper, confirmLive, market, leverage, pairs, budget);
    }

    /**
     * A summary for logs: name, exchange, symbols, budget, timeframe, strategy, risk limits and paths; never
     * the credentials.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "BotConfig[name=" + name + ", exchange=" + exchange + ", symbol=" + symbol + (pairs.isEmpty() ? "" : ", pairs=" + pairs)
                + budget.map(b -> ", budget=" + b.describe()).orElse("") + ", timeframe=" + timeframe
                + ", strategy=" + strategy + ", risk=" + risk.values() + ", store=" + store + ", out=" + out + "]";
    }
}
