package io.tradekit.risk;

import io.tradekit.api.event.BotEvent.AlertLevel;

/** How much risk a {@link RiskReport} finds, in increasing order. */
public enum RiskLevel {
    /** Nothing found. */
    LOW,
    /** Worth watching, such as a loss limit half used, correlated positions or a volatile traded symbol. */
    MEDIUM,
    /** Act soon, such as a loss limit 80 % used, exposure at its limit or a held symbol in high volatility. */
    HIGH,
    /** The drawdown or daily-loss limit is reached, or a 5 % move would breach a limit or wipe out equity. */
    CRITICAL;

    /**
     * The alert a move to this level raises: INFO up to MEDIUM, WARNING for HIGH, CRITICAL for CRITICAL.
     *
     * @return the alert level for {@link RiskMonitor}'s alerts
     */
    public AlertLevel alertLevel() {
        return switch (this) {
            case LOW, MEDIUM -> AlertLevel.INFO;
            case HIGH -> AlertLevel.WARNING;
            case CRITICAL -> AlertLevel.CRITICAL;
        };
    }

    /**
     * The more serious of two levels.
     *
     * @param a one level
     * @param b another level
     * @return {@code a} if it is at least as serious as {@code b}, else {@code b}
     */
    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
