package io.tradekit.core.internal;

import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Position;
import io.tradekit.api.Side;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.perp.IsolatedMargin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cash, positions, average cost, realized PnL and fees of one bot, all in BigDecimal. A fill is applied
 * with {@link #apply}; the engine makes sure each fill id is applied once. Fees paid in the quote asset
 * reduce cash; fees paid in the base asset reduce the position.
 *
 * <p>A fill of a derivative ({@link Instrument#isDerivative()}) moves no notional: cash is then the
 * margin account's wallet balance, which changes by the PnL a close realizes, the fees and the funding
 * ({@link #applyFunding}), each also kept as its own total. Such a position holds isolated margin at the
 * leverage set for its symbol ({@link #setLeverage}, default 1) and has a liquidation price
 * ({@link io.tradekit.core.perp.IsolatedMargin}). Equity marks a spot holding at its value and a
 * derivative at its unrealized PnL.
 */
public final class Portfolio {

    private static final MathContext PRICE_MC = MathContext.DECIMAL64;

    private final String quoteAsset;
    private BigDecimal cash;
    private BigDecimal totalFees = BigDecimal.ZERO;
    private BigDecimal grossRealized = BigDecimal.ZERO;
    private BigDecimal fundingPaid = BigDecimal.ZERO;
    private BigDecimal fundingReceived = BigDecimal.ZERO;
    private final Map<String, Holding> holdings = new HashMap<>();
    private final Map<String, BigDecimal> leverage = new HashMap<>();
    private final List<RoundTrip> roundTrips = new ArrayList<>();
    private boolean flat = true;

    public Portfolio(String quoteAsset, BigDecimal initialCash) {
        this.quoteAsset = quoteAsset;
        this.cash = initialCash;
    }

    /** Where a restart left a symbol: quantity, average cost, realized PnL and fees so far. */
    public void restore(Position position, Instant openedAt) {
        Holding h = holding(position.symbol());
        h.funding = position.funding();
        h.quantity = position.quantity();
        h.averageCost = position.averageCost();
        h.realized = position.realizedPnl();
        h.fees = position.fees();
        h.openedAt = openedAt;
        recountFlat();
    }

    public void setCash(BigDecimal cash) {
        this.cash = cash;
    }

    /** The leverage new derivatives positions in {@code symbol} are opened with (and margined at). */
    public void setLeverage(String symbol, BigDecimal value) {
        leverage.put(symbol, value);
    }

    public BigDecimal leverage(String symbol) {
        return leverage.getOrDefault(symbol, BigDecimal.ONE);
    }

    /**
     * Applies one fill and returns the PnL it realized, net of the fees attributed to the closed quantity
     * (zero for a fill that only opens or adds).
     */
    public BigDecimal apply(Fill fill, Instrument instrument) {
        return apply(fill, instrument, io.tradekit.core.ExitReason.SIGNAL);
    }

    /** Applies one fill of an order sent for {@code reason}, which a round trip it closes records. */
    public BigDecimal apply(Fill fill, Instrument instrument, io.tradekit.core.ExitReason reason) {
        Holding h = holding(fill.symbol());
        h.instrument = instrument;
        boolean derivative = instrument.isDerivative();
        BigDecimal qty = fill.quantity();
        BigDecimal signedQty = fill.side() == Side.BUY ? qty : qty.negate();
        BigDecimal notional = fill.price().multiply(qty);

        if (!derivative) cash = fill.side() == Side.BUY ? cash.subtract(notional) : cash.add(notional);
        BigDecimal feeInQuote = feeInQuote(fill, instrument);
        totalFees = totalFees.add(feeInQuote);
        h.fees = h.fees.add(feeInQuote);
        boolean feeFromQuantity = fill.feeAsset().equals(instrument.baseAsset());
        if (feeFromQuantity) {
            // The venue took the fee out of what we bought: we hold less than the fill says.
            signedQty = signedQty.subtract(fill.fee());
        } else if (fill.feeAsset().equals(quoteAsset)) {
            cash = cash.subtract(fill.fee());
        }

        BigDecimal realizedNet = BigDecimal.ZERO;
        boolean reducing = h.quantity.signum() != 0 && h.quantity.signum() != signedQty.signum();
        if (!reducing) {
            if (h.quantity.signum() == 0) {
                h.openedAt = fill.time();
                h.entryFees = BigDecimal.ZERO;
            }
            BigDecimal newQty = h.quantity.add(signedQty);
            h.averageCost = newQty.signum() == 0 ? BigDecimal.ZERO
                    : h.averageCost.multiply(h.quantity).add(fill.price().multiply(signedQty)).divide(newQty, PRICE_MC);
            h.quantity = newQty;
            h.entryFees = h.entryFees.add(feeInQuote);
        } else {
            // The fill's own quantity when no fee was taken from it: the round trip then shares it instead of keeping a copy.
            BigDecimal moved = feeFromQuantity ? signedQty.abs() : qty;
            BigDecimal held = h.quantity.abs();
            BigDecimal closing = moved.compareTo(held) <= 0 ? moved : held;
            BigDecimal direction = BigDecimal.valueOf(h.quantity.signum());
            BigDecimal gross = instrument.notional(closing, fill.price().subtract(h.averageCost)).multiply(direction);
            if (derivative) cash = cash.add(gross);
            // Whole closes (the common case) need no division.
            BigDecimal entryFeeShare = closing.compareTo(held) == 0 ? h.entryFees : h.entryFees.multiply(closing).divide(held, PRICE_MC);
            BigDecimal exitFeeShare = closing.compareTo(qty) == 0 ? feeInQuote : feeInQuote.multiply(closing).divide(qty, PRICE_MC);
            BigDecimal fees = entryFeeShare.add(exitFeeShare);
            realizedNet = gross.subtract(fees);
            grossRealized = grossRealized.add(gross);
            h.realized = h.realized.add(gross);
            h.entryFees = h.entryFees.subtract(entryFeeShare);
            roundTrips.add(new RoundTrip(fill.symbol(), h.quantity.signum() > 0 ? Side.BUY : Side.SELL, h.openedAt,
                    fill.time(), h.averageCost, fill.price(), closing, fees, realizedNet, reason));
            BigDecimal remainder = h.quantity.add(signedQty);
            if (remainder.signum() == 0 || remainder.signum() == h.quantity.signum()) {
                h.quantity = remainder;
                if (remainder.signum() == 0) {
                    h.averageCost = BigDecimal.ZERO;
                    h.entryFees = BigDecimal.ZERO;
                }
            } else {
                // The fill closed the position and opened one on the other side.
                h.quantity = remainder;
                h.averageCost = fill.price();
                h.openedAt = fill.time();
                h.entryFees = feeInQuote.subtract(exitFeeShare);
            }
        }
        recountFlat();
        return realizedNet;
    }

    private BigDecimal feeInQuote(Fill fill, Instrument instrument) {
        if (fill.fee().signum() == 0) return BigDecimal.ZERO;
        if (fill.feeAsset().equals(instrument.baseAsset())) return fill.fee().multiply(fill.price());
        return fill.fee();
    }

    /**
     * Records a funding settlement: cash (the wallet) falls by what was paid or rises by what was received.
     */
    public void applyFunding(io.tradekit.api.FundingPayment payment) {
        cash = cash.subtract(payment.amount());
        Holding h = holding(payment.symbol());
        h.funding = h.funding.add(payment.amount());
        if (payment.amount().signum() > 0) fundingPaid = fundingPaid.add(payment.amount());
        else fundingReceived = fundingReceived.subtract(payment.amount());
    }

    /** Funding paid over the whole run (zero or more). */
    public BigDecimal fundingPaid() {
        return fundingPaid;
    }

    /** Funding received over the whole run (zero or more). */
    public BigDecimal fundingReceived() {
        return fundingReceived;
    }

    public BigDecimal cash() {
        return cash;
    }

    public String quoteAsset() {
        return quoteAsset;
    }

    public Position position(String symbol) {
        Holding h = holdings.get(symbol);
        if (h == null) {
            // Never traded yet: a derivative's flat position still carries the leverage its first entry will use.
            BigDecimal set = leverage.get(symbol);
            return set == null ? Position.flat(symbol) : new Position(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, set, BigDecimal.ZERO, java.util.Optional.empty(), BigDecimal.ONE);
        }
        if (h.instrument == null || !h.instrument.isDerivative()) {
            return new Position(symbol, h.quantity, h.averageCost, h.realized, h.fees, h.funding, BigDecimal.ONE, BigDecimal.ZERO,
                    java.util.Optional.empty(), BigDecimal.ONE);
        }
        BigDecimal lev = leverage(symbol);
        return new Position(symbol, h.quantity, h.averageCost, h.realized, h.fees, h.funding, lev,
                IsolatedMargin.initialMargin(h.instrument, h.quantity, h.averageCost, lev),
                IsolatedMargin.liquidationPrice(h.instrument, h.quantity, h.averageCost, lev), h.instrument.contractSize());
    }

    /**
     * The margin account of the derivatives positions: wallet (cash), their unrealized PnL at {@code marks},
     * their isolated margin, their maintenance margin, and what is left for new positions.
     */
    public io.tradekit.api.MarginAccount marginAccount(java.util.function.Function<String, BigDecimal> marks) {
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal maintenance = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        for (Map.Entry<String, Holding> e : holdings.entrySet()) {
            Holding h = e.getValue();
            if (h.quantity.signum() == 0 || h.instrument == null || !h.instrument.isDerivative()) continue;
            used = used.add(IsolatedMargin.initialMargin(h.instrument, h.quantity, h.averageCost, leverage(e.getKey())));
            maintenance = maintenance.add(IsolatedMargin.maintenanceMargin(h.instrument, h.quantity, h.averageCost));
            unrealized = unrealized.add(h.instrument.notional(h.quantity, marks.apply(e.getKey()).subtract(h.averageCost)));
        }
        return new io.tradekit.api.MarginAccount(quoteAsset, cash, unrealized, used, maintenance, cash.subtract(used));
    }

    public BigDecimal quantity(String symbol) {
        Holding h = holdings.get(symbol);
        return h == null ? BigDecimal.ZERO : h.quantity;
    }

    public Collection<Position> positions() {
        List<Position> all = new ArrayList<>();
        for (String symbol : holdings.keySet()) all.add(position(symbol));
        return all;
    }

    /** No position in any symbol; kept up to date by every change, because the engine asks on every bar. */
    public boolean isFlat() {
        return flat;
    }

    private void recountFlat() {
        boolean none = true;
        for (Holding h : holdings.values()) {
            if (h.quantity.signum() != 0) {
                none = false;
                break;
            }
        }
        flat = none;
    }

    /** Cash plus every position marked at the price {@code marks} gives for its symbol. */
    public BigDecimal equity(java.util.function.Function<String, BigDecimal> marks) {
        BigDecimal equity = cash;
        for (Map.Entry<String, Holding> e : holdings.entrySet()) {
            Holding h = e.getValue();
            if (h.quantity.signum() == 0) continue;
            BigDecimal mark = marks.apply(e.getKey());
            equity = equity.add(isDerivative(h) ? h.instrument.notional(h.quantity, mark.subtract(h.averageCost)) : h.quantity.multiply(mark));
        }
        return equity;
    }

    public BigDecimal unrealizedPnl(java.util.function.Function<String, BigDecimal> marks) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, Holding> e : holdings.entrySet()) {
            Holding h = e.getValue();
            if (h.quantity.signum() == 0) continue;
            BigDecimal gain = marks.apply(e.getKey()).subtract(h.averageCost).multiply(h.quantity);
            total = total.add(isDerivative(h) ? gain.multiply(h.instrument.contractSize()) : gain);
        }
        return total;
    }

    public BigDecimal totalFees() {
        return totalFees;
    }

    /** Realized trading PnL before fees. */
    public BigDecimal grossRealizedPnl() {
        return grossRealized;
    }

    public List<RoundTrip> roundTrips() {
        return roundTrips;
    }

    private static boolean isDerivative(Holding h) {
        return h.instrument != null && h.instrument.isDerivative();
    }

    private Holding holding(String symbol) {
        return holdings.computeIfAbsent(symbol, s -> new Holding());
    }

    private static final class Holding {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal averageCost = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal entryFees = BigDecimal.ZERO;
        BigDecimal funding = BigDecimal.ZERO;
        Instant openedAt = Instant.EPOCH;
        Instrument instrument;
    }
}
