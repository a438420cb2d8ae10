package io.tradekit.risk;

/** The confidence levels VaR and expected shortfall are given at, with the standard normal quantile of each. */
public enum Confidence {
    /** 95 % confidence: a loss exceeded on one period in twenty. */
    P95(95, 1.6448536269514722),
    /** 99 % confidence: a loss exceeded on one period in a hundred. */
    P99(99, 2.3263478740408408);

    private final int percent;
    private final double z;

    Confidence(int percent, double z) {
        this.percent = percent;
        this.z = z;
    }

    /**
     * The confidence as a fraction: 0.95 or 0.99.
     *
     * @return the confidence level in (0, 1)
     */
    public double level() {
        return percent / 100.0;
    }

    /**
     * The share of outcomes in the tail, in percent: 5 or 1.
     *
     * @return 100 minus the confidence in percent
     */
    public int tailPercent() {
        return 100 - percent;
    }

    /**
     * The standard normal quantile z with P(Z &lt;= z) = {@link #level()}; the parametric VaR is
     * {@code z * sigma - mean} of the returns.
     *
     * @return the one-sided quantile, 1.645 for {@link #P95} and 2.326 for {@link #P99}
     */
    public double z() {
        return z;
    }
}
