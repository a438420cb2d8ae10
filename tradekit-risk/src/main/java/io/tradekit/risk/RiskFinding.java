package io.tradekit.risk;

/** One thing a risk report noticed: how serious, about what, what was seen and what to do about it. */
public record RiskFinding(RiskLevel level, String metric, String observation, String recommendation) {

    @Override
    public String toString() {
        return level + " " + metric + ": " + observation + "; " + recommendation;
    }
}
