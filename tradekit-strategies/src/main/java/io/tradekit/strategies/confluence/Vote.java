package io.tradekit.strategies.confluence;

import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How one member of a {@link Confluence} voted in one decision.
 *
 * @param member     the member's id in the confluence's parameters
 * @param strategy   the name of the member's strategy
 * @param timeframe  the timeframe the member is evaluated on
 * @param barTime    the close of the member's latest bar, the one its vote comes from
 * @param signal     what the member signalled on that bar (HOLD when it signalled nothing)
 * @param weight     the member's configured weight
 * @param multiplier the regime's multiplier of the member's weight (1 without regime multipliers)
 */
public record Vote(String member, String strategy, Timeframe timeframe, Instant barTime, Signal signal, BigDecimal weight, BigDecimal multiplier) {

    /**
     * The weight the vote counts with.
     *
     * @return weight × multiplier
     */
    public BigDecimal effectiveWeight() {
        return weight.multiply(multiplier);
    }

    /**
     * The vote in a few words, e.g. {@code rsi@5m BUY ×1}.
     *
     * @return member, timeframe, signal and effective weight in one line
     */
    public String describe() {
        return member + "@" + timeframe + " " + signal + " ×" + effectiveWeight().stripTrailingZeros().toPlainString();
    }
}
