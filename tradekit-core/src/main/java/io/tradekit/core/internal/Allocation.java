package io.tradekit.core.internal;

import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Side;
import io.tradekit.core.sizing.Budget;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * What a bot may still spend. Every entry the bot has working (sent and not yet filled, cancelled or
 * refused) reserves its cost: the rest of its quantity at its limit price (a market order at the last
 * price), plus the taker fee; on a derivative, the margin of that notional at the bot's leverage plus the
 * fee. Sizing sizes entries from the free funds, so that several pairs signalling on the same bar cannot
 * spend the same money twice; the reservation ends with the order, when a fill has moved it into the books.
 *
 * <p>A bot with a {@link Budget} shares its account: its books start from the budget's capital (journaled at
 * its first start, so a restart keeps it), and the order gate also refuses any entry, however it was made,
 * whose cost exceeds the free part of the budget.
 */
final class Allocation {

    /** Config entry: the capital a bot's budget gave it at the first start of its journal. */
    static final String CAPITAL_KEY = "bot.budget.capital";

    private final BotEngine engine;
    private final Budget budget;
    private BigDecimal capital;

    Allocation(BotEngine engine, Budget budget) {
        this.engine = engine;
        this.budget = budget;
    }

    /** Whether the bot trades a budget on a shared account rather than the whole account. */
    boolean isBudgeted() {
        return budget != null;
    }

    Optional<Budget> budget() {
        return Optional.ofNullable(budget);
    }

    /** The budget's capital: the journaled one after the first start, else worked out from the account's quote balance now. */
    BigDecimal settleCapital(BigDecimal accountQuote) {
        Optional<String> kept = engine.store.config(CAPITAL_KEY);
        capital = kept.map(BigDecimal::new).orElseGet(() -> budget.capital(accountQuote));
        if (kept.isEmpty()) engine.store.putConfig(CAPITAL_KEY, capital.toPlainString(), engine.clock.now());
        return capital;
    }

    /** The capital the budget gave the bot (zero before start or without a budget). */
    BigDecimal capital() {
        return capital == null ? BigDecimal.ZERO : capital;
    }

    /** The money that pays for entries in {@code instrument}, less what the bot's working entries reserve. */
    BigDecimal freeFunds(Instrument instrument) {
        BigDecimal funds = instrument.isDerivative()
                ? engine.portfolio.marginAccount(engine.marks).availableBalance() : engine.portfolio.cash();
        return funds.subtract(reserved());
    }

    /** The cost every working entry of the bot reserves. */
    BigDecimal reserved() {
        BigDecimal total = BigDecimal.ZERO;
        for (Order o : engine.orders.openOrders()) {
            Instrument inst = engine.instrument(o.symbol());
            if (!isEntry(inst, o.side(), o.reduceOnly())) continue;
            BigDecimal price = o.limitPrice().orElseGet(() -> engine.data.lastPrice(o.symbol()));
            total = total.add(cost(inst, o.remainingQuantity(), price));
        }
        return total;
    }

    /** Why a budgeted bot may not send {@code intent} at {@code price}: its cost is more than the budget has free. */
    Optional<String> refusal(OrderIntent intent, Instrument instrument, BigDecimal price) {
        if (budget == null || !isEntry(instrument, intent.side(), intent.reduceOnly()) || engine.gate.isReducing(intent)) return Optional.empty();
        BigDecimal cost = cost(instrument, intent.quantity(), price);
        BigDecimal free = freeFunds(instrument);
        if (cost.compareTo(free) <= 0) return Optional.empty();
        return Optional.of("the order costs " + plain(cost) + " " + instrument.quoteAsset() + " but the bot's budget ("
                + budget.describe() + ", capital " + plain(capital()) + ") has " + plain(free.max(BigDecimal.ZERO)) + " free");
    }

    /** A spot buy, or any derivative order that is not reduce-only: what pays from the bot's funds. */
    static boolean isEntry(Instrument instrument, Side side, boolean reduceOnly) {
        return instrument.isDerivative() ? !reduceOnly : side == Side.BUY;
    }

    private BigDecimal cost(Instrument instrument, BigDecimal quantity, BigDecimal price) {
        BigDecimal notional = instrument.notional(quantity, price);
        BigDecimal fee = notional.multiply(engine.config.takerFeeRate());
        if (!instrument.isDerivative()) return notional.add(fee);
        BigDecimal leverage = engine.portfolio.leverage(instrument.symbol());
        return notional.divide(leverage, MathContext.DECIMAL64).add(fee);
    }

    private static String plain(BigDecimal v) {
        return v.setScale(Math.min(Math.max(v.scale(), 0), 8), java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
