package io.tradekit.core.sizing;

import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderRejectedException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a grid's quote budget across its levels, fee included, with every quantity rounded down to
 * the instrument's step (so the grid never spends more than its budget):
 * <ul>
 *   <li>{@link #equalQuote}: each level spends the same quote amount, so lower levels buy more;</li>
 *   <li>{@link #equalBase}: each level trades the same base quantity, the largest the budget pays for
 *       at every level's price.</li>
 * </ul>
 * A level whose quantity breaks the instrument's minimums is refused with the level, its price and the
 * budget that would be needed.
 *
 * <pre>{@code List<BigDecimal> qty = GridSizing.equalQuote(new BigDecimal("1000"), levelPrices, btcusdt, new BigDecimal("0.001"));}</pre>
 */
public final class GridSizing {

    private GridSizing() {
    }

    /**
     * Quantities for {@code prices} (one per level, in the order given) that each cost {@code budget / levels}, fee included.
     *
     * @param budget the grid's budget in the quote asset; positive
     * @param prices the levels' prices; at least one, all positive
     * @param instrument the instrument, with its step and minimums
     * @param feeRate the fee as a fraction in [0, 1): 0.001 is 10 bps
     * @return one quantity per price, rounded down to the step; unmodifiable
     * @throws InvalidInputException if an argument is out of range, or a level's quantity breaks the instrument's minimums
     */
    public static List<BigDecimal> equalQuote(BigDecimal budget, List<BigDecimal> prices, Instrument instrument, BigDecimal feeRate) {
        check(budget, prices, feeRate);
        BigDecimal perLevel = budget.divide(BigDecimal.valueOf(prices.size()), MathContext.DECIMAL64);
        BigDecimal feeFactor = BigDecimal.ONE.add(feeRate);
        List<BigDecimal> out = new ArrayList<>(prices.size());
        for (BigDecimal price : prices) {
            out.add(OrderRounding.quantityDown(perLevel.divide(price.multiply(feeFactor), MathContext.DECIMAL64), instrument));
        }
        requireTradable(out, prices, instrument, budget, "equal-quote");
        return List.copyOf(out);
    }

    /**
     * One quantity for every level: the largest on the step whose cost at all the prices, fee included, fits the budget.
     *
     * @param budget the grid's budget in the quote asset; positive
     * @param prices the levels' prices; at least one, all positive
     * @param instrument the instrument, with its step and minimums
     * @param feeRate the fee as a fraction in [0, 1): 0.001 is 10 bps
     * @return the same quantity once per price, rounded down to the step; unmodifiable
     * @throws InvalidInputException if an argument is out of range, or the quantity breaks the instrument's minimums at a level
     */
    public static List<BigDecimal> equalBase(BigDecimal budget, List<BigDecimal> prices, Instrument instrument, BigDecimal feeRate) {
        check(budget, prices, feeRate);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal p : prices) sum = sum.add(p);
        BigDecimal each = OrderRounding.quantityDown(budget.divide(sum.multiply(BigDecimal.ONE.add(feeRate)), MathContext.DECIMAL64), instrument);
        List<BigDecimal> out = new ArrayList<>(prices.size());
        for (int i = 0; i < prices.size(); i++) out.add(each);
        requireTradable(out, prices, instrument, budget, "equal-base");
        return List.copyOf(out);
    }

    private static void requireTradable(List<BigDecimal> quantities, List<BigDecimal> prices, Instrument instrument,
                                        BigDecimal budget, String rule) {
        for (int i = 0; i < quantities.size(); i++) {
            try {
                instrument.check(quantities.get(i), prices.get(i), false);
            } catch (OrderRejectedException e) {
                throw new InvalidInputException("grid sizing (" + rule + "): level " + (i + 1) + " of " + quantities.size() + " at "
                        + prices.get(i).toPlainString() + " gets " + quantities.get(i).stripTrailingZeros().toPlainString() + " "
                        + instrument.baseAsset() + " from a budget of " + budget.toPlainString() + " " + instrument.quoteAsset() + ": "
                        + e.getMessage() + "; raise the budget or use fewer levels");
            }
        }
    }

    private static void check(BigDecimal budget, List<BigDecimal> prices, BigDecimal feeRate) {
        if (budget == null || budget.signum() <= 0) throw new InvalidInputException("grid sizing: budget must be positive, got " + budget);
        if (prices == null || prices.isEmpty()) throw new InvalidInputException("grid sizing: at least one level price is needed");
        for (int i = 0; i < prices.size(); i++) {
            BigDecimal p = prices.get(i);
            if (p == null || p.signum() <= 0) {
                throw new InvalidInputException("grid sizing: level " + (i + 1) + " price must be positive, got " + p);
            }
        }
        if (feeRate == null || feeRate.signum() < 0 || feeRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidInputException("grid sizing: fee rate must be a fraction in [0, 1), got " + feeRate);
        }
    }
}
