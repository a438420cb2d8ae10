package io.tradekit.risk;

/** The confidence levels VaR and expected shortfall are given at, with the standard normal quantile of each. */
public enum Confidence {
    P95(95, 1.6448536269514722),
    P99(99, 2.3263478740408408);

    private final int percent;
    private final double z;

    Confidence(int percent, double z) {
        this.percent = percent;
        this.z = z;
    }

    /** 0.95 or 0.99. */
    public double level() {
        return percent / 100.0;
    }

    /** The share of outcomes in the tail, in percent: 5 or 1. */
    public int tailPercent() {
        return 100 - percent;
    }

    /** The standard normal quantile z with P(Z &lt;= z) = level. */
    public double z() {
        return z;
    }
}
