package io.tradekit.advisor.optimize;

import io.tradekit.advisor.ProposalSource;
import io.tradekit.advisor.ProposalSourceProvider;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.core.Plugins;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes {@link OptimizerProposalSource} under the name {@code optimizer}. Settings: {@code ranges} (required,
 * {@code fast=5..20;slow=20..60}), {@code objective} (sharpe), {@code search} (random), {@code trials} (100),
 * {@code folds} (3), {@code seed} (1), {@code fee-bps} (10) and {@code ttl-minutes} (1440: a day). Strategies are
 * found on this library's class loader.
 */
public final class OptimizerProposalSourceProvider implements ProposalSourceProvider {

    /** Used by {@link java.util.ServiceLoader}, which needs a public no-argument constructor; the provider holds no state. */
    public OptimizerProposalSourceProvider() {
    }

    @Override
    public String name() {
        return OptimizerProposalSource.NAME;
    }

    @Override
    public ProposalSource create(Params settings) {
        settings.requireOnly(java.util.Set.of("ranges", "objective", "search", "trials", "folds", "seed", "fee-bps", "ttl-minutes"));
        String ranges = settings.requiredText("ranges");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : ranges.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException(settings.owner() + ": setting 'ranges' holds '" + pair.trim() + "', expected KEY=LOW..HIGH");
            }
            params.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        BacktestSettings costs = BacktestSettings.defaults();
        costs = new BacktestSettings(costs.cash(), settings.decimal("fee-bps", costs.feeBps()), costs.slippageBps(), costs.fillModel());
        OptimizationSettings template = OptimizationSettings.of("", SearchSpace.parse(params))
                .withObjective(Objective.parse(settings.text("objective", "sharpe")))
                .withSearch(SearchMethod.parse(settings.text("search", "random")))
                .withTrials(settings.integer("trials", 100)).withFolds(settings.integer("folds", 3))
                .withSeed(settings.longValue("seed", 1)).withBacktest(costs);
        long ttl = settings.longValue("ttl-minutes", 1440);
        if (ttl < 1) throw new InvalidInputException(settings.owner() + ": setting 'ttl-minutes' must be at least 1, got " + ttl);
        return new OptimizerProposalSource(Plugins.discover(OptimizerProposalSourceProvider.class.getClassLoader()), template,
                Duration.ofMinutes(ttl));
    }
}
