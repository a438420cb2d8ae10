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

    public static BotBuilder bot(String id) {
        return new BotBuilder(id);
    }

    public static BacktestBuilder backtest() {
        return new BacktestBuilder();
    }
}
