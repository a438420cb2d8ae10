package io.tradekit.advisor.optimize;

import io.tradekit.api.InvalidInputException;
import io.tradekit.core.BacktestBuilder;
import io.tradekit.core.paper.FillModel;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How every backtest of an optimisation trades: starting cash, the fee (maker and taker alike), slippage
 * and the fill model, as {@code tradekit backtest} takes them. Defaults: 10 000 cash, 10 bps fee, no
 * slippage, fills at the signal bar's close.
 *
 * @param cash        the starting cash, in the quote asset, positive
 * @param feeBps      the fee on every fill, in basis points (10 = 0.1 %), zero or more
 * @param slippageBps the price moved against every fill, in basis points, zero or more
 * @param fillModel   at which price a signal fills
 */
public record BacktestSettings(BigDecimal cash, BigDecimal feeBps, BigDecimal slippageBps, FillModel fillModel) {

    /**
     * Checks the settings.
     *
     * @throws NullPointerException if a component is null
     * @throws io.tradekit.api.InvalidInputException if {@code cash} is not positive or the fee or slippage is negative
     */
    public BacktestSettings {
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(feeBps, "feeBps");
        Objects.requireNonNull(slippageBps, "slippageBps");
        Objects.requireNonNull(fillModel, "fillModel");
        if (cash.signum() <= 0) throw new InvalidInputException("backtest settings: cash must be positive, got " + cash);
        if (feeBps.signum() < 0) throw new InvalidInputException("backtest settings: the fee must be zero or more, got " + feeBps);
        if (slippageBps.signum() < 0) throw new InvalidInputException("backtest settings: slippage must be zero or more, got " + slippageBps);
    }

    /**
     * The defaults.
     *
     * @return 10 000 cash, 10 bps fee, no slippage, fills at the signal bar's close
     */
    public static BacktestSettings defaults() {
        return new BacktestSettings(new BigDecimal("10000"), BigDecimal.TEN, BigDecimal.ZERO, FillModel.CLOSE);
    }

    /** {@code builder} set up to trade like this. */
    BacktestBuilder applyTo(BacktestBuilder builder) {
        return builder.cash(cash).feeBps(feeBps).slippageBps(slippageBps).fillModel(fillModel);
    }
}
