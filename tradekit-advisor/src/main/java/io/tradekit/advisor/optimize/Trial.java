package io.tradekit.advisor.optimize;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One parameter set tried on one fold's in-sample window (or, for a fold's out-of-sample check, on the
 * window after it). {@code number} counts from 1 within the fold, in the order the search asked.
 *
 * @param status    {@link Status#RANKED} when the backtest ran and the objective has a value; otherwise why not
 * @param problem   what the strategy said when it refused the set or failed, empty otherwise
 * @param figures   the backtest's figures; empty when the strategy refused the set
 * @param objective the objective's value; NaN unless ranked
 * @param fold      the fold, from 1
 * @param number    the trial's number within the fold, from 1 (0 for an out-of-sample check)
 * @param params    the parameter set, fixed ones included; sorted by key, unmodifiable
 */
public record Trial(int fold, int number, Map<String, String> params, Status status, String problem, Optional<TrialFigures> figures,
                    double objective) {

    /** How a trial ended. */
    public enum Status {
        /** The backtest ran and the objective has a value. */
        RANKED,
        /** The backtest ran but the objective has no value (e.g. a Calmar ratio without a drawdown). */
        NO_VALUE,
        /** The strategy refused the set (its own parameter validation, e.g. fast not below slow). */
        INVALID,
        /** The strategy failed during the run. */
        FAILED
    }

    /**
     * Copies the parameters, sorted by key; a null problem becomes empty.
     *
     * @throws NullPointerException if {@code params}, {@code status} or {@code figures} is null
     */
    public Trial {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        Objects.requireNonNull(status, "status");
        problem = problem == null ? "" : problem;
        Objects.requireNonNull(figures, "figures");
    }

    /**
     * Whether the trial competes for best.
     *
     * @return true if its status is RANKED
     */
    public boolean ranked() {
        return status == Status.RANKED;
    }

    /** The same trial numbered {@code number} of {@code fold}. */
    Trial numbered(int fold, int number) {
        return new Trial(fold, number, params, status, problem, figures, objective);
    }
}
