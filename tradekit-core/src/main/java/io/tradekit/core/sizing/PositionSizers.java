package io.tradekit.core.sizing;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The built-in sizers, by code or from text (for the command line and configuration files):
 *
 * <table>
 *   <caption>Sizer texts</caption>
 *   <tr><td>{@code percent:0.5} (or {@code percent:50%})</td><td>{@link PercentOfEquity}: half the equity</td></tr>
 *   <tr><td>{@code fixed-qty:0.01}</td><td>{@link FixedQuantity}: 0.01 of the base asset</td></tr>
 *   <tr><td>{@code fixed-quote:100}</td><td>{@link FixedQuote}: 100 of the quote asset, fee included</td></tr>
 *   <tr><td>{@code risk:0.01} (or {@code risk:1%})</td><td>{@link RiskPerTrade}: lose 1 % of equity at the stop</td></tr>
 * </table>
 */
public final class PositionSizers {

    private static final String FORMS = "percent:<fraction>, fixed-qty:<base quantity>, fixed-quote:<quote amount> or risk:<fraction>";

    private PositionSizers() {
    }

    /**
     * A {@link PercentOfEquity} sizer.
     *
     * @param fraction the share of equity per order, in (0, 1]
     * @return the sizer
     * @throws InvalidInputException if the fraction is out of range
     */
    public static PositionSizer percentOfEquity(BigDecimal fraction) {
        return new PercentOfEquity(fraction);
    }

    /**
     * A {@link FixedQuantity} sizer.
     *
     * @param baseQuantity the base quantity per order; positive
     * @return the sizer
     * @throws InvalidInputException if the quantity is not positive
     */
    public static PositionSizer fixedQuantity(BigDecimal baseQuantity) {
        return new FixedQuantity(baseQuantity);
    }

    /**
     * A {@link FixedQuote} sizer.
     *
     * @param quoteAmount the quote amount per order, fee included; positive
     * @return the sizer
     * @throws InvalidInputException if the amount is not positive
     */
    public static PositionSizer fixedQuote(BigDecimal quoteAmount) {
        return new FixedQuote(quoteAmount);
    }

    /**
     * A {@link RiskPerTrade} sizer.
     *
     * @param fractionOfEquity the share of equity lost at the stop, in (0, 1)
     * @return the sizer
     * @throws InvalidInputException if the fraction is out of range
     */
    public static PositionSizer riskPerTrade(BigDecimal fractionOfEquity) {
        return new RiskPerTrade(fractionOfEquity);
    }

    /**
     * Reads a sizer from text such as {@code percent:0.5}; the error names the text and the forms accepted.
     *
     * @param text {@code kind:value}; the kind in any case, a fraction also as a percentage ({@code 50%})
     * @return the sizer
     * @throws InvalidInputException if the text is empty, has no known kind, or its value is not a valid number for it
     */
    public static PositionSizer parse(String text) {
        if (text == null || text.isBlank()) throw new InvalidInputException("sizer is empty; write " + FORMS);
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new InvalidInputException("sizer '" + text + "' is not kind:value; write " + FORMS);
        }
        String kind = trimmed.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = trimmed.substring(colon + 1).trim();
        return switch (kind) {
            case "percent", "percent-of-equity" -> new PercentOfEquity(fraction(text, value));
            case "fixed-qty", "fixed-quantity" -> new FixedQuantity(decimal(text, value));
            case "fixed-quote" -> new FixedQuote(decimal(text, value));
            case "risk", "risk-per-trade" -> new RiskPerTrade(fraction(text, value));
            default -> throw new InvalidInputException("sizer '" + text + "': unknown kind '" + kind + "'; write " + FORMS);
        };
    }

    private static BigDecimal fraction(String text, String value) {
        if (value.endsWith("%")) return decimal(text, value.substring(0, value.length() - 1).trim()).movePointLeft(2);
        return decimal(text, value);
    }

    private static BigDecimal decimal(String text, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("sizer '" + text + "': '" + value + "' is not a decimal number");
        }
    }
}
