package io.tradekit.core;

/**
 * Where everything starts: a bot for live, paper or replay trading, or a backtest over history.
 *
 * <pre>{@code
 * TradingBot bot = TradeKit.bot("btc-grid")
 *     .exchange("binance", credentials)
 *     .symbol("BTCUSDT")
 *     .strategy("grid", params)
 *     .risk(RiskLimits.builder().maxDrawdown(new BigDecimal("0.05")).build())
 *     .build();
 * bot.start();
 *
 * BacktestResult r = TradeKit.backtest().bars(bars).strategy("sma-cross", Map.of()).run();
 * }</pre>
 */
public final class TradeKit {

    private TradeKit() {
    }

    /**
     * Starts building a bot for live, paper or replay trading.
     *
     * @param id the bot's id, non-blank: it names the bot in its logs, journal and proposals
     * @return a builder; the rest of the bot is checked at {@link BotBuilder#build()}
     * @throws io.tradekit.api.InvalidInputException if {@code id} is null or blank
     */
    public static BotBuilder bot(String id) {
        return new BotBuilder(id);
    }

    /**
     * Starts building a backtest over history.
     *
     * @return a builder for one backtest run
     */
    public static BacktestBuilder backtest() {
        return new BacktestBuilder();
    }
}
