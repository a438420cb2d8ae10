package io.tradekit.core.paper;

import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.Position;
import io.tradekit.api.Side;
import io.tradekit.core.internal.Portfolio;
import io.tradekit.core.perp.FundingRates;
import io.tradekit.core.perp.IsolatedMargin;
import io.tradekit.core.perp.ReduceOnly;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated venue's perpetual positions, one-way and isolated: for each symbol the account's position
 * (kept by the same {@link Portfolio} arithmetic as the bot's books), its leverage, and when its next
 * funding is due. The {@link MatchingEngine} keeps the wallet itself (free plus locked quote asset); this
 * book tells it what a fill does to the wallet and to the margin a position holds, which reduce-only
 * orders are refused, where a position is liquidated and what funding is owed.
 */
final class PerpetualBook {

    /** What one fill did: the wallet change (realized PnL less fee) and the change of margin held by the position. */
    record Change(BigDecimal walletDelta, BigDecimal marginDelta) {
    }

    private final FundingRates rates;
    private final Map<String, Portfolio> booksByQuote = new HashMap<>();
    private final Map<String, BigDecimal> leverage = new HashMap<>();
    private final Map<String, Instant> nextFunding = new HashMap<>();

    PerpetualBook(FundingRates rates) {
        this.rates = rates;
    }

    void setLeverage(Instrument instrument, BigDecimal value) {
        if (!instrument.isDerivative()) {
            throw new OrderRejectedException("NO_DERIVATIVES", instrument.symbol() + " is spot: it has no leverage to set");
        }
        BigDecimal max = instrument.margin().maxLeverage();
        if (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(max) > 0) {
            throw new OrderRejectedException("LEVERAGE", "leverage " + value.toPlainString() + " on " + instrument.symbol()
                    + " must be between 1 and " + max.toPlainString());
        }
        leverage.put(instrument.symbol(), value);
        book(instrument).setLeverage(instrument.symbol(), value);
    }

    BigDecimal leverage(String symbol) {
        return leverage.getOrDefault(symbol, BigDecimal.ONE);
    }

    BigDecimal quantity(Instrument instrument) {
        return book(instrument).quantity(instrument.symbol());
    }

    Optional<Position> position(Instrument instrument) {
        Position p = book(instrument).position(instrument.symbol());
        return p.isFlat() ? Optional.empty() : Optional.of(p);
    }

    /**
     * Refuses a reduce-only order that would open a position, grow it, or close more than it holds (flip it),
     * naming which.
     */
    void checkReduceOnly(OrderRequest request, Instrument instrument) {
        if (!request.reduceOnly()) return;
        ReduceOnly.refusal(request.symbol(), quantity(instrument), request.side(), request.quantity()).ifPresent(why -> {
            throw new OrderRejectedException("REDUCE_ONLY", why);
        });
    }

    /** How much of an order of {@code quantity} on {@code side} opens new exposure (what is left after closing the position). */
    BigDecimal openingQuantity(Instrument instrument, Side side, BigDecimal quantity) {
        BigDecimal held = quantity(instrument);
        if (held.signum() == 0 || held.signum() == side.sign()) return quantity;
        return quantity.subtract(held.abs()).max(BigDecimal.ZERO);
    }

    /** The initial margin an order opening {@code opening} contracts at {@code price} needs, at the symbol's leverage. */
    BigDecimal initialMargin(Instrument instrument, BigDecimal opening, BigDecimal price) {
        return IsolatedMargin.initialMargin(instrument, opening, price, leverage(instrument.symbol()));
    }

    /** The margin the position of {@code instrument} holds now. */
    BigDecimal positionMargin(Instrument instrument) {
        return book(instrument).position(instrument.symbol()).margin();
    }

    /** Applies one fill to the position: what it did to the wallet and to the margin held. */
    Change apply(Fill fill, Instrument instrument) {
        Portfolio book = book(instrument);
        BigDecimal walletBefore = book.cash();
        BigDecimal marginBefore = positionMargin(instrument);
        book.apply(fill, instrument);
        return new Change(book.cash().subtract(walletBefore), positionMargin(instrument).subtract(marginBefore));
    }

    Optional<BigDecimal> liquidationPrice(Instrument instrument) {
        return book(instrument).position(instrument.symbol()).liquidationPrice();
    }

    /**
     * The funding settlements of {@code instrument} due at or before {@code time}, each at {@code mark}:
     * settlements fall on whole multiples of the instrument's funding interval since the epoch (00:00,
     * 08:00, 16:00 UTC for eight hours). A flat position owes nothing; its settlements are skipped.
     */
    java.util.List<FundingPayment> fundingDue(Instrument instrument, Instant time, BigDecimal mark) {
        String symbol = instrument.symbol();
        Duration interval = instrument.margin().fundingInterval();
        Instant next = nextFunding.computeIfAbsent(symbol, s -> after(time, interval));
        if (time.isBefore(next)) return java.util.List.of();
        java.util.List<FundingPayment> due = new java.util.ArrayList<>();
        BigDecimal held = quantity(instrument);
        while (!time.isBefore(next)) {
            if (held.signum() != 0) {
                BigDecimal rate = rates.rateAt(next);
                FundingPayment payment = new FundingPayment(symbol, next, rate, mark, held, IsolatedMargin.funding(instrument, held, mark, rate));
                book(instrument).applyFunding(payment);
                due.add(payment);
            }
            next = next.plus(interval);
        }
        nextFunding.put(symbol, next);
        return due;
    }

    /** When the next funding of {@code symbol} is due; empty before the venue has seen its market. */
    Optional<Instant> nextFunding(String symbol) {
        return Optional.ofNullable(nextFunding.get(symbol));
    }

    /** Resumes a restarted venue's funding schedule: the next settlement of {@code symbol} is due at {@code next}. */
    void resumeFundingAt(String symbol, Instant next) {
        nextFunding.put(symbol, next);
    }

    /**
     * Replays a settlement the venue made before a restart: the position's funding grows by it, and the schedule
     * never settles that instant again.
     */
    void restore(Instrument instrument, FundingPayment payment) {
        book(instrument).applyFunding(payment);
        Instant next = nextFunding.get(instrument.symbol());
        if (next == null || !next.isAfter(payment.time())) {
            nextFunding.put(instrument.symbol(), after(payment.time(), instrument.margin().fundingInterval()));
        }
    }

    /** The first settlement strictly after {@code time}. */
    private static Instant after(Instant time, Duration interval) {
        long step = interval.toSeconds();
        long seconds = Math.floorDiv(time.getEpochSecond(), step) * step + step;
        return Instant.ofEpochSecond(seconds);
    }

    private Portfolio book(Instrument instrument) {
        if (!instrument.isDerivative()) throw new InvalidInputException(instrument.symbol() + " is spot: it has no perpetual position");
        return booksByQuote.computeIfAbsent(instrument.quoteAsset(), q -> new Portfolio(q, BigDecimal.ZERO));
    }
}
