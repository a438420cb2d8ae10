package io.tradekit.core.marketdata;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes closed bars of a higher timeframe from one symbol's closed base bars, the same way in every mode.
 *
 * <ul>
 *   <li>Periods are aligned to UTC: a period starts at a whole multiple of its length since the epoch, except that
 *       weeks start on Monday 00:00 UTC, as venues count them.</li>
 *   <li>Closed bars only: a period's bar is made when the base bar that ends at the period's end closes, never
 *       earlier, so its close time is never after the base bar being handled.</li>
 *   <li>A missing base bar inside a period (a venue sends no candle for a span without trades) is left out: the
 *       period's bar is made from the base bars that exist, and when the period's last base bar is missing it is
 *       made when the first base bar of a later period arrives. A period without any base bar has no bar.</li>
 *   <li>The first period seen is made only when its first base bar starts it: base bars that begin in the middle
 *       of a period (the start of a data set or a warm-up) do not know what came before them in that period.</li>
 * </ul>
 * A base bar that crosses a boundary of the higher timeframe (base bars not aligned to it) is refused.
 */
public final class TimeframeAggregator {

    private static final long MONDAY_AFTER_EPOCH_MILLIS = Duration.ofDays(4).toMillis();

    private final String symbol;
    private final Timeframe target;
    private final long periodMillis;
    private final long originMillis;
    private Instant periodStart;
    private boolean periodWhole;
    private boolean seenAny;
    private BigDecimal open;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal close;
    private BigDecimal volume;

    /**
     * An aggregator for one symbol that has seen no bar yet.
     *
     * @param symbol the symbol of the bars it makes
     * @param base the timeframe of the bars it is given
     * @param target the timeframe of the bars it makes
     * @throws InvalidInputException when {@code target} is not a whole multiple, larger than one, of {@code base}
     */
    public TimeframeAggregator(String symbol, Timeframe base, Timeframe target) {
        if (target.millis() <= base.millis() || target.millis() % base.millis() != 0) {
            throw new InvalidInputException("timeframe " + target + " cannot be made from " + base + " bars: it must be a whole multiple of "
                    + base + ", larger than it");
        }
        this.symbol = symbol;
        this.target = target;
        this.periodMillis = target.millis();
        this.originMillis = periodMillis % Duration.ofDays(7).toMillis() == 0 ? MONDAY_AFTER_EPOCH_MILLIS : 0;
    }

    /**
     * The timeframe this aggregator makes.
     *
     * @return the target timeframe
     */
    public Timeframe target() {
        return target;
    }

    /**
     * Takes the next closed base bar (newer than the last one given) and returns the higher bars it closed, oldest
     * first: none, the period before it (when that period's last base bar never came), its own period (when it is
     * that period's last base bar), or both.
     *
     * @param base the next closed base bar of this aggregator's symbol
     * @return the higher bars it closed, oldest first; an empty list when it closed none
     * @throws InvalidInputException if the bar crosses a boundary of the target timeframe
     */
    public List<Bar> add(Bar base) {
        Instant start = periodStart(base.openTime());
        if (start.plusMillis(periodMillis).isBefore(base.closeTime())) {
            throw new InvalidInputException("bar " + base.symbol() + " " + base.timeframe() + " at " + base.openTime() + " crosses the "
                    + target + " boundary at " + start.plusMillis(periodMillis) + "; base bars must be aligned to " + base.timeframe() + " boundaries in UTC");
        }
        List<Bar> closed = List.of();
        if (periodStart != null && !periodStart.equals(start)) {
            closed = new ArrayList<>(2);
            closePeriod(closed);
        }
        if (periodStart == null || !periodStart.equals(start)) open(start, base);
        else extend(base);
        if (base.closeTime().equals(start.plusMillis(periodMillis))) {
            if (closed.isEmpty()) closed = new ArrayList<>(1);
            closePeriod(closed);
        }
        return closed;
    }

    private Instant periodStart(Instant time) {
        long t = time.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(t - originMillis, periodMillis) * periodMillis + originMillis);
    }

    private void open(Instant start, Bar base) {
        // the first period of all is whole only if its first base bar starts it; a later one follows the bars before it
        periodWhole = seenAny || base.openTime().equals(start);
        seenAny = true;
        periodStart = start;
        open = base.open();
        high = base.high();
        low = base.low();
        close = base.close();
        volume = base.volume();
    }

    private void extend(Bar base) {
        high = high.max(base.high());
        low = low.min(base.low());
        close = base.close();
        volume = volume.add(base.volume());
    }

    private void closePeriod(List<Bar> into) {
        if (periodWhole) into.add(new Bar(symbol, target, periodStart, open, high, low, close, volume));
        periodStart = null;
    }
}
