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
 */
public record BotConfig(String name, ExchangeConfig exchange, String symbol, Timeframe timeframe, StrategyConfig strategy,
                        RiskLimits risk, SizingConfig sizing, Path store, Path out, EngineOptions engine, PaperConfig paper,
                        boolean confirmLive, InstrumentKind market, BigDecimal leverage, List<String> pairs,
                        Optional<io.tradekit.core.sizing.Budget> budget) {

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

    /** A bot of one symbol that trades its whole account. */
    public BotConfig(String name, ExchangeConfig exchange, String symbol, Timeframe timeframe, StrategyConfig strategy,
                     RiskLimits risk, SizingConfig sizing, Path store, Path out, EngineOptions engine, PaperConfig paper,
                     boolean confirmLive, InstrumentKind market, BigDecimal leverage) {
        this(name, exchange, symbol, timeframe, strategy, risk, sizing, store, out, engine, paper, confirmLive, market, leverage, List.of(),
                Optional.empty());
    }

    /** The symbols the bot trades: its pairs, or its one symbol. */
    public List<String> symbols() {
        return pairs.isEmpty() ? List.of(symbol) : pairs;
    }

    /** A spot bot: leverage 1. */
    public BotConfig(String name, ExchangeConfig exchange, String symbol, Timeframe timeframe, StrategyConfig strategy,
                     RiskLimits risk, SizingConfig sizing, Path store, Path out, EngineOptions engine, PaperConfig paper,
                     boolean confirmLive) {
        this(name, exchange, symbol, timeframe, strategy, risk, sizing, store, out, engine, paper, confirmLive, InstrumentKind.SPOT, BigDecimal.ONE);
    }

    /**
     * The journal a mode writes. Live uses {@code store.path}; paper and dry-run write beside it under
     * their own names ({@code bot-paper.db}, {@code bot-dry-run.db}), so that a rehearsal never puts its
     * orders into the live bot's books, nor resumes from them.
     */
    public Path journalFor(Mode mode) {
        if (mode == Mode.LIVE) return store;
        String file = store.getFileName().toString();
        String stem = file.endsWith(".db") ? file.substring(0, file.length() - 3) : file;
        return store.resolveSibling(stem + "-" + mode.label() + ".db");
    }

    /** Where a mode's reports go: {@code <out>/<mode>}. */
    public Path reportsFor(Mode mode) {
        return out.resolve(mode.label());
    }

    /** The same bot with paths taken from {@code directory} when they are relative. */
    public BotConfig resolvedAgainst(Path directory) {
        return new BotConfig(name, exchange, symbol, timeframe, strategy, risk, sizing, directory.resolve(store), directory.resolve(out),
                engine, paper, confirmLive, market, leverage, pairs, budget);
    }

    @Override
    public String toString() {
        return "BotConfig[name=" + name + ", exchange=" + exchange + ", symbol=" + symbol + (pairs.isEmpty() ? "" : ", pairs=" + pairs)
                + budget.map(b -> ", budget=" + b.describe()).orElse("") + ", timeframe=" + timeframe
                + ", strategy=" + strategy + ", risk=" + risk.values() + ", store=" + store + ", out=" + out + "]";
    }
}
