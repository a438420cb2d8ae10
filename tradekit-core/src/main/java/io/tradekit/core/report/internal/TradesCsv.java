package io.tradekit.core.report.internal;

import io.tradekit.api.Side;
import io.tradekit.core.RoundTrip;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code trades.csv}: one line per round trip with exact decimal values. {@code side} is the side of the
 * position (LONG opened with a buy, SHORT with a sell); {@code fee} is every fee of the round trip and
 * {@code pnl} is net of it; {@code returnPct} is the PnL as a percentage of the entry notional;
 * {@code exitReason} what closed it ({@code SIGNAL}, {@code STOP_LOSS}, {@code TAKE_PROFIT}, {@code TRAILING_STOP}, {@code FLATTEN}).
 */
public final class TradesCsv {

    public static final String HEADER = "entryTime,exitTime,symbol,side,entryPrice,exitPrice,quantity,fee,pnl,returnPct,exitReason";

    private TradesCsv() {
    }

    public static String render(List<RoundTrip> trips) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (RoundTrip t : trips) {
            out.append(t.entryTime()).append(',').append(t.exitTime()).append(',').append(t.symbol()).append(',')
                    .append(side(t)).append(',').append(plain(t.entryPrice())).append(',').append(plain(t.exitPrice())).append(',')
                    .append(plain(t.quantity())).append(',').append(plain(t.fees())).append(',').append(plain(t.pnl())).append(',')
                    .append(plain(returnPct(t))).append(',').append(t.exitReason().name()).append('\n');
        }
        return out.toString();
    }

    public static String side(RoundTrip trip) {
        return trip.side() == Side.BUY ? "LONG" : "SHORT";
    }

    /** The round trip's net PnL as a percentage of what the entry cost. */
    public static BigDecimal returnPct(RoundTrip trip) {
        BigDecimal entryNotional = trip.entryPrice().multiply(trip.quantity());
        if (entryNotional.signum() == 0) return BigDecimal.ZERO;
        return trip.pnl().multiply(BigDecimal.valueOf(100)).divide(entryNotional, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN);
    }

    private static String plain(BigDecimal value) {
        return Decimals.exact(value).toPlainString();
    }
}
