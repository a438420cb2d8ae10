package io.tradekit.risk;

import java.time.Instant;
import java.util.List;

/** A bot's risk at one moment: the level (the most serious finding), the metrics, and what to do. */
public record RiskReport(Instant time, RiskLevel level, RiskMetrics metrics, List<RiskFinding> findings) {

    public RiskReport {
        findings = List.copyOf(findings);
    }

    /** One line of advice per finding, most serious first; a single "no action" line when there is none. */
    public List<String> recommendations() {
        if (findings.isEmpty()) return List.of("risk is low: no action needed");
        return findings.stream().sorted((a, b) -> b.level().compareTo(a.level()))
                .map(f -> f.observation() + ": " + f.recommendation()).toList();
    }
}
