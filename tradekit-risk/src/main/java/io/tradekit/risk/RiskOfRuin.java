package io.tradekit.risk;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.spi.RiskContext;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The classic risk-of-ruin estimate from a trade record:
 *
 * <pre>
 *   p     = wins / (wins + losses)              (trades with zero PnL are left out)
 *   R     = average win / average loss          (the payoff ratio)
 *   edge  = p * R - (1 - p)                     (expected gain per unit risked)
 *   units = equity / average loss               (how many average losses the equity can take)
 *   ruin  = ((1 - edge) / (1 + edge)) ^ units   for 0 &lt; edge &lt; 1
 * </pre>
 *
 * With no edge (edge &lt;= 0) ruin is certain (1); with edge &gt;= 1 or no losing trade it is 0. With
 * R = 1 this is the textbook gambler's-ruin form ((1 - A)/(1 + A))^C with A = 2p - 1. It is an
 * estimate: it assumes trades are independent and alike, which a short record cannot show.
 *
 * @param trades       trades won or lost (zero-PnL trades are not counted)
 * @param winRate      p: the share of those trades that won, 0..1
 * @param payoffRatio  R: the average win over the average loss; 0 with no win, infinite with no loss
 * @param edge         p * R - (1 - p): the expected gain per unit risked
 * @param capitalUnits equity over the average loss
 * @param probability  the estimated probability of ruin, 0..1
 */
public record RiskOfRuin(int trades, double winRate, double payoffRatio, double edge, double capitalUnits, double probability) {

    /** Round trips an account's estimate is taken over. */
    public static final int WINDOW = 50;
    /** Fewer decided trades (won or lost) than this say too little to estimate from. */
    public static final int MIN_TRADES = 10;

    /**
     * The estimate over the account's last {@value #WINDOW} round trips.
     *
     * @param ctx the account: its recent trade PnL and equity
     * @return the estimate; empty with fewer than {@value #MIN_TRADES} won or lost trades, or without positive equity
     */
    public static Optional<RiskOfRuin> ofRecentTrades(RiskContext ctx) {
        List<BigDecimal> pnl = ctx.recentTradePnl(WINDOW);
        long decided = pnl.stream().filter(v -> v.signum() != 0).count();
        if (decided < MIN_TRADES || ctx.equity().signum() <= 0) return Optional.empty();
        return Optional.of(estimate(pnl, ctx.equity()));
    }

    /**
     * Estimates from realized trade PnL and the current equity. Trades with zero PnL are left out.
     *
     * @param tradePnl realized PnL per round trip, in quote currency
     * @param equity   the current equity, in quote currency, positive
     * @return the estimate; with no losing trade the payoff ratio, edge and capital units are infinite and the
     *         probability 0
     * @throws io.tradekit.api.InvalidInputException if {@code equity} is null or not positive, or no trade won or lost
     */
    public static RiskOfRuin estimate(List<BigDecimal> tradePnl, BigDecimal equity) {
        if (equity == null || equity.signum() <= 0) {
            throw new InvalidInputException("risk of ruin needs a positive equity, got " + equity);
        }
        int wins = 0;
        int losses = 0;
        double winSum = 0;
        double lossSum = 0;
        for (BigDecimal pnl : tradePnl) {
            if (pnl.signum() > 0) {
                wins++;
                winSum += pnl.doubleValue();
            } else if (pnl.signum() < 0) {
                losses++;
                lossSum -= pnl.doubleValue();
            }
        }
        int trades = wins + losses;
        if (trades == 0) throw new InvalidInputException("risk of ruin needs at least one winning or losing trade");
        double p = (double) wins / trades;
        if (losses == 0) return new RiskOfRuin(trades, p, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
        double avgLoss = lossSum / losses;
        double payoff = wins == 0 ? 0 : (winSum / wins) / avgLoss;
        double edge = p * payoff - (1 - p);
        double units = equity.doubleValue() / avgLoss;
        double ruin = edge <= 0 ? 1 : edge >= 1 ? 0 : Math.pow((1 - edge) / (1 + edge), units);
        return new RiskOfRuin(trades, p, payoff, edge, units, ruin);
    }
}
