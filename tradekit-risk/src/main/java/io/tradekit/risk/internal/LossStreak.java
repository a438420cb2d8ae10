package io.tradekit.risk.internal;

import io.tradekit.api.Fill;

import java.math.BigDecimal;

/**
 * Counts losing orders in a row from the realized PnL of fills. The fills of one order count as one
 * trade, so a close that fills in five parts is one loss, not five; fills that realize nothing
 * (openings) do not touch the count.
 */
public final class LossStreak {

    private int lossesBefore;
    private String currentOrder;
    private BigDecimal currentPnl = BigDecimal.ZERO;
    private String forgottenOrder;

    public void record(Fill fill, BigDecimal realizedPnl) {
        if (realizedPnl == null || realizedPnl.signum() == 0) return;
        if (fill.clientOrderId().equals(forgottenOrder)) return;
        if (!fill.clientOrderId().equals(currentOrder)) {
            lossesBefore = settled();
            currentOrder = fill.clientOrderId();
            currentPnl = BigDecimal.ZERO;
        }
        currentPnl = currentPnl.add(realizedPnl);
    }

    private int settled() {
        if (currentOrder == null) return lossesBefore;
        return currentPnl.signum() < 0 ? lossesBefore + 1 : currentPnl.signum() > 0 ? 0 : lossesBefore;
    }

    /** Losing orders in a row, the latest included. */
    public int count() {
        return settled();
    }

    /** Whether the latest order that realized PnL lost money. */
    public boolean lastWasLoss() {
        return currentOrder != null && currentPnl.signum() < 0;
    }

    /** Starts a new count; later fills of the order that ended the old one are not counted again. */
    public void reset() {
        forgottenOrder = currentOrder;
        lossesBefore = 0;
        currentOrder = null;
        currentPnl = BigDecimal.ZERO;
    }
}
