package io.tradekit.advisor.optimize;

import io.tradekit.advisor.AdviceContext;
import io.tradekit.advisor.ParameterChange;
import io.tradekit.advisor.ParameterRange;
import io.tradekit.advisor.Proposal;
import io.tradekit.advisor.ProposalSource;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.core.Plugins;
import io.tradekit.core.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The optimizer as a {@link ProposalSource} ({@code optimizer}): optimises the bot's strategy walk-forward over
 * the bars in its context and proposes the best set ({@link OptimizationResult#best()}), with that set's
 * out-of-sample figures as the evidence. Every proposed value lies in its searched {@link ParameterRange}. It
 * proposes nothing ({@link #whyNot} says why) when the set diverges out of sample, when its out-of-sample
 * objective is not positive, or when the bot runs it already.
 *
 * <pre>{@code Optional<Proposal> p = OptimizerProposalSource.proposal(result, "eth-bot", params, Instant.now(), Duration.ofHours(24));}</pre>
 */
public final class OptimizerProposalSource implements ProposalSource {

    /** The name proposals carry. */
    public static final String NAME = "optimizer";

    private static final Logger log = LoggerFactory.getLogger(OptimizerProposalSource.class);

    private final Plugins plugins;
    private final OptimizationSettings template;
    private final Duration ttl;

    /**
     * {@code template}'s strategy is replaced by the bot's; proposals expire {@code ttl} after they are made.
     *
     * @param plugins  where strategies are looked up for the backtests
     * @param template the search space, objective, search, trials, folds, seed, backtest settings and threads
     * @param ttl      how long a proposal waits for a decision, positive
     */
    public OptimizerProposalSource(Plugins plugins, OptimizationSettings template, Duration ttl) {
        this.plugins = plugins;
        this.template = template;
        this.ttl = ttl;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Strategies the plugins know whose parameters include every searched one. */
    @Override
    public boolean supports(String strategy) {
        if (!plugins.strategyNames().contains(strategy)) return false;
        Set<String> known = plugins.strategy(strategy).parameters();
        return known.isEmpty() || known.containsAll(template.space().names());
    }

    @Override
    public List<Proposal> propose(AdviceContext context) {
        OptimizationResult result;
        try {
            result = new Optimizer(plugins).run(context.bars(), template.withStrategy(context.strategy()), ProgressListener.NONE);
        } catch (InvalidInputException e) {
            log.info("{}: bot {}: no optimisation ({}): no proposal", NAME, context.botId(), e.getMessage());
            return List.of();
        }
        Optional<String> why = whyNot(result, context.params());
        if (why.isPresent()) {
            log.info("{}: bot {}: {}: no proposal", NAME, context.botId(), why.get());
            return List.of();
        }
        return proposal(result, context.botId(), context.params(), context.now(), ttl).stream().toList();
    }

    /**
     * Why {@code result} makes no proposal for a bot running {@code current}; empty when it makes one.
     *
     * @param result  an optimisation's result
     * @param current the parameters the bot runs with now
     * @return the reason, for a log line, or empty
     */
    public static Optional<String> whyNot(OptimizationResult result, Params current) {
        FoldResult best = result.best();
        String objective = result.settings().objective().label();
        if (best.diverges()) {
            return Optional.of("the best set " + best.inSampleBest().params() + " diverges out of sample (fold " + best.window().fold()
                    + "): it may be fitted to its window");
        }
        if (!(best.outOfSample().objective() > 0)) {
            return Optional.of("the best set's out-of-sample " + objective + " is " + OptimizationResult.figure(best.outOfSample().objective())
                    + ", not positive");
        }
        if (changes(result, current).isEmpty()) return Optional.of("the bot runs the best set " + best.inSampleBest().params() + " already");
        return Optional.empty();
    }

    /**
     * The proposal to run {@code result}'s best set on bot {@code botId}, which runs {@code current} now; empty
     * when {@link #whyNot} has a reason. The evidence is the best set's out-of-sample figures (prefixed
     * {@code outOfSample}), its in-sample objective, and how it was found.
     *
     * @param result  an optimisation's result
     * @param botId   the bot the proposal is for
     * @param current the parameters the bot runs with now
     * @param now     the wall time now: the proposal's creation
     * @param ttl     how long the proposal waits for a decision, positive
     * @return the proposal, changing each searched parameter whose best value differs from the bot's, or empty
     * @throws io.tradekit.api.InvalidInputException if {@code ttl} is not positive
     */
    public static Optional<Proposal> proposal(OptimizationResult result, String botId, Params current, Instant now, Duration ttl) {
        if (whyNot(result, current).isPresent()) return Optional.empty();
        OptimizationSettings s = result.settings();
        FoldResult best = result.best();
        TrialFigures oos = best.outOfSample().figures().orElseThrow();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("objective", s.objective().label());
        evidence.put("inSampleObjective", OptimizationResult.figure(best.inSampleBest().objective()));
        evidence.put("outOfSampleObjective", OptimizationResult.figure(best.outOfSample().objective()));
        evidence.put("outOfSampleReturnPct", oos.returnPct().toPlainString());
        evidence.put("outOfSampleMaxDrawdownPct", oos.maxDrawdownPct().toPlainString());
        evidence.put("outOfSampleSharpe", OptimizationResult.figure(oos.sharpe()));
        evidence.put("outOfSampleCalmar", OptimizationResult.figure(oos.calmar()));
        evidence.put("outOfSampleRoundTrips", Long.toString(oos.roundTrips()));
        evidence.put("outOfSampleBars", best.window().outOfSampleFrom() + ".." + best.window().outOfSampleTo());
        evidence.put("chainedOutOfSampleReturnPct", OptimizationResult.figure(result.outOfSampleReturnPct().doubleValue()));
        evidence.put("divergingFolds", Long.toString(result.folds().stream().filter(FoldResult::diverges).count()));
        evidence.put("search", s.search().label() + ", " + s.trials() + " trials x " + s.folds() + " anchored folds, seed " + s.seed());
        String reason = "walk-forward optimisation of " + s.strategy() + " on " + result.symbol() + ": the last fold's best set made "
                + s.objective().label() + " " + OptimizationResult.figure(best.outOfSample().objective()) + " out of sample ("
                + OptimizationResult.figure(best.inSampleBest().objective()) + " in sample)";
        return Optional.of(Proposal.create(botId, NAME, changes(result, current), evidence, reason, now, ttl));
    }

    /** A change for every searched parameter whose best value differs from the bot's. */
    private static List<ParameterChange> changes(OptimizationResult result, Params current) {
        List<ParameterChange> changes = new ArrayList<>();
        for (ParameterRange range : result.settings().space().ranges()) {
            String proposed = result.bestParams().get(range.key());
            Optional<String> now = current.text(range.key());
            boolean same = now.isPresent() && sameNumber(now.get(), proposed);
            if (!same) changes.add(ParameterChange.of(current, range.key(), proposed));
        }
        return changes;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }
}
