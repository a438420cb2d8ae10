package io.tradekit.core.report;

import io.tradekit.api.Fill;
import io.tradekit.api.Side;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fill drawn on a {@link PriceChart} at its time and price: a buy as a green triangle pointing up, a
 * sell as a red triangle pointing down. (A price for drawing, so a double.)
 */
public record TradeMarker(Instant time, double price, Side side) {
    public TradeMarker {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(side, "side");
        if (!Double.isFinite(price)) throw new IllegalArgumentException("trade marker: price must be a finite number, got " + price);
    }

    /** A marker for every fill, at its time and price. */
    public static List<TradeMarker> ofFills(List<Fill> fills) {
        List<TradeMarker> markers = new ArrayList<>(fills.size());
        for (Fill f : fills) markers.add(new TradeMarker(f.time(), f.price().doubleValue(), f.side()));
        return markers;
    }
}
