package io.tradekit.api.spi;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.Position;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The account as a risk policy sees it. Read-only; valid only on the loop thread. */
public interface RiskContext {

    Instant now();

    BotState state();

    /** Cash plus every position marked at its last price, in the quote asset. */
    BigDecimal equity();

    /** The highest equity seen since the bot started (restored across restarts). */
    BigDecimal peakEquity();

    /** Equity at the start of the current trading day (see the day-boundary limit). */
    BigDecimal dayStartEquity();

    BigDecimal cash();

    Position position(String symbol);

    Collection<Position> positions();

    Instrument instrument(String symbol);

    /** The last known price; zero if none yet. */
    BigDecimal lastPrice(String symbol);

    /** When market data for the symbol last arrived. */
    Optional<Instant> lastDataTime(String symbol);

    List<Order> openOrders();

    /** Up to {@code count} of the most recent closed bars of the symbol, oldest first. */
    List<Bar> recentBars(String symbol, int count);

    /** Realized PnL of the most recent closed round trips, newest last. */
    List<BigDecimal> recentTradePnl(int count);
}
