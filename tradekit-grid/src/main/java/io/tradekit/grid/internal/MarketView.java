package io.tradekit.grid.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import org.ta4j.core.BarSeries;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a grid is designed from: the price, the warmup bars, free cash, the instrument and the bot's
 * ta4j series (asked for only when adaptive spacing needs it, so a plain grid costs no indicator work).
 */
public record MarketView(BigDecimal price, List<Bar> bars, BigDecimal cash, Instrument instrument, Supplier<BarSeries> series) {
}
