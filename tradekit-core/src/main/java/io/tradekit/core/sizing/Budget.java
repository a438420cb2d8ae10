package io.tradekit.core.sizing;

import io.tradekit.api.InvalidInputException;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The capital a bot may use on an account it shares with other bots, in the account's quote asset:
 * a fixed amount ({@link #quote}) or a fraction of the account's quote balance when the bot first starts
 * ({@link #fraction}). The bot's journal keeps the capital that start worked out, so a restart keeps it.
 *
 * <p>A bot with a budget keeps its own books from that capital: its cash is the capital plus what its own
 * fills brought in or took out, and its equity is that cash plus its own positions. Sizing and risk policies
 * read those figures, never the account's balance, and the order gate refuses an entry whose cost (price,
 * quantity and fee, or margin and fee on a derivative) exceeds what the bot has left after the entries it
 * already has working (each reserves its cost from the moment it is sent until it fills or ends).
 *
 * <pre>{@code TradeKit.bot("btc-trend").budget(Budget.quote(new BigDecimal("1000")))...}</pre>
 */
public sealed interface Budget {

    /**
     * The capital this budget gives a bot when the account holds {@code accountQuote} of the quote asset.
     *
     * @param accountQuote the account's balance of the quote asset at the bot's first start
     * @return the bot's starting capital in the quote asset
     */
    BigDecimal capital(BigDecimal accountQuote);

    /**
     * The budget as configuration writes it: {@code quote:1000} or {@code fraction:0.25}.
     *
     * @return the description
     */
    String describe();

    /**
     * A fixed amount of the quote asset.
     *
     * @param amount the capital; more than zero
     * @return the budget
     * @throws NullPointerException if {@code amount} is null
     * @throws InvalidInputException if {@code amount} is not more than zero
     */
    static Budget quote(BigDecimal amount) {
        return new Quote(amount);
    }

    /**
     * A fraction in (0, 1] of the account's quote balance at the bot's first start.
     *
     * @param fraction in (0, 1]: 0.25 is a quarter of the balance
     * @return the budget
     * @throws NullPointerException if {@code fraction} is null
     * @throws InvalidInputException if {@code fraction} is not in (0, 1]
     */
    static Budget fraction(BigDecimal fraction) {
        return new Fraction(fraction);
    }

    /**
     * A fixed amount of the quote asset, more than zero.
     *
     * @param amount the capital in the quote asset; more than zero
     */
    record Quote(BigDecimal amount) implements Budget {
        /**
         * Checks the amount.
         *
         * @throws NullPointerException if {@code amount} is null
         * @throws InvalidInputException if it is not more than zero
         */
        public Quote {
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() <= 0) throw new InvalidInputException("budget: quote amount must be more than zero, got " + amount.toPlainString());
        }

        @Override
        public BigDecimal capital(BigDecimal accountQuote) {
            return amount;
        }

        @Override
        public String describe() {
            return "quote:" + amount.stripTrailingZeros().toPlainString();
        }
    }

    /**
     * A fraction in (0, 1] of the account's quote balance.
     *
     * @param fraction the share of the balance, in (0, 1]
     */
    record Fraction(BigDecimal fraction) implements Budget {
        /**
         * Checks the fraction.
         *
         * @throws NullPointerException if {@code fraction} is null
         * @throws InvalidInputException if it is not in (0, 1]
         */
        public Fraction {
            Objects.requireNonNull(fraction, "fraction");
            if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidInputException("budget: fraction must be in (0, 1], got " + fraction.toPlainString());
            }
        }

        @Override
        public BigDecimal capital(BigDecimal accountQuote) {
            return accountQuote.multiply(fraction);
        }

        @Override
        public String describe() {
            return "fraction:" + fraction.stripTrailingZeros().toPlainString();
        }
    }
}
