package io.tradekit.risk;

import io.tradekit.api.Position;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.risk.internal.Exposure;
import io.tradekit.risk.internal.LimitValues;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies price shocks to the current positions (marked at their last prices) and compares the equity
 * after each with the bot's drawdown and daily-loss limits. A limit reached exactly counts as breached,
 * as it does for the policies.
 *
 * <pre>{@code List<StressResult> r = new StressTest(limits).run(ctx, PriceShock.standard());}</pre>
 */
public final class StressTest {

    private final Optional<BigDecimal> maxDrawdown;
    private final Optional<BigDecimal> maxDailyLoss;

    /**
     * A stress test against the bot's limits.
     *
     * @param limits the bot's limits; {@code max-drawdown} and {@code max-daily-loss} are compared, the others
     *               ignored (a limit not set is never breached)
     * @throws io.tradekit.api.InvalidInputException if one of those two limits has a value out of its range
     */
    public StressTest(RiskLimits limits) {
        LimitValues values = new LimitValues(limits);
        this.maxDrawdown = values.fraction(RiskLimits.MAX_DRAWDOWN);
        this.maxDailyLoss = values.positive(RiskLimits.MAX_DAILY_LOSS);
    }

    /**
     * Applies each shock on its own to the book as it is now.
     *
     * @param ctx    the account: positions, last prices, equity, peak and day-start equity
     * @param shocks the shocks, each applied alone
     * @return one result per shock, in the same order
     */
    public List<StressResult> run(RiskContext ctx, List<PriceShock> shocks) {
        List<StressResult> out = new ArrayList<>();
        for (PriceShock shock : shocks) out.add(run(ctx, shock));
        return out;
    }

    /**
     * Applies one shock to the book as it is now: each open position the shock applies to gains or loses its
     * signed notional times the change.
     *
     * @param ctx   the account: positions, last prices, equity, peak and day-start equity
     * @param shock the shock
     * @return the equity, drawdown and daily loss after the shock and the limits it would reach
     */
    public StressResult run(RiskContext ctx, PriceShock shock) {
        BigDecimal pnl = BigDecimal.ZERO;
        for (Position p : ctx.positions()) {
            if (p.isFlat() || !shock.applies(p.symbol())) continue;
            pnl = pnl.add(Exposure.signedNotional(p, ctx).multiply(shock.change()));
        }
        BigDecimal after = ctx.equity().add(pnl);
        BigDecimal peak = ctx.peakEquity().max(after);
        BigDecimal drawdown = peak.signum() <= 0 ? BigDecimal.ZERO
                : peak.subtract(after).divide(peak, MathContext.DECIMAL64);
        BigDecimal dailyLoss = ctx.dayStartEquity().subtract(after).max(BigDecimal.ZERO);
        List<String> breached = new ArrayList<>();
        if (maxDrawdown.isPresent() && drawdown.compareTo(maxDrawdown.get()) >= 0) breached.add(RiskLimits.MAX_DRAWDOWN);
        if (maxDailyLoss.isPresent() && dailyLoss.compareTo(maxDailyLoss.get()) >= 0) breached.add(RiskLimits.MAX_DAILY_LOSS);
        return new StressResult(shock, pnl, after, drawdown, dailyLoss, breached);
    }
}
