package io.tradekit.core.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * What a run did in one pair (or, as {@link PairReport#total()}, in all of them): {@code trades} fills,
 * {@code roundTrips} closed trades with their {@code realizedPnl} (net of the fees attributed to them) and
 * {@code winRate} (the share of them that gained, 0 to 1), {@code fees} paid on every fill in the quote asset,
 * and {@code exposure}: the time a position was held, from the fill that opened it to the fill that brought it
 * back to zero (a position still held at the end counts until the run's end), and that time as a percentage of
 * the run ({@code exposurePct}). The total's exposure is the time at least one pair held a position.
 *
 * @param symbol the pair, or {@link PairReport#TOTAL} for the total row
 * @param trades the number of fills
 * @param roundTrips the number of closed trades
 * @param realizedPnl the closed trades' PnL in the quote asset, net of their fees
 * @param winRate the share of closed trades that gained, 0 to 1 (0 without any)
 * @param exposure the time a position was held
 * @param exposurePct that time as a percentage of the run (50 is half of it), four decimals
 * @param fees the fees of every fill, in the quote asset
 */
public record PairFigures(String symbol, int trades, int roundTrips, BigDecimal realizedPnl, double winRate,
                          Duration exposure, BigDecimal exposurePct, BigDecimal fees) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a reference component is null
     */
    public PairFigures {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(exposurePct, "exposurePct");
        Objects.requireNonNull(fees, "fees");
    }
}
