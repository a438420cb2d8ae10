package io.tradekit.api.spi;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Instrument;
import io.tradekit.api.MarginAccount;
import io.tradekit.api.Order;
import io.tradekit.api.Position;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The account as a risk policy sees it. Read-only; valid only on the loop thread. Exposure is signed
 * (a short is negative), so a policy works the same on spot and on perpetual positions; the derivatives
 * figures (leverage, margin, liquidation price) are on the {@link Position} and the {@link #marginAccount()}.
 * The mark price is the last price the bot saw: in backtests and replays the point of the bar's path the
 * venue stopped at.
 */
public interface RiskContext {

    /**
     * The engine clock's time.
     *
     * @return data time in a backtest or replay, wall time live
     */
    Instant now();

    /**
     * The bot's state.
     *
     * @return where the bot is in its life
     */
    BotState state();

    /**
     * The account's value.
     *
     * @return cash plus every position marked at its last price, in the quote asset
     */
    BigDecimal equity();

    /**
     * The highest equity seen since the bot started (restored across restarts).
     *
     * @return the peak, in the quote asset
     */
    BigDecimal peakEquity();

    /**
     * Equity at the start of the current trading day (see the day-boundary limit).
     *
     * @return that equity, in the quote asset
     */
    BigDecimal dayStartEquity();

    /**
     * Free quote-asset cash (on a derivatives bot the wallet balance, see {@link #marginAccount()}).
     *
     * @return the cash
     */
    BigDecimal cash();

    /**
     * The bot's position in one symbol.
     *
     * @param symbol the venue's symbol
     * @return the position, flat when there is none
     */
    Position position(String symbol);

    /**
     * Every position the bot holds or held.
     *
     * @return the positions, one per symbol
     */
    Collection<Position> positions();

    /**
     * A symbol's instrument: filters, kind and margin rules.
     *
     * @param symbol the venue's symbol
     * @return the instrument
     */
    Instrument instrument(String symbol);

    /**
     * The last known price of a symbol.
     *
     * @param symbol the venue's symbol
     * @return the price, zero if none yet
     */
    BigDecimal lastPrice(String symbol);

    /**
     * When market data for the symbol last arrived.
     *
     * @param symbol the venue's symbol
     * @return that time, empty if none yet
     */
    Optional<Instant> lastDataTime(String symbol);

    /**
     * The bot's orders that are open or in flight.
     *
     * @return those orders
     */
    List<Order> openOrders();

    /**
     * Up to {@code count} of the most recent closed bars of the symbol, oldest first.
     *
     * @param symbol the venue's symbol
     * @param count  how many at most
     * @return the bars
     */
    List<Bar> recentBars(String symbol, int count);

    /**
     * Realized PnL of the most recent closed round trips, newest last.
     *
     * @param count how many at most
     * @return the PnL of each, in the quote asset
     */
    List<BigDecimal> recentTradePnl(int count);

    /**
     * The price positions are marked at: the last price (see the class comment).
     *
     * @param symbol the venue's symbol
     * @return the mark
     */
    default BigDecimal markPrice(String symbol) {
        return lastPrice(symbol);
    }

    /**
     * Signed exposure in {@code symbol} at the mark.
     *
     * @param symbol the venue's symbol
     * @return the exposure in the quote asset: positive long, negative short
     */
    default BigDecimal exposure(String symbol) {
        return position(symbol).exposure(markPrice(symbol));
    }

    /**
     * Where the venue would liquidate the position in {@code symbol}.
     *
     * @param symbol the venue's symbol
     * @return the price, empty when flat or spot
     */
    default Optional<BigDecimal> liquidationPrice(String symbol) {
        return position(symbol).liquidationPrice();
    }

    /**
     * How far the mark is from the liquidation price, as a fraction of the mark.
     *
     * @param symbol the venue's symbol
     * @return the distance (0.1: a 10 % move liquidates), empty when there is no liquidation price
     */
    default Optional<BigDecimal> liquidationDistance(String symbol) {
        BigDecimal mark = markPrice(symbol);
        if (mark.signum() <= 0) return Optional.empty();
        return liquidationPrice(symbol).map(liq -> liq.subtract(mark).abs().divide(mark, MathContext.DECIMAL64));
    }

    /**
     * The leverage the account uses now.
     *
     * @return gross exposure of every position over equity, 0 when flat
     */
    default BigDecimal leverageUsed() {
        BigDecimal gross = BigDecimal.ZERO;
        for (Position p : positions()) if (!p.isFlat()) gross = gross.add(p.exposure(markPrice(p.symbol())).abs());
        BigDecimal equity = equity();
        if (gross.signum() == 0) return BigDecimal.ZERO;
        return equity.signum() <= 0 ? gross : gross.divide(equity, MathContext.DECIMAL64);
    }

    /**
     * The account's margin figures in its quote asset. By default (a context without a margin model) the
     * account is taken as spot: wallet = cash, no margin.
     *
     * @return the margin account
     */
    default MarginAccount marginAccount() {
        BigDecimal cash = cash();
        return new MarginAccount("", cash, equity().subtract(cash), BigDecimal.ZERO, BigDecimal.ZERO, cash);
    }
}
