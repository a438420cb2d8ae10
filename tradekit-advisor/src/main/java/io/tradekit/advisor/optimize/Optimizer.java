package io.tradekit.advisor.optimize;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.UntrustedText;
import io.tradekit.api.spi.StrategyProvider;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.ProgressListener;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an optimisation: cuts the bars into anchored walk-forward folds ({@link WalkForwardWindow#anchored}),
 * searches each fold's in-sample window with the chosen {@link SearchMethod}, and backtests each fold's best
 * set on its out-of-sample window. Every backtest runs on a fixed pool of {@link OptimizationSettings#threads()}
 * threads over the one list of bars, shared read only; the folds search at the same time. The result is the
 * same for the same inputs and seed, however many threads run it.
 *
 * <pre>{@code OptimizationResult r = new Optimizer(Plugins.discover()).run(bars, settings, ProgressListener.NONE);}</pre>
 */
public final class Optimizer {

    /** Mixes the fold into the seed, so that the folds draw different sets. */
    private static final long FOLD_SEED_STEP = 0x9E3779B97F4A7C15L;

    private final Plugins plugins;

    /**
     * An optimizer that finds strategies in {@code plugins}.
     *
     * @param plugins where the strategy named by the settings is looked up
     */
    public Optimizer(Plugins plugins) {
        this.plugins = plugins;
    }

    /**
     * Optimises {@code settings.strategy()} over {@code bars} (one symbol and timeframe, oldest first).
     * {@code progress} hears of every finished backtest, on one thread at a time. Blocks until every backtest is done.
     *
     * @param bars     the bars, oldest first, of one symbol and timeframe; copied once and shared read only
     * @param settings the strategy, search space, objective, search, trials, folds, seed, backtest settings and threads
     * @param progress hears of every finished backtest
     * @return every trial and each fold's best set with its out-of-sample figures
     * @throws InvalidInputException for an unknown strategy or parameter, too few bars for the folds, or a fold in
     *                              which no set could be ranked
     */
    public OptimizationResult run(List<Bar> bars, OptimizationSettings settings, ProgressListener progress) {
        long started = System.nanoTime();
        StrategyProvider provider = plugins.strategy(settings.strategy());
        requireKnownParameters(provider, settings);
        List<Bar> shared = List.copyOf(bars);
        List<WalkForwardWindow> windows = WalkForwardWindow.anchored(shared.size(), settings.folds());
        int trials = (int) Math.min(settings.trials(), settings.space().size());
        TrialRunner runner = new TrialRunner(settings.strategy(), plugins, settings.backtest(), settings.objective(), shared);
        Progress done = new Progress(progress, (long) windows.size() * (trials + 1));

        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), Thread.ofPlatform().name("optimize-", 1).daemon().factory());
        try (ExecutorService folds = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FoldOutcome>> searches = new ArrayList<>();
            for (WalkForwardWindow window : windows) {
                searches.add(folds.submit(() -> searchFold(window, settings, trials, runner, pool, done)));
            }
            List<Trial> all = new ArrayList<>();
            List<FoldResult> results = new ArrayList<>();
            for (Future<FoldOutcome> search : searches) {
                FoldOutcome outcome = await(search);
                all.addAll(outcome.trials());
                results.add(outcome.result());
            }
            done.finish();
            return new OptimizationResult(settings, shared.getFirst().symbol(), shared.size(), all, results,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
    }

    private record FoldOutcome(List<Trial> trials, FoldResult result) {
    }

    private FoldOutcome searchFold(WalkForwardWindow window, OptimizationSettings settings, int trials, TrialRunner runner,
                                   ExecutorService pool, Progress done) {
        int fold = window.fold();
        AtomicLong numbers = new AtomicLong();
        ParameterSearch.TrialEvaluator evaluator = sets -> {
            List<Future<TrialRunner.Run>> runs = new ArrayList<>(sets.size());
            for (Map<String, String> set : sets) {
                runs.add(pool.submit(() -> {
                    TrialRunner.Run run = runner.run(set, window.inSampleFrom(), window.inSampleTo(), false);
                    done.step();
                    return run;
                }));
            }
            List<Trial> tried = new ArrayList<>(sets.size());
            for (Future<TrialRunner.Run> run : runs) tried.add(await(run).trial().numbered(fold, (int) numbers.incrementAndGet()));
            return tried;
        };
        List<Trial> tried = settings.search().search().search(settings.space(), trials, settings.seed() + fold * FOLD_SEED_STEP, evaluator);
        Trial best = tried.stream().filter(Trial::ranked)
                .max(Comparator.comparingDouble(Trial::objective).thenComparing(Trial::number, Comparator.reverseOrder()))
                .orElseThrow(() -> noneRanked(fold, tried, settings));
        TrialRunner.Run check = await(pool.submit(() -> {
            TrialRunner.Run run = runner.run(best.params(), window.outOfSampleFrom(), window.outOfSampleTo(), true);
            done.step();
            return run;
        }));
        BacktestResult outOfSample = check.result().orElseThrow(() -> new InvalidInputException("optimize: fold " + fold
                + ": the strategy refused its best set " + best.params() + " on the out-of-sample window: " + check.trial().problem()));
        return new FoldOutcome(tried, new FoldResult(window, settings.objective(), best, check.trial().numbered(fold, 0), outOfSample, check.bars()));
    }

    private static InvalidInputException noneRanked(int fold, List<Trial> tried, OptimizationSettings settings) {
        String example = tried.stream().map(Trial::problem).filter(p -> !p.isEmpty()).findFirst().orElse("no run could be scored");
        return new InvalidInputException("optimize: fold " + fold + ": none of the " + tried.size() + " sets tried could be ranked by "
                + settings.objective().label() + " (e.g. " + example + "); check the ranges against the strategy's rules");
    }

    private static void requireKnownParameters(StrategyProvider provider, OptimizationSettings settings) {
        Set<String> known = provider.parameters();
        if (known.isEmpty()) return;
        for (String name : settings.space().names()) {
            if (!known.contains(name)) {
                throw new InvalidInputException(settings.strategy() + ": unknown parameter " + UntrustedText.quote(name)
                        + "; its parameters are " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("optimize: interrupted while waiting for a backtest", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("optimize: a backtest failed: " + e.getCause(), e.getCause());
        }
    }

    /** Counts finished backtests for the listener, which is called by one thread at a time. */
    private static final class Progress {
        private final ProgressListener listener;
        private final long total;
        private long done;

        Progress(ProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        synchronized void step() {
            done++;
            listener.progress(Math.min(done, total), total);
        }

        /** A search that ran out of new sets early still ends the bar at 100 %. */
        synchronized void finish() {
            if (done < total) listener.progress(total, total);
        }
    }
}
