package io.tradekit.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A venue's margin rules for one derivatives instrument: its risk limit tiers (lowest notional first),
 * the fee charged on the notional of a position it liquidates, and how often funding is exchanged.
 * The initial margin of a position is its notional divided by the leverage the account chose, which may
 * not exceed the tier's {@link MarginTier#maxLeverage()}.
 *
 * <pre>{@code MarginRules rules = MarginRules.flat(new BigDecimal("50"), new BigDecimal("0.005"), new BigDecimal("0.0006"));}</pre>
 *
 * @param tiers              the risk limit tiers, lowest notional cap first, the last one unbounded
 * @param liquidationFeeRate the fee on a liquidated position's notional, in [0, 1)
 * @param fundingInterval    how often funding is exchanged; it divides a day
 */
public record MarginRules(List<MarginTier> tiers, BigDecimal liquidationFeeRate, Duration fundingInterval) {

    /** Funding every eight hours (00:00, 08:00, 16:00 UTC): Bybit's and Binance's usual interval. */
    public static final Duration DEFAULT_FUNDING_INTERVAL = Duration.ofHours(8);

    /** Checks that the tiers rise, the fee rate is in range and the funding interval divides a day. */
    public MarginRules {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) throw new InvalidInputException("margin rules need at least one tier");
        for (int i = 0; i < tiers.size() - 1; i++) {
            BigDecimal cap = tiers.get(i).upToNotional();
            BigDecimal next = tiers.get(i + 1).upToNotional();
            if (cap == null || (next != null && next.compareTo(cap) <= 0)) {
                throw new InvalidInputException("margin rules: tier " + i + " must have a notional cap below tier " + (i + 1) + "'s");
            }
        }
        Objects.requireNonNull(liquidationFeeRate, "liquidationFeeRate");
        if (liquidationFeeRate.signum() < 0 || liquidationFeeRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidInputException("margin rules: liquidationFeeRate must be in [0, 1), got " + liquidationFeeRate);
        }
        Objects.requireNonNull(fundingInterval, "fundingInterval");
        if (fundingInterval.isNegative() || fundingInterval.isZero() || Duration.ofDays(1).toSeconds() % fundingInterval.toSeconds() != 0) {
            throw new InvalidInputException("margin rules: fundingInterval must divide a day (e.g. PT8H), got " + fundingInterval);
        }
    }

    /**
     * One tier for every size, funding every eight hours.
     *
     * @param maxLeverage           the highest leverage allowed
     * @param maintenanceMarginRate the maintenance margin as a fraction of notional
     * @param liquidationFeeRate    the fee on a liquidated position's notional
     * @return the rules
     */
    public static MarginRules flat(BigDecimal maxLeverage, BigDecimal maintenanceMarginRate, BigDecimal liquidationFeeRate) {
        return new MarginRules(List.of(new MarginTier(null, maxLeverage, maintenanceMarginRate, BigDecimal.ZERO)),
                liquidationFeeRate, DEFAULT_FUNDING_INTERVAL);
    }

    /**
     * The tier a position of {@code notional} falls in.
     *
     * @param notional the position's notional (its sign is ignored)
     * @return the first tier that covers it, or the last
     */
    public MarginTier tierFor(BigDecimal notional) {
        BigDecimal abs = notional.abs();
        for (MarginTier t : tiers) if (t.covers(abs)) return t;
        return tiers.get(tiers.size() - 1);
    }

    /**
     * The highest leverage any position may use.
     *
     * @return the first tier's maximum
     */
    public BigDecimal maxLeverage() {
        return tiers.get(0).maxLeverage();
    }

    /**
     * The maintenance margin of a position of {@code notional}.
     *
     * @param notional the position's notional (its sign is ignored)
     * @return {@code notional × rate − deduction} of its tier, never below zero
     */
    public BigDecimal maintenanceMargin(BigDecimal notional) {
        BigDecimal abs = notional.abs();
        MarginTier tier = tierFor(abs);
        return abs.multiply(tier.maintenanceMarginRate()).subtract(tier.maintenanceDeduction()).max(BigDecimal.ZERO);
    }

    /**
     * Checks {@code leverage} against the tier of a position of {@code notional}.
     *
     * @param leverage the leverage asked for
     * @param notional the position's notional (its sign is ignored)
     * @throws OrderRejectedException with rule {@code LEVERAGE} when it is above the tier's maximum
     */
    public void checkLeverage(BigDecimal leverage, BigDecimal notional) {
        MarginTier tier = tierFor(notional);
        if (leverage.compareTo(tier.maxLeverage()) > 0) {
            throw new OrderRejectedException("LEVERAGE", "leverage " + leverage.stripTrailingZeros().toPlainString()
                    + " is above the " + tier.maxLeverage().stripTrailingZeros().toPlainString() + "x allowed for a position of "
                    + notional.abs().setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
    }
}
