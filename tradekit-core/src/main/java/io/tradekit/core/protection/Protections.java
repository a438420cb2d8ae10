package io.tradekit.core.protection;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The protections core keeps on a bot's open position, checked on every bar and ticker on the bot's
 * loop: a stop-loss, a take-profit at a risk/reward multiple of the stop distance, a trailing stop,
 * and a move of the stop to the entry price once the position is far enough in profit. When one is
 * hit, the engine closes the position with a reduce-only market order through its normal pipeline
 * (a reducing order passes in REDUCE_ONLY) and publishes a risk alert naming the protection.
 *
 * <pre>{@code .protection(Protections.stopLossAtr(14, 2).takeProfitRR(2).trailing(StopDistance.percent(new BigDecimal("0.03"))))}</pre>
 *
 * <p>These are software stops: the engine acts on the price it sees and closes with a market order. Live,
 * that is the ticker (a bot with protections subscribes to it), so the exit fills at the market after
 * the level is crossed. On a paper venue fed bars, the bar's price path stops where it crosses the level,
 * so the exit fills at the level (at the open when the bar gaps through it), slipped like any market
 * order; the part of the bar before the entry is never judged.
 * Distances are measured from the position's entry price when it opens (an ATR from the bars up to
 * then); adding to the position re-anchors them on the new average entry.
 *
 * @param stopLoss the stop-loss distance from the entry, or empty
 * @param takeProfitRatio the take-profit as a multiple of the stop distance (2 is 2R), or empty; needs a stop-loss
 * @param trailing the trailing stop's distance from the best price, or empty
 * @param breakevenAfter the profit after which the stop moves to the entry, or empty
 */
public record Protections(Optional<StopDistance> stopLoss, Optional<BigDecimal> takeProfitRatio,
                          Optional<StopDistance> trailing, Optional<StopDistance> breakevenAfter) {

    /**
     * Checks the protections.
     *
     * @throws NullPointerException if a component is null (use {@link Optional#empty()})
     * @throws InvalidInputException if the take-profit ratio is not positive, or is set without a stop-loss
     */
    public Protections {
        Objects.requireNonNull(stopLoss, "stopLoss");
        Objects.requireNonNull(takeProfitRatio, "takeProfitRatio");
        Objects.requireNonNull(trailing, "trailing");
        Objects.requireNonNull(breakevenAfter, "breakevenAfter");
        takeProfitRatio.ifPresent(r -> {
            if (r.signum() <= 0) throw new InvalidInputException("take-profit risk/reward ratio must be positive, got " + r);
        });
        if (takeProfitRatio.isPresent() && stopLoss.isEmpty()) {
            throw new InvalidInputException("a take-profit by risk/reward ratio needs a stop-loss to measure the risk; "
                    + "start with Protections.stopLoss...(...).takeProfitRR(...)");
        }
    }

    /**
     * No protection at all.
     *
     * @return protections with every component empty
     */
    public static Protections none() {
        return new Protections(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Only a stop-loss.
     *
     * @param distance how far from the entry
     * @return the protections
     */
    public static Protections stopLoss(StopDistance distance) {
        return none().withStopLoss(distance);
    }

    /**
     * A stop {@code fraction} of the entry price away: 0.02 is 2 %.
     *
     * @param fraction a fraction in (0, 1)
     * @return the protections
     * @throws InvalidInputException if {@code fraction} is not in (0, 1)
     */
    public static Protections stopLossPercent(BigDecimal fraction) {
        return stopLoss(StopDistance.percent(fraction));
    }

    /**
     * A stop a fixed price distance from the entry.
     *
     * @param priceDistance the distance in price units; positive
     * @return the protections
     * @throws InvalidInputException if the distance is not positive
     */
    public static Protections stopLossDistance(BigDecimal priceDistance) {
        return stopLoss(StopDistance.fixed(priceDistance));
    }

    /**
     * A stop {@code multiple} ATRs of {@code period} bars from the entry.
     *
     * @param period the ATR's period in bars; 1 or more
     * @param multiple how many ATRs; positive
     * @return the protections
     * @throws InvalidInputException if the period is below 1 or the multiple not positive
     */
    public static Protections stopLossAtr(int period, BigDecimal multiple) {
        return stopLoss(StopDistance.atr(period, multiple));
    }

    /**
     * A stop {@code multiple} ATRs of {@code period} bars from the entry.
     *
     * @param period the ATR's period in bars; 1 or more
     * @param multiple how many ATRs; positive
     * @return the protections
     * @throws InvalidInputException if the period is below 1 or the multiple not positive
     */
    public static Protections stopLossAtr(int period, int multiple) {
        return stopLossAtr(period, BigDecimal.valueOf(multiple));
    }

    /**
     * Only a trailing stop, starting at {@code distance} from the entry.
     *
     * @param distance how far from the entry the trailing stop starts
     * @return the protections
     */
    public static Protections trailingStop(StopDistance distance) {
        return none().trailing(distance);
    }

    /**
     * A copy with this stop-loss.
     *
     * @param distance how far from the entry; never null
     * @return the new protections
     */
    public Protections withStopLoss(StopDistance distance) {
        return new Protections(Optional.of(distance), takeProfitRatio, trailing, breakevenAfter);
    }

    /**
     * Take profit at {@code ratio} times the stop distance beyond the entry.
     *
     * @param ratio the multiple of the stop distance; positive
     * @return the new protections
     * @throws InvalidInputException if the ratio is not positive or there is no stop-loss
     */
    public Protections takeProfitRR(BigDecimal ratio) {
        return new Protections(stopLoss, Optional.of(ratio), trailing, breakevenAfter);
    }

    /**
     * Take profit at {@code ratio} times the stop distance beyond the entry.
     *
     * @param ratio the multiple of the stop distance; positive
     * @return the new protections
     * @throws InvalidInputException if the ratio is not positive or there is no stop-loss
     */
    public Protections takeProfitRR(int ratio) {
        return takeProfitRR(BigDecimal.valueOf(ratio));
    }

    /**
     * A stop that follows the best price since the entry at {@code distance}; it only ever tightens.
     *
     * @param distance how far behind the best price the stop follows
     * @return the new protections
     */
    public Protections trailing(StopDistance distance) {
        return new Protections(stopLoss, takeProfitRatio, Optional.of(distance), breakevenAfter);
    }

    /**
     * Moves the stop to the entry price once the price has gone {@code profit} in the position's favour.
     *
     * @param profit how far the price must go in the position's favour
     * @return the new protections
     */
    public Protections breakevenAfter(StopDistance profit) {
        return new Protections(stopLoss, takeProfitRatio, trailing, Optional.of(profit));
    }

    /**
     * Whether no protection is set (a take-profit cannot be set without a stop-loss).
     *
     * @return true when there is no stop-loss, trailing stop or breakeven move
     */
    public boolean isEmpty() {
        return stopLoss.isEmpty() && trailing.isEmpty() && breakevenAfter.isEmpty();
    }

    /**
     * e.g. {@code stop-loss 2×ATR(14), take-profit 2R, trailing 3%}.
     *
     * @return the protections in words, or {@code none}
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        stopLoss.ifPresent(d -> parts.add("stop-loss " + d.describe()));
        takeProfitRatio.ifPresent(r -> parts.add("take-profit " + r.stripTrailingZeros().toPlainString() + "R"));
        trailing.ifPresent(d -> parts.add("trailing " + d.describe()));
        breakevenAfter.ifPresent(d -> parts.add("breakeven after " + d.describe()));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
