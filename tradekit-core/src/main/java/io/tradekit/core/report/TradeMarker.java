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
 *
 * @param time the fill's time; never null
 * @param price the fill's price; finite
 * @param side the fill's side; never null
 */
public record TradeMarker(Instant time, double price, Side side) {
    /**
     * Checks the marker.
     *
     * @throws NullPointerException if {@code time} or {@code side} is null
     * @throws IllegalArgumentException if the price is not finite
     */
    public TradeMarker {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(side, "side");
        if (!Double.isFinite(price)) throw new IllegalArgumentException("trade marker: price must be a finite number, got " + price);
    }

    /**
     * A marker for every fill, at its time and price.
     *
     * @param fills the fills
     * @return one marker per fill, in the same order
     */
    public static List<TradeMarker> ofFills(List<Fill> fills) {
        List<TradeMarker> markers = new ArrayList<>(fills.size());
        for (Fill f : fills) markers.add(new TradeMarker(f.time(), f.price().doubleValue(), f.side()));
        return markers;
    }
}
