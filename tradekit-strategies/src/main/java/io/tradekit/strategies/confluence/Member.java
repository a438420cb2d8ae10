package io.tradekit.strategies.confluence;

import io.tradekit.api.Bar;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.risk.MarketRegime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One strategy in a {@link Confluence}: its weight, the timeframe it is evaluated on, its regime multipliers, and its
 * latest vote. The member runs with a {@link VotingContext}: what it signals is its vote, never an order.
 */
final class Member {

    final String id;
    final String strategyName;
    final Strategy strategy;
    final BigDecimal weight;
    /** Empty: the bot's own timeframe. */
    final Optional<Timeframe> timeframe;
    final Map<MarketRegime, BigDecimal> regimeMultipliers;
    private Instant lastBarTime;
    private Signal lastVote = Signal.HOLD;

    Member(String id, String strategyName, Strategy strategy, BigDecimal weight, Optional<Timeframe> timeframe,
           Map<MarketRegime, BigDecimal> regimeMultipliers) {
        this.id = id;
        this.strategyName = strategyName;
        this.strategy = strategy;
        this.weight = weight;
        this.timeframe = timeframe;
        this.regimeMultipliers = Map.copyOf(regimeMultipliers);
    }

    Timeframe timeframeOn(StrategyContext ctx) {
        return timeframe.orElse(ctx.timeframe());
    }

    /**
     * Evaluates the member on its timeframe's latest closed bar if it has not seen that bar yet: a member on a higher
     * timeframe votes once per bar of its timeframe, and the vote stands until its next bar.
     */
    void evaluate(StrategyContext bot) {
        Timeframe own = timeframeOn(bot);
        var latest = bot.recentBars(own, 1);
        if (latest.isEmpty()) return;
        Bar bar = latest.getLast();
        if (lastBarTime != null && !bar.closeTime().isAfter(lastBarTime)) return;
        VotingContext voting = new VotingContext(bot, own);
        strategy.onBar(bar, voting);
        lastBarTime = bar.closeTime();
        lastVote = voting.vote();
    }

    Signal vote() {
        return lastVote;
    }

    Instant lastBarTime() {
        return lastBarTime;
    }

    BigDecimal multiplier(Optional<MarketRegime> regime) {
        return regime.map(r -> regimeMultipliers.getOrDefault(r, BigDecimal.ONE)).orElse(BigDecimal.ONE);
    }
}
