package io.tradekit.core.protection;

import io.tradekit.api.Instrument;
import io.tradekit.api.Side;
import io.tradekit.core.sizing.OrderRounding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The protective levels of one open position and how they move. Levels are set when the position
 * opens and rounded to the tick the way the closing order would be (a long's levels up, a short's
 * down). Each price update is first {@linkplain #check checked} against the levels in force, then
 * {@linkplain #advance advances} them: the best price, the trailing stop (which only tightens) and the
 * breakeven move. Checking first means a bar whose range both hits the stop and makes a new high is
 * read as hitting the stop; a bar that hits both the stop and the take-profit is read as the stop:
 * the cautious reading when the order of prices inside a bar is unknown. Not thread-safe.
 */
public final class PositionGuard {

    private final boolean isLong;
    private final BigDecimal entry;
    private final Instrument instrument;
    private final Optional<BigDecimal> stop;
    private final Optional<BigDecimal> takeProfit;
    private final Optional<BigDecimal> trailDistance;
    private final Optional<BigDecimal> breakevenAt;
    private final List<String> unresolved;
    private final String stopDescription;
    private final String trailDescription;
    private BigDecimal best;
    private BigDecimal trailingStop;
    private boolean breakeven;

    private PositionGuard(boolean isLong, BigDecimal entry, Instrument instrument, Optional<BigDecimal> stop,
                          Optional<BigDecimal> takeProfit, Optional<BigDecimal> trailDistance, Optional<BigDecimal> breakevenAt,
                          List<String> unresolved, String stopDescription, String trailDescription) {
        this.isLong = isLong;
        this.entry = entry;
        this.instrument = instrument;
        this.stop = stop;
        this.takeProfit = takeProfit;
        this.trailDistance = trailDistance;
        this.breakevenAt = breakevenAt;
        this.unresolved = List.copyOf(unresolved);
        this.stopDescription = stopDescription;
        this.trailDescription = trailDescription;
        this.best = entry;
        this.trailingStop = trailDistance.map(d -> level(entry, d.negate())).orElse(null);
    }

    /**
     * Sets the levels of a position that opened at {@code entry}.
     *
     * @param atr the ATR of a period over the bot's bars up to now; empty while there are too few bars
     * @param protections the bot's protections
     * @param isLong whether the position is long
     * @param entry the position's entry price, from which distances are measured
     * @param instrument the instrument, for rounding levels to its tick
     * @return the guard; a protection whose distance is not known yet is left out and named in {@link #unresolved()}
     */
    public static PositionGuard open(Protections protections, boolean isLong, BigDecimal entry, Instrument instrument,
                                     IntFunction<Optional<BigDecimal>> atr) {
        List<String> unresolved = new ArrayList<>();
        Optional<BigDecimal> stopDistance = resolve(protections.stopLoss(), entry, atr, "stop-loss", unresolved);
        Optional<BigDecimal> trail = resolve(protections.trailing(), entry, atr, "trailing stop", unresolved);
        Optional<BigDecimal> breakevenDistance = resolve(protections.breakevenAfter(), entry, atr, "breakeven move", unresolved);
        int sign = isLong ? 1 : -1;
        Side exit = isLong ? Side.SELL : Side.BUY;
        Optional<BigDecimal> stop = stopDistance.map(d -> OrderRounding.price(entry.subtract(d.multiply(BigDecimal.valueOf(sign))), exit, instrument));
        Optional<BigDecimal> takeProfit = protections.takeProfitRatio().flatMap(r -> stopDistance.map(d ->
                OrderRounding.price(entry.add(d.multiply(r).multiply(BigDecimal.valueOf(sign))), exit, instrument)));
        if (protections.takeProfitRatio().isPresent() && stopDistance.isEmpty()) unresolved.add("take-profit: its stop distance is not known yet");
        Optional<BigDecimal> breakevenAt = breakevenDistance.map(d -> entry.add(d.multiply(BigDecimal.valueOf(sign))));
        return new PositionGuard(isLong, entry, instrument, stop, takeProfit, trail, breakevenAt, unresolved,
                protections.stopLoss().map(StopDistance::describe).orElse(""), protections.trailing().map(StopDistance::describe).orElse(""));
    }

    private static Optional<BigDecimal> resolve(Optional<StopDistance> distance, BigDecimal entry, IntFunction<Optional<BigDecimal>> atr,
                                                String what, List<String> unresolved) {
        if (distance.isEmpty()) return Optional.empty();
        Optional<BigDecimal> d = distance.get().resolve(entry, atr);
        if (d.isEmpty()) unresolved.add(what + " " + distance.get().describe() + ": not enough bars yet");
        return d;
    }

    /**
     * The level a price reached, if any: the stop in force first, then the take-profit.
     *
     * @param low the lowest price since the last check (a bar's low, or a ticker's price)
     * @param high the highest price since the last check (a bar's high, or a ticker's price)
     * @return the trigger with the level and the price that crossed it, or empty
     */
    public Optional<ProtectionTrigger> check(BigDecimal low, BigDecimal high) {
        Optional<BigDecimal> stopLevel = stopInForce();
        if (stopLevel.isPresent()) {
            BigDecimal s = stopLevel.get();
            boolean hit = isLong ? low.compareTo(s) <= 0 : high.compareTo(s) >= 0;
            if (hit) return Optional.of(trigger(stopKind().orElseThrow(), s, isLong ? low : high));
        }
        if (takeProfit.isPresent()) {
            BigDecimal tp = takeProfit.get();
            boolean hit = isLong ? high.compareTo(tp) >= 0 : low.compareTo(tp) <= 0;
            if (hit) return Optional.of(trigger(ProtectionKind.TAKE_PROFIT, tp, isLong ? high : low));
        }
        return Optional.empty();
    }

    /**
     * Moves the best price, the trailing stop and the breakeven stop on; true when the stop moved to the entry just now.
     *
     * @param low the lowest price since the last update
     * @param high the highest price since the last update
     * @return true only on the update that moved the stop to the entry
     */
    public boolean advance(BigDecimal low, BigDecimal high) {
        BigDecimal favourable = isLong ? high : low;
        if (isLong ? favourable.compareTo(best) > 0 : favourable.compareTo(best) < 0) best = favourable;
        if (trailDistance.isPresent()) {
            BigDecimal candidate = level(best, trailDistance.get().negate());
            if (trailingStop == null || (isLong ? candidate.compareTo(trailingStop) > 0 : candidate.compareTo(trailingStop) < 0)) {
                trailingStop = candidate;
            }
        }
        if (!breakeven && breakevenAt.isPresent()
                && (isLong ? best.compareTo(breakevenAt.get()) >= 0 : best.compareTo(breakevenAt.get()) <= 0)) {
            breakeven = true;
            return true;
        }
        return false;
    }

    /**
     * Where the protections stand now.
     *
     * @return a snapshot of the levels
     */
    public ProtectionLevels levels() {
        return new ProtectionLevels(isLong, entry, stopInForce(), stopKind(), takeProfit, best, breakeven);
    }

    /**
     * The entry price the levels are measured from.
     *
     * @return the entry price
     */
    public BigDecimal entry() {
        return entry;
    }

    /**
     * Whether the position is long.
     *
     * @return true for a long, false for a short
     */
    public boolean isLong() {
        return isLong;
    }

    /**
     * The protections that could not be set yet (an ATR over more bars than the bot has), in words.
     *
     * @return the descriptions; empty when every protection is set
     */
    public List<String> unresolved() {
        return unresolved;
    }

    private Optional<BigDecimal> stopInForce() {
        BigDecimal s = stop.orElse(null);
        if (trailingStop != null) s = tighter(s, trailingStop);
        if (breakeven) s = tighter(s, entry);
        return Optional.ofNullable(s);
    }

    /** Which stop is in force; a tie goes to the plain stop-loss, then the breakeven stop. */
    private Optional<ProtectionKind> stopKind() {
        Optional<BigDecimal> inForce = stopInForce();
        if (inForce.isEmpty()) return Optional.empty();
        BigDecimal s = inForce.get();
        if (stop.isPresent() && stop.get().compareTo(s) == 0) return Optional.of(ProtectionKind.STOP_LOSS);
        if (breakeven && entry.compareTo(s) == 0) return Optional.of(ProtectionKind.BREAKEVEN_STOP);
        return Optional.of(ProtectionKind.TRAILING_STOP);
    }

    private BigDecimal tighter(BigDecimal current, BigDecimal candidate) {
        if (current == null) return candidate;
        return isLong ? current.max(candidate) : current.min(candidate);
    }

    /** {@code from} moved {@code towardsProfit} in the position's favour (negative: against it), on the tick. */
    private BigDecimal level(BigDecimal from, BigDecimal towardsProfit) {
        BigDecimal raw = isLong ? from.add(towardsProfit) : from.subtract(towardsProfit);
        return OrderRounding.price(raw, isLong ? Side.SELL : Side.BUY, instrument);
    }

    private ProtectionTrigger trigger(ProtectionKind kind, BigDecimal level, BigDecimal price) {
        String detail = switch (kind) {
            case STOP_LOSS -> "stop " + stopDescription;
            case TAKE_PROFIT -> "take-profit";
            case TRAILING_STOP -> "trailing " + trailDescription + " from best " + plain(best);
            case BREAKEVEN_STOP -> "stop moved to the entry";
        };
        String reason = kind.label() + " " + plain(level) + " reached: " + (isLong ? "long" : "short") + " entered at " + plain(entry)
                + ", price " + plain(price) + " (" + detail + ")";
        return new ProtectionTrigger(kind, level, price, reason);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
