package io.tradekit.advisor;

import io.tradekit.core.RoundTrip;
import io.tradekit.core.TradingBot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * The figures of a running bot, taken each time they are asked for (from any thread but the bot's loop): equity
 * and round trips from the bot, the return from the equity of the first sample, the drawdown from the highest
 * equity sampled so far (so it is as fine as the sampling), win rate and profit factor from the round trips.
 * The Sharpe ratio needs per-bar returns and is NaN here. Thread-safe.
 *
 * <pre>{@code Supplier<BotFigures> figures = new LiveFigures(bot);}</pre>
 */
public final class LiveFigures implements Supplier<BotFigures> {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final TradingBot bot;
    private final InstantSource clock;
    private BigDecimal first;
    private BigDecimal peak;
    private BigDecimal deepestDrawdownPct = BigDecimal.ZERO;

    /**
     * The figures of {@code bot}, stamped with the system clock.
     *
     * @param bot the running bot to sample
     */
    public LiveFigures(TradingBot bot) {
        this(bot, InstantSource.system());
    }

    /**
     * The figures of {@code bot}, stamped with {@code clock}.
     *
     * @param bot   the running bot to sample
     * @param clock the wall clock the figures' time is read from
     */
    public LiveFigures(TradingBot bot, InstantSource clock) {
        this.bot = bot;
        this.clock = clock;
    }

    @Override
    public synchronized BotFigures get() {
        BigDecimal equity = bot.equity();
        List<RoundTrip> trips = bot.roundTrips();
        if (first == null) first = equity;
        if (peak == null || equity.compareTo(peak) > 0) peak = equity;
        if (peak.signum() > 0) {
            BigDecimal drawdown = peak.subtract(equity).multiply(HUNDRED).divide(peak, 6, RoundingMode.HALF_UP);
            deepestDrawdownPct = deepestDrawdownPct.max(drawdown);
        }
        BigDecimal returnPct = first.signum() > 0 ? equity.subtract(first).multiply(HUNDRED).divide(first, 6, RoundingMode.HALF_UP) : BigDecimal.ZERO;
        long wins = trips.stream().filter(RoundTrip::isWin).count();
        BigDecimal won = BigDecimal.ZERO;
        BigDecimal lost = BigDecimal.ZERO;
        for (RoundTrip t : trips) {
            if (t.pnl().signum() > 0) won = won.add(t.pnl());
            else lost = lost.add(t.pnl().negate());
        }
        double winRate = trips.isEmpty() ? 0.0 : (double) wins / trips.size();
        double profitFactor = lost.signum() == 0 ? Double.NaN : won.divide(lost, MathContext.DECIMAL64).doubleValue();
        return new BotFigures(clock.instant(), equity, returnPct.stripTrailingZeros(), deepestDrawdownPct.stripTrailingZeros(), winRate,
                trips.size(), Double.NaN, profitFactor);
    }
}
