package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Simple close-to-close returns (c[i] / c[i-1] - 1) from bars, for one symbol or a weighted book of several. */
public final class ReturnSeries {

    private ReturnSeries() {
    }

    /**
     * The returns of consecutive bars: one fewer than there are bars.
     *
     * @param bars one symbol's bars, oldest first
     * @return the simple returns as fractions; empty for fewer than 2 bars
     */
    public static double[] of(List<Bar> bars) {
        double[] out = new double[Math.max(0, bars.size() - 1)];
        for (int i = 1; i < bars.size(); i++) {
            out[i - 1] = bars.get(i).close().doubleValue() / bars.get(i - 1).close().doubleValue() - 1;
        }
        return out;
    }

    /**
     * Each symbol's returns over the bar times that every symbol has, so that element i of every
     * series covers the same period. A time one symbol lacks is skipped for all. Bars are matched by open time.
     *
     * @param barsBySymbol each symbol's bars in any order
     * @return each symbol's returns, in the map's order, all of one length (the common times less one, or 0)
     */
    public static Map<String, double[]> aligned(Map<String, List<Bar>> barsBySymbol) {
        Map<String, TreeMap<Instant, BigDecimal>> closes = new LinkedHashMap<>();
        TreeSet<Instant> common = null;
        for (Map.Entry<String, List<Bar>> e : barsBySymbol.entrySet()) {
            TreeMap<Instant, BigDecimal> byTime = new TreeMap<>();
            for (Bar b : e.getValue()) byTime.put(b.openTime(), b.close());
            closes.put(e.getKey(), byTime);
            if (common == null) common = new TreeSet<>(byTime.keySet());
            else common.retainAll(byTime.keySet());
        }
        List<Instant> times = common == null ? List.of() : new ArrayList<>(common);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Instant, BigDecimal>> e : closes.entrySet()) {
            double[] r = new double[Math.max(0, times.size() - 1)];
            for (int i = 1; i < times.size(); i++) {
                r[i - 1] = e.getValue().get(times.get(i)).doubleValue() / e.getValue().get(times.get(i - 1)).doubleValue() - 1;
            }
            out.put(e.getKey(), r);
        }
        return out;
    }

    /**
     * The returns of a book holding {@code weights} (signed position notional over equity, so a short
     * is negative) of each symbol: sum of weight times the symbol's return over the common bar times.
     * The result is the change in equity as a fraction of equity.
     *
     * @param barsBySymbol bars of at least every symbol in {@code weights}; other symbols are ignored
     * @param weights      each held symbol's signed notional as a fraction of equity
     * @return one return per common period, oldest first; empty when there are no weights or fewer than 2 common times
     * @throws io.tradekit.api.InvalidInputException if a weighted symbol has no bars
     */
    public static double[] portfolio(Map<String, List<Bar>> barsBySymbol, Map<String, BigDecimal> weights) {
        Map<String, List<Bar>> held = new LinkedHashMap<>();
        for (String symbol : weights.keySet()) {
            List<Bar> bars = barsBySymbol.get(symbol);
            if (bars == null) throw new InvalidInputException("no bars for " + symbol + ", which the book holds");
            held.put(symbol, bars);
        }
        Map<String, double[]> returns = aligned(held);
        int n = returns.values().stream().mapToInt(r -> r.length).min().orElse(0);
        double[] out = new double[n];
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            double weight = w.getValue().doubleValue();
            double[] r = returns.get(w.getKey());
            for (int i = 0; i < n; i++) out[i] += weight * r[i];
        }
        return out;
    }
}
