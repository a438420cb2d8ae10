package io.tradekit.advisor.optimize;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.UntrustedText;

import java.util.Arrays;
import java.util.Locale;

/**
 * The figure a search maximises, read from a trial's {@link TrialFigures}: the annualized Sharpe ratio, the
 * return in percent, or the Calmar ratio (CAGR over the maximum drawdown). A figure without a value (a
 * Calmar ratio of a run that never drew down) is NaN, and a trial with it ranks below every other.
 */
public enum Objective {
    /** The annualized Sharpe ratio of per-bar returns ({@code sharpe}). */
    SHARPE("sharpe"),
    /** The return over the run, in percent ({@code return}). */
    RETURN("return"),
    /** The CAGR over the maximum drawdown ({@code calmar}). */
    CALMAR("calmar");

    private final String label;

    Objective(String label) {
        this.label = label;
    }

    /**
     * The name on the command line and in reports.
     *
     * @return {@code sharpe}, {@code return} or {@code calmar}
     */
    public String label() {
        return label;
    }

    /**
     * This objective's value in a trial's figures.
     *
     * @param figures a backtest's figures
     * @return the figure; NaN when it has no value
     */
    public double of(TrialFigures figures) {
        return switch (this) {
            case SHARPE -> figures.sharpe();
            case RETURN -> figures.returnPct().doubleValue();
            case CALMAR -> figures.calmar();
        };
    }

    /**
     * {@code value}, a figure of a run over {@code bars} bars, on the footing of a run over {@code targetBars}: the
     * ratios are annualized already and stay; a return is compounded to the other length
     * ({@code (1 + r)^(targetBars / bars) - 1}), so that a fold's in-sample return over a longer window compares
     * with its out-of-sample return.
     *
     * @param value      the figure; a return in percent
     * @param bars       the bars the figure was taken over; 0 or less leaves the value as it is
     * @param targetBars the bars of the run to compare with
     * @return the comparable figure; -100 for a return that lost everything; NaN and infinities unchanged
     */
    public double overBars(double value, long bars, long targetBars) {
        if (this != RETURN || bars <= 0 || !Double.isFinite(value)) return value;
        double growth = 1 + value / 100;
        return growth <= 0 ? -100 : (Math.pow(growth, (double) targetBars / bars) - 1) * 100;
    }

    /**
     * The objective named {@code text}, ignoring case and surrounding blanks.
     *
     * @param text {@code sharpe}, {@code return} or {@code calmar}
     * @return the objective
     * @throws io.tradekit.api.InvalidInputException if {@code text} names none, listing the known names
     */
    public static Objective parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Objective o : values()) {
            if (o.label.equals(t)) return o;
        }
        throw new InvalidInputException("unknown objective " + UntrustedText.quote(text) + "; one of "
                + String.join(", ", Arrays.stream(values()).map(Objective::label).toList()));
    }
}
