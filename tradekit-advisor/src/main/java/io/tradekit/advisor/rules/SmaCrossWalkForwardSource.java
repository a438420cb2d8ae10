package io.tradekit.advisor.rules;

import io.tradekit.advisor.AdviceContext;
import io.tradekit.advisor.ParameterRange;
import io.tradekit.advisor.Proposal;
import io.tradekit.advisor.ProposalSource;
import io.tradekit.advisor.optimize.Objective;
import io.tradekit.advisor.optimize.OptimizationSettings;
import io.tradekit.advisor.optimize.OptimizerProposalSource;
import io.tradekit.advisor.optimize.SearchSpace;
import io.tradekit.core.Plugins;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The periods of {@code sma-cross} ({@code fast}, {@code slow}) from a walk-forward comparison on the bars in the
 * bot's context: the optimizer's anchored folds ({@link OptimizerProposalSource}) backtest sets drawn from the
 * declared ranges on each in-sample window through core's backtest, check the best on the next window, and propose
 * it only when it made a positive return out of sample without diverging from its in-sample figures. The proposal
 * carries the out-of-sample figures as evidence and this source's name.
 *
 * <pre>{@code ProposalSource periods = new SmaCrossWalkForwardSource(Plugins.discover(), ParameterRange.integers("fast", 2, 50),
 *         ParameterRange.integers("slow", 10, 200), 40, 3, Duration.ofHours(24));}</pre>
 */
public final class SmaCrossWalkForwardSource implements ProposalSource {

    /** The name proposals carry. */
    public static final String NAME = "sma-cross-walk-forward";
    /** The strategy it advises. */
    public static final String STRATEGY = "sma-cross";

    private final Plugins plugins;
    private final OptimizerProposalSource walkForward;

    /**
     * Compares {@code trials} sets per fold over {@code folds} anchored folds, with {@code fast} and {@code slow} in their declared ranges.
     *
     * @param plugins the plugins the backtests find {@code sma-cross} in
     * @param fast    the declared range of the fast period (its key must be {@code fast})
     * @param slow    the declared range of the slow period (its key must be {@code slow})
     * @param trials  parameter sets backtested per fold
     * @param folds   anchored walk-forward folds
     * @param ttl     how long a proposal waits for a decision
     * @throws io.tradekit.api.InvalidInputException if {@code trials} or {@code folds} is below 1, or the two ranges do not make a valid search space
     */
    public SmaCrossWalkForwardSource(Plugins plugins, ParameterRange fast, ParameterRange slow, int trials, int folds, Duration ttl) {
        this.plugins = plugins;
        OptimizationSettings settings = OptimizationSettings.of(STRATEGY, new SearchSpace(List.of(fast, slow), Map.of()))
                .withObjective(Objective.RETURN).withTrials(trials).withFolds(folds);
        this.walkForward = new OptimizerProposalSource(plugins, settings, ttl);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(String strategy) {
        return STRATEGY.equals(strategy) && plugins.strategyNames().contains(STRATEGY);
    }

    @Override
    public List<Proposal> propose(AdviceContext context) {
        if (!supports(context.strategy())) return List.of();
        return walkForward.propose(context).stream()
                .map(p -> new Proposal(p.id(), p.botId(), NAME, p.changes(), p.evidence(), p.reason(), p.createdAt(), p.expiresAt()))
                .toList();
    }
}
