package io.tradekit.advisor.optimize;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.UntrustedText;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a fold's in-sample search picks the sets it tries. Both try every set once, in a fixed order, when the
 * trials asked for cover the whole space (every range of whole numbers, at most that many sets).
 */
public enum SearchMethod {
    /** Sets drawn uniformly and independently (each distinct set tried once), all backtested at once in parallel. */
    RANDOM("random"),
    /**
     * commons-math3's {@code CMAESOptimizer} over the unit cube (one axis per range, bounded to [0, 1]), restarted
     * from a new random point whenever it stops before the trials are spent. Each fold's search asks for one set at a
     * time; the folds search in parallel.
     */
    CMAES("cmaes");

    private final String label;

    SearchMethod(String label) {
        this.label = label;
    }

    /**
     * The name on the command line and in reports.
     *
     * @return {@code random} or {@code cmaes}
     */
    public String label() {
        return label;
    }

    ParameterSearch search() {
        return switch (this) {
            case RANDOM -> new RandomSearch();
            case CMAES -> new CmaesSearch();
        };
    }

    /**
     * The search method named {@code text}, ignoring case and surrounding blanks.
     *
     * @param text {@code random} or {@code cmaes}
     * @return the method
     * @throws io.tradekit.api.InvalidInputException if {@code text} names none, listing the known names
     */
    public static SearchMethod parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (SearchMethod m : values()) {
            if (m.label.equals(t)) return m;
        }
        throw new InvalidInputException("unknown search " + UntrustedText.quote(text) + "; one of "
                + String.join(", ", Arrays.stream(values()).map(SearchMethod::label).toList()));
    }
}
