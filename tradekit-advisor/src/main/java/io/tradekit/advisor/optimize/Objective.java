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
    SHARPE("sharpe"),
    RETURN("return"),
    CALMAR("calmar");

    private final String label;

    Objective(String label) {
        this.label = label;
    }

    /** The name on the command line and in reports. */
    public String label() {
        return label;
    }

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
     */
    public double overBars(double value, long bars, long targetBars) {
        if (this != RETURN || bars <= 0 || !Double.isFinite(value)) return value;
        double growth = 1 + value / 100;
        return growth <= 0 ? -100 : (Math.pow(growth, (double) targetBars / bars) - 1) * 100;
    }

    public static Objective parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Objective o : values()) {
            if (o.label.equals(t)) return o;
        }
        throw new InvalidInputException("unknown objective " + UntrustedText.quote(text) + "; one of "
                + String.join(", ", Arrays.stream(values()).map(Objective::label).toList()));
    }
}
