package io.tradekit.risk;

import io.tradekit.api.event.BotEvent.AlertLevel;

/** How much risk a {@link RiskReport} finds, in increasing order. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The alert a move to this level raises: INFO up to MEDIUM, WARNING for HIGH, CRITICAL for CRITICAL. */
    public AlertLevel alertLevel() {
        return switch (this) {
            case LOW, MEDIUM -> AlertLevel.INFO;
            case HIGH -> AlertLevel.WARNING;
            case CRITICAL -> AlertLevel.CRITICAL;
        };
    }

    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
