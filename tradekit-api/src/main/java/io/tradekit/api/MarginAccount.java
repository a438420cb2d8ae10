package io.tradekit.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A margin account in one settlement asset, as the venue would show it. {@code walletBalance} is deposits
 * plus realized PnL less fees less funding paid; {@code usedMargin} is the isolated margin held by open
 * positions; {@code maintenanceMargin} what those positions must keep; {@code availableBalance} what a new
 * position can still use. A spot account has no margin: its equity is its cash plus holdings at the mark.
 *
 * @param asset             the settlement asset, e.g. {@code USDT}
 * @param walletBalance     deposits plus realized PnL less fees and funding paid
 * @param unrealizedPnl     open positions' PnL at the mark
 * @param usedMargin        isolated margin held by open positions
 * @param maintenanceMargin what the open positions must keep
 * @param availableBalance  what a new position can still use
 */
public record MarginAccount(String asset, BigDecimal walletBalance, BigDecimal unrealizedPnl, BigDecimal usedMargin,
                            BigDecimal maintenanceMargin, BigDecimal availableBalance) {
    /** Checks that every figure is given. */
    public MarginAccount {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(walletBalance, "walletBalance");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        Objects.requireNonNull(usedMargin, "usedMargin");
        Objects.requireNonNull(maintenanceMargin, "maintenanceMargin");
        Objects.requireNonNull(availableBalance, "availableBalance");
    }

    /**
     * The account's value at the mark.
     *
     * @return wallet balance plus unrealized PnL
     */
    public BigDecimal equity() {
        return walletBalance.add(unrealizedPnl);
    }

    /**
     * Maintenance margin over equity (Bybit's account MM rate).
     *
     * @return the ratio: at 1 or more the venue liquidates; zero without positions, 1 when equity is gone
     */
    public BigDecimal marginRatio() {
        BigDecimal equity = equity();
        if (maintenanceMargin.signum() == 0) return BigDecimal.ZERO;
        if (equity.signum() <= 0) return BigDecimal.ONE;
        return maintenanceMargin.divide(equity, MathContext.DECIMAL64);
    }
}
