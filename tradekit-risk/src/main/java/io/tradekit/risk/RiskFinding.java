package io.tradekit.risk;

/**
 * One thing a risk report noticed: how serious, about what, what was seen and what to do about it.
 *
 * @param level          how serious it is
 * @param metric         what it is about: a limit's rule name such as {@code max-drawdown}, or one of
 *                       {@code exposure}, {@code stress}, {@code regime}, {@code value-at-risk},
 *                       {@code correlation}, {@code risk-of-ruin}
 * @param observation    what was seen, with the figures, for a person to read
 * @param recommendation what to do about it, for a person to read
 */
public record RiskFinding(RiskLevel level, String metric, String observation, String recommendation) {

    @Override
    public String toString() {
        return level + " " + metric + ": " + observation + "; " + recommendation;
    }
}
