package io.tradekit.risk;

import java.time.Instant;
import java.util.List;

/**
 * A bot's risk at one moment, as {@link RiskAssessor#assess} builds it: the level (the most serious
 * finding), the metrics, and what to do.
 *
 * @param time     when the report was taken ({@code ctx.now()}: data time in a backtest or replay, wall time live)
 * @param level    the level of the most serious finding, {@link RiskLevel#LOW} when there is none
 * @param metrics  the figures the findings were drawn from
 * @param findings what was noticed, in the order the checks ran; copied, unmodifiable
 */
public record RiskReport(Instant time, RiskLevel level, RiskMetrics metrics, List<RiskFinding> findings) {

    /** Copies {@code findings} into an unmodifiable list. */
    public RiskReport {
        findings = List.copyOf(findings);
    }

    /**
     * One line of advice per finding, most serious first; a single "no action" line when there is none.
     *
     * @return "observation: recommendation" per finding, or {@code ["risk is low: no action needed"]}
     */
    public List<String> recommendations() {
        if (findings.isEmpty()) return List.of("risk is low: no action needed");
        return findings.stream().sorted((a, b) -> b.level().compareTo(a.level()))
                .map(f -> f.observation() + ": " + f.recommendation()).toList();
    }
}
