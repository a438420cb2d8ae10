package io.tradekit.core;

import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Everything a backtest produced. Money is BigDecimal in the quote asset; {@code realizedPnl} is net of
 * every fee paid; percentages are percent (12.5 means 12.5 %). The equity curve is sampled down to at
 * most a few thousand points; {@code maxDrawdownPct}, {@code sharpe} and {@code sortino} are computed on
 * every bar, and {@code dayCloses} holds each UTC day's closing equity (the last mark of the day, a mark at
 * midnight closing the day before). Sharpe and Sortino are statistics (doubles) of per-bar returns with a
 * zero target, annualized over 365 days: the Sortino ratio is the mean return over the downside deviation
 * {@code sqrt(sum(min(r, 0)^2) / n)} ({@code n} every return, not only the losing ones), times
 * {@code sqrt(bars per year)}: 0 with fewer than two returns or a flat curve, NaN when no bar lost but some
 * gained (the ratio has no bound).
 * {@code strategyFailure} is the strategy's exception the run ended on (paused or stopped by it and never
 * resumed), if any. {@code perpetual} holds the funding, leverage and liquidation figures of a run on a
 * perpetual; it is empty for spot.
 */
public final class BacktestResult {

    private final String strategy;
    private final String symbol;
    private final Timeframe timeframe;
    private final long bars;
    private final List<Order> orders;
    private final List<Fill> fills;
    private final List<RoundTrip> roundTrips;
    private final List<EquityPoint> equityCurve;
    private final BigDecimal initialCash;
    private final BigDecimal fees;
    private final BigDecimal realizedPnl;
    private final BigDecimal finalEquity;
    private final BigDecimal returnPct;
    private final BigDecimal maxDrawdownPct;
    private final double sharpe;
    private final double winRate;
    private final long ordersDenied;
    private final List<SafetyEvent> safetyEvents;
    private final BotState finalState;
    private final long elapsedMs;
    private final double barsPerSecond;
    private final double sortino;
    private final List<EquityPoint> dayCloses;
    private final Optional<StrategyFailure> strategyFailure;
    private final Optional<PerpetualFigures> perpetual;

    private BacktestResult(String strategy, String symbol, Timeframe timeframe, long bars, List<Order> orders, List<Fill> fills, List<RoundTrip> roundTrips, List<EquityPoint> equityCurve, BigDecimal initialCash, BigDecimal fees, BigDecimal realizedPnl, BigDecimal finalEquity, BigDecimal returnPct, BigDecimal maxDrawdownPct, double sharpe, double winRate, long ordersDenied, List<SafetyEvent> safetyEvents, BotState finalState, long elapsedMs, double barsPerSecond, double sortino, List<EquityPoint> dayCloses, Optional<StrategyFailure> strategyFailure, Optional<PerpetualFigures> perpetual) {
        strategyFailure = strategyFailure == null ? Optional.empty() : strategyFailure;
        perpetual = perpetual == null ? Optional.empty() : perpetual;
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        roundTrips = List.copyOf(roundTrips);
        equityCurve = List.copyOf(equityCurve);
        safetyEvents = List.copyOf(safetyEvents);
        dayCloses = List.copyOf(dayCloses);
        this.strategy = strategy;
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.bars = bars;
        this.orders = orders;
        this.fills = fills;
        this.roundTrips = roundTrips;
        this.equityCurve = equityCurve;
        this.initialCash = initialCash;
        this.fees = fees;
        this.realizedPnl = realizedPnl;
        this.finalEquity = finalEquity;
        this.returnPct = returnPct;
        this.maxDrawdownPct = maxDrawdownPct;
        this.sharpe = sharpe;
        this.winRate = winRate;
        this.ordersDenied = ordersDenied;
        this.safetyEvents = safetyEvents;
        this.finalState = finalState;
        this.elapsedMs = elapsedMs;
        this.barsPerSecond = barsPerSecond;
        this.sortino = sortino;
        this.dayCloses = dayCloses;
        this.strategyFailure = strategyFailure;
        this.perpetual = perpetual;
    }

    private BacktestResult(Builder b) {
        this(b.strategy, b.symbol, b.timeframe, b.bars, b.orders, b.fills, b.roundTrips, b.equityCurve, b.initialCash, b.fees, b.realizedPnl, b.finalEquity, b.returnPct, b.maxDrawdownPct, b.sharpe, b.winRate, b.ordersDenied, b.safetyEvents, b.finalState, b.elapsedMs, b.barsPerSecond, b.sortino, b.dayCloses, b.strategyFailure, b.perpetual);
    }

    /**
     * The strategy's name.
     *
     * @return the strategy's name
     */
    public String strategy() {
        return strategy;
    }

    /**
     * The symbol traded (several joined by commas for a run over pairs).
     *
     * @return the symbol traded (several joined by commas for a run over pairs)
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The timeframe of the bars.
     *
     * @return the timeframe of the bars
     */
    public Timeframe timeframe() {
        return timeframe;
    }

    /**
     * How many bars the run covered.
     *
     * @return how many bars the run covered
     */
    public long bars() {
        return bars;
    }

    /**
     * Every order of the run, oldest first.
     *
     * @return every order of the run, oldest first
     */
    public List<Order> orders() {
        return orders;
    }

    /**
     * Every fill of the run, in the order applied.
     *
     * @return every fill of the run, in the order applied
     */
    public List<Fill> fills() {
        return fills;
    }

    /**
     * The closed round trips, oldest first.
     *
     * @return the closed round trips, oldest first
     */
    public List<RoundTrip> roundTrips() {
        return roundTrips;
    }

    /**
     * The equity curve, sampled down to at most a few thousand points.
     *
     * @return the equity curve, sampled down to at most a few thousand points
     */
    public List<EquityPoint> equityCurve() {
        return equityCurve;
    }

    /**
     * The equity the run started with, in the quote asset.
     *
     * @return the equity the run started with, in the quote asset
     */
    public BigDecimal initialCash() {
        return initialCash;
    }

    /**
     * Every fee paid, in the quote asset.
     *
     * @return every fee paid, in the quote asset
     */
    public BigDecimal fees() {
        return fees;
    }

    /**
     * The realized profit and loss, net of every fee.
     *
     * @return the realized profit and loss, net of every fee
     */
    public BigDecimal realizedPnl() {
        return realizedPnl;
    }

    /**
     * The equity at the end of the run.
     *
     * @return the equity at the end of the run
     */
    public BigDecimal finalEquity() {
        return finalEquity;
    }

    /**
     * The return over the run in percent (12.5 means 12.5 %).
     *
     * @return the return over the run in percent (12.5 means 12.5 %)
     */
    public BigDecimal returnPct() {
        return returnPct;
    }

    /**
     * The largest fall from a peak of equity in percent, measured on every bar.
     *
     * @return the largest fall from a peak of equity in percent, measured on every bar
     */
    public BigDecimal maxDrawdownPct() {
        return maxDrawdownPct;
    }

    /**
     * The annualized Sharpe ratio of per-bar returns (0 with fewer than two returns or a flat curve).
     *
     * @return the annualized Sharpe ratio of per-bar returns (0 with fewer than two returns or a flat curve)
     */
    public double sharpe() {
        return sharpe;
    }

    /**
     * The share of round trips that won, 0 to 1.
     *
     * @return the share of round trips that won, 0 to 1
     */
    public double winRate() {
        return winRate;
    }

    /**
     * How many orders risk policies or the bot state refused.
     *
     * @return how many orders risk policies or the bot state refused
     */
    public long ordersDenied() {
        return ordersDenied;
    }

    /**
     * What safety asked for during the run, oldest first.
     *
     * @return what safety asked for during the run, oldest first
     */
    public List<SafetyEvent> safetyEvents() {
        return safetyEvents;
    }

    /**
     * The bot's state at the end.
     *
     * @return the bot's state at the end
     */
    public BotState finalState() {
        return finalState;
    }

    /**
     * How long the run took on the wall clock, in milliseconds.
     *
     * @return how long the run took on the wall clock, in milliseconds
     */
    public long elapsedMs() {
        return elapsedMs;
    }

    /**
     * The run's speed in bars per second of wall time.
     *
     * @return the run's speed in bars per second of wall time
     */
    public double barsPerSecond() {
        return barsPerSecond;
    }

    /**
     * The annualized Sortino ratio of per-bar returns (NaN when no bar lost but some gained).
     *
     * @return the annualized Sortino ratio of per-bar returns (NaN when no bar lost but some gained)
     */
    public double sortino() {
        return sortino;
    }

    /**
     * Each UTC day's closing equity, oldest first.
     *
     * @return each UTC day's closing equity, oldest first
     */
    public List<EquityPoint> dayCloses() {
        return dayCloses;
    }

    /**
     * The strategy's exception the run ended on, if any.
     *
     * @return the strategy's exception the run ended on, if any
     */
    public Optional<StrategyFailure> strategyFailure() {
        return strategyFailure;
    }

    /**
     * The funding, leverage and liquidation figures of a run on a perpetual; empty for spot.
     *
     * @return the funding, leverage and liquidation figures of a run on a perpetual; empty for spot
     */
    public Optional<PerpetualFigures> perpetual() {
        return perpetual;
    }


    /**
     * The same result with the speed measured by its driver (which times the whole run, not only the figures).
     *
     * @param measured bars per second of the whole run
     * @return a copy with that speed
     */
    public BacktestResult withBarsPerSecond(double measured) {
        return toBuilder().barsPerSecond(measured).build();
    }

    /**
     * Whether the run ended paused or stopped on a strategy's exception (the command line then exits non-zero).
     *
     * @return true when {@link #strategyFailure()} holds one
     */
    public boolean endedOnStrategyFailure() {
        return strategyFailure.isPresent();
    }

    /** Equal when every figure is equal, as a record's would be. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BacktestResult that
                && java.util.Objects.equals(strategy, that.strategy)
                && java.util.Objects.equals(symbol, that.symbol)
                && java.util.Objects.equals(timeframe, that.timeframe)
                && bars == that.bars
                && java.util.Objects.equals(orders, that.orders)
                && java.util.Objects.equals(fills, that.fills)
                && java.util.Objects.equals(roundTrips, that.roundTrips)
                && java.util.Objects.equals(equityCurve, that.equityCurve)
                && java.util.Objects.equals(initialCash, that.initialCash)
                && java.util.Objects.equals(fees, that.fees)
                && java.util.Objects.equals(realizedPnl, that.realizedPnl)
                && java.util.Objects.equals(finalEquity, that.finalEquity)
                && java.util.Objects.equals(returnPct, that.returnPct)
                && java.util.Objects.equals(maxDrawdownPct, that.maxDrawdownPct)
                && Double.compare(sharpe, that.sharpe) == 0
                && Double.compare(winRate, that.winRate) == 0
                && ordersDenied == that.ordersDenied
                && java.util.Objects.equals(safetyEvents, that.safetyEvents)
                && java.util.Objects.equals(finalState, that.finalState)
                && elapsedMs == that.elapsedMs
                && Double.compare(barsPerSecond, that.barsPerSecond) == 0
                && Double.compare(sortino, that.sortino) == 0
                && java.util.Objects.equals(dayCloses, that.dayCloses)
                && java.util.Objects.equals(strategyFailure, that.strategyFailure)
                && java.util.Objects.equals(perpetual, that.perpetual);
    }

    /** Hashes every figure, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(strategy, symbol, timeframe, bars, orders, fills, roundTrips, equityCurve, initialCash, fees, realizedPnl, finalEquity, returnPct, maxDrawdownPct, sharpe, winRate, ordersDenied, safetyEvents, finalState, elapsedMs, barsPerSecond, sortino, dayCloses, strategyFailure, perpetual);
    }

    /** Every figure by name, as a record's would print. */
    @Override
    public String toString() {
        return "BacktestResult[" + "strategy=" + strategy + ", " + "symbol=" + symbol + ", " + "timeframe=" + timeframe + ", " + "bars=" + bars + ", " + "orders=" + orders + ", " + "fills=" + fills + ", " + "roundTrips=" + roundTrips + ", " + "equityCurve=" + equityCurve + ", " + "initialCash=" + initialCash + ", " + "fees=" + fees + ", " + "realizedPnl=" + realizedPnl + ", " + "finalEquity=" + finalEquity + ", " + "returnPct=" + returnPct + ", " + "maxDrawdownPct=" + maxDrawdownPct + ", " + "sharpe=" + sharpe + ", " + "winRate=" + winRate + ", " + "ordersDenied=" + ordersDenied + ", " + "safetyEvents=" + safetyEvents + ", " + "finalState=" + finalState + ", " + "elapsedMs=" + elapsedMs + ", " + "barsPerSecond=" + barsPerSecond + ", " + "sortino=" + sortino + ", " + "dayCloses=" + dayCloses + ", " + "strategyFailure=" + strategyFailure + ", " + "perpetual=" + perpetual + "]";
    }

    /**
     * A builder starting empty (lists empty, optional figures absent).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every figure of this one, to change a few.
     *
     * @return a builder preset to this
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.strategy = strategy;
        b.symbol = symbol;
        b.timeframe = timeframe;
        b.bars = bars;
        b.orders = orders;
        b.fills = fills;
        b.roundTrips = roundTrips;
        b.equityCurve = equityCurve;
        b.initialCash = initialCash;
        b.fees = fees;
        b.realizedPnl = realizedPnl;
        b.finalEquity = finalEquity;
        b.returnPct = returnPct;
        b.maxDrawdownPct = maxDrawdownPct;
        b.sharpe = sharpe;
        b.winRate = winRate;
        b.ordersDenied = ordersDenied;
        b.safetyEvents = safetyEvents;
        b.finalState = finalState;
        b.elapsedMs = elapsedMs;
        b.barsPerSecond = barsPerSecond;
        b.sortino = sortino;
        b.dayCloses = dayCloses;
        b.strategyFailure = strategyFailure;
        b.perpetual = perpetual;
        return b;
    }

    /** Collects the figures of a {@link BacktestResult}; a figure added later gets a default here, so no caller breaks. */
    public static final class Builder {
        private String strategy;
        private String symbol;
        private Timeframe timeframe;
        private long bars;
        private List<Order> orders = java.util.List.of();
        private List<Fill> fills = java.util.List.of();
        private List<RoundTrip> roundTrips = java.util.List.of();
        private List<EquityPoint> equityCurve = java.util.List.of();
        private BigDecimal initialCash;
        private BigDecimal fees;
        private BigDecimal realizedPnl;
        private BigDecimal finalEquity;
        private BigDecimal returnPct;
        private BigDecimal maxDrawdownPct;
        private double sharpe;
        private double winRate;
        private long ordersDenied;
        private List<SafetyEvent> safetyEvents = java.util.List.of();
        private BotState finalState;
        private long elapsedMs;
        private double barsPerSecond;
        private double sortino;
        private List<EquityPoint> dayCloses = java.util.List.of();
        private Optional<StrategyFailure> strategyFailure = java.util.Optional.empty();
        private Optional<PerpetualFigures> perpetual = java.util.Optional.empty();

        private Builder() {
        }

        /**
         * Sets the strategy's name.
         *
         * @param strategy the strategy's name
         * @return this builder
         */
        public Builder strategy(String strategy) {
            this.strategy = strategy;
            return this;
        }

        /**
         * Sets the symbol traded (several joined by commas for a run over pairs).
         *
         * @param symbol the symbol traded (several joined by commas for a run over pairs)
         * @return this builder
         */
        public Builder symbol(String symbol) {
            this.symbol = symbol;
            return this;
        }

        /**
         * Sets the timeframe of the bars.
         *
         * @param timeframe the timeframe of the bars
         * @return this builder
         */
        public Builder timeframe(Timeframe timeframe) {
            this.timeframe = timeframe;
            return this;
        }

        /**
         * Sets how many bars the run covered.
         *
         * @param bars how many bars the run covered
         * @return this builder
         */
        public Builder bars(long bars) {
            this.bars = bars;
            return this;
        }

        /**
         * Sets every order of the run, oldest first.
         *
         * @param orders every order of the run, oldest first
         * @return this builder
         */
        public Builder orders(List<Order> orders) {
            this.orders = orders;
            return this;
        }

        /**
         * Sets every fill of the run, in the order applied.
         *
         * @param fills every fill of the run, in the order applied
         * @return this builder
         */
        public Builder fills(List<Fill> fills) {
            this.fills = fills;
            return this;
        }

        /**
         * Sets the closed round trips, oldest first.
         *
         * @param roundTrips the closed round trips, oldest first
         * @return this builder
         */
        public Builder roundTrips(List<RoundTrip> roundTrips) {
            this.roundTrips = roundTrips;
            return this;
        }

        /**
         * Sets the equity curve, sampled down to at most a few thousand points.
         *
         * @param equityCurve the equity curve, sampled down to at most a few thousand points
         * @return this builder
         */
        public Builder equityCurve(List<EquityPoint> equityCurve) {
            this.equityCurve = equityCurve;
            return this;
        }

        /**
         * Sets the equity the run started with, in the quote asset.
         *
         * @param initialCash the equity the run started with, in the quote asset
         * @return this builder
         */
        public Builder initialCash(BigDecimal initialCash) {
            this.initialCash = initialCash;
            return this;
        }

        /**
         * Sets every fee paid, in the quote asset.
         *
         * @param fees every fee paid, in the quote asset
         * @return this builder
         */
        public Builder fees(BigDecimal fees) {
            this.fees = fees;
            return this;
        }

        /**
         * Sets the realized profit and loss, net of every fee.
         *
         * @param realizedPnl the realized profit and loss, net of every fee
         * @return this builder
         */
        public Builder realizedPnl(BigDecimal realizedPnl) {
            this.realizedPnl = realizedPnl;
            return this;
        }

        /**
         * Sets the equity at the end of the run.
         *
         * @param finalEquity the equity at the end of the run
         * @return this builder
         */
        public Builder finalEquity(BigDecimal finalEquity) {
            this.finalEquity = finalEquity;
            return this;
        }

        /**
         * Sets the return over the run in percent (12.5 means 12.5 %).
         *
         * @param returnPct the return over the run in percent (12.5 means 12.5 %)
         * @return this builder
         */
        public Builder returnPct(BigDecimal returnPct) {
            this.returnPct = returnPct;
            return this;
        }

        /**
         * Sets the largest fall from a peak of equity in percent, measured on every bar.
         *
         * @param maxDrawdownPct the largest fall from a peak of equity in percent, measured on every bar
         * @return this builder
         */
        public Builder maxDrawdownPct(BigDecimal maxDrawdownPct) {
            this.maxDrawdownPct = maxDrawdownPct;
            return this;
        }

        /**
         * Sets the annualized Sharpe ratio of per-bar returns (0 with fewer than two returns or a flat curve).
         *
         * @param sharpe the annualized Sharpe ratio of per-bar returns (0 with fewer than two returns or a flat curve)
         * @return this builder
         */
        public Builder sharpe(double sharpe) {
            this.sharpe = sharpe;
            return this;
        }

        /**
         * Sets the share of round trips that won, 0 to 1.
         *
         * @param winRate the share of round trips that won, 0 to 1
         * @return this builder
         */
        public Builder winRate(double winRate) {
            this.winRate = winRate;
            return this;
        }

        /**
         * Sets how many orders risk policies or the bot state refused.
         *
         * @param ordersDenied how many orders risk policies or the bot state refused
         * @return this builder
         */
        public Builder ordersDenied(long ordersDenied) {
            this.ordersDenied = ordersDenied;
            return this;
        }

        /**
         * Sets what safety asked for during the run, oldest first.
         *
         * @param safetyEvents what safety asked for during the run, oldest first
         * @return this builder
         */
        public Builder safetyEvents(List<SafetyEvent> safetyEvents) {
            this.safetyEvents = safetyEvents;
            return this;
        }

        /**
         * Sets the bot's state at the end.
         *
         * @param finalState the bot's state at the end
         * @return this builder
         */
        public Builder finalState(BotState finalState) {
            this.finalState = finalState;
            return this;
        }

        /**
         * Sets how long the run took on the wall clock, in milliseconds.
         *
         * @param elapsedMs how long the run took on the wall clock, in milliseconds
         * @return this builder
         */
        public Builder elapsedMs(long elapsedMs) {
            this.elapsedMs = elapsedMs;
            return this;
        }

        /**
         * Sets the run's speed in bars per second of wall time.
         *
         * @param barsPerSecond the run's speed in bars per second of wall time
         * @return this builder
         */
        public Builder barsPerSecond(double barsPerSecond) {
            this.barsPerSecond = barsPerSecond;
            return this;
        }

        /**
         * Sets the annualized Sortino ratio of per-bar returns (NaN when no bar lost but some gained).
         *
         * @param sortino the annualized Sortino ratio of per-bar returns (NaN when no bar lost but some gained)
         * @return this builder
         */
        public Builder sortino(double sortino) {
            this.sortino = sortino;
            return this;
        }

        /**
         * Sets each UTC day's closing equity, oldest first.
         *
         * @param dayCloses each UTC day's closing equity, oldest first
         * @return this builder
         */
        public Builder dayCloses(List<EquityPoint> dayCloses) {
            this.dayCloses = dayCloses;
            return this;
        }

        /**
         * Sets the strategy's exception the run ended on, if any.
         *
         * @param strategyFailure the strategy's exception the run ended on, if any
         * @return this builder
         */
        public Builder strategyFailure(Optional<StrategyFailure> strategyFailure) {
            this.strategyFailure = strategyFailure;
            return this;
        }

        /**
         * Sets the funding, leverage and liquidation figures of a run on a perpetual; empty for spot.
         *
         * @param perpetual the funding, leverage and liquidation figures of a run on a perpetual; empty for spot
         * @return this builder
         */
        public Builder perpetual(Optional<PerpetualFigures> perpetual) {
            this.perpetual = perpetual;
            return this;
        }

        /**
         * The result of the figures set.
         *
         * @return the result
         */
        public BacktestResult build() {
            return new BacktestResult(this);
        }
    }
}
