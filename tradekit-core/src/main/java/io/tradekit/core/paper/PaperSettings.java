package io.tradekit.core.paper;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Instrument;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a paper venue behaves: its instruments, the account's starting balances, maker and taker fees in
 * basis points, slippage in basis points on market orders (never on limit orders), the fill model, and
 * the participation cap: the fraction of a bar's volume the account may trade in that bar (0: no cap), and
 * the funding rates its perpetual instruments settle at (none by default).
 *
 * <pre>{@code PaperSettings s = PaperSettings.of(instrument, new BigDecimal("10000")).withFees(bps(2), bps(10));}</pre>
 */
public record PaperSettings(Map<String, Instrument> instruments, Map<String, BigDecimal> balances,
                            BigDecimal makerFeeBps, BigDecimal takerFeeBps, BigDecimal slippageBps, FillModel fillModel,
                            BigDecimal participationCap, io.tradekit.core.perp.FundingRates funding) {

    public PaperSettings {
        if (funding == null) funding = io.tradekit.core.perp.FundingRates.NONE;
        if (participationCap == null) participationCap = BigDecimal.ZERO;
        if (participationCap.signum() < 0 || participationCap.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("paper exchange: participationCap must be between 0 (no cap) and 1, got " + participationCap);
        }
        instruments = Map.copyOf(instruments);
        balances = Map.copyOf(balances);
        requireNonNegative(makerFeeBps, "makerFeeBps");
        requireNonNegative(takerFeeBps, "takerFeeBps");
        requireNonNegative(slippageBps, "slippageBps");
        Objects.requireNonNull(fillModel, "fillModel");
        if (instruments.isEmpty()) throw new InvalidInputException("paper exchange: at least one instrument is needed");
        for (Map.Entry<String, BigDecimal> b : balances.entrySet()) {
            if (b.getValue().signum() < 0) throw new InvalidInputException("paper exchange: balance of " + b.getKey() + " must not be negative");
        }
    }

    /** Settings without a participation cap: every order may fill in full whatever the bar's volume. */
    public PaperSettings(Map<String, Instrument> instruments, Map<String, BigDecimal> balances,
                         BigDecimal makerFeeBps, BigDecimal takerFeeBps, BigDecimal slippageBps, FillModel fillModel) {
        this(instruments, balances, makerFeeBps, takerFeeBps, slippageBps, fillModel, BigDecimal.ZERO);
    }

    /** Settings without funding: perpetual positions settle at rate zero. */
    public PaperSettings(Map<String, Instrument> instruments, Map<String, BigDecimal> balances,
                         BigDecimal makerFeeBps, BigDecimal takerFeeBps, BigDecimal slippageBps, FillModel fillModel,
                         BigDecimal participationCap) {
        this(instruments, balances, makerFeeBps, takerFeeBps, slippageBps, fillModel, participationCap, null);
    }

    /** One instrument and a starting cash in its quote asset; 10 bps taker, 10 bps maker, no slippage, fills at close. */
    public static PaperSettings of(Instrument instrument, BigDecimal quoteCash) {
        return new PaperSettings(Map.of(instrument.symbol(), instrument), Map.of(instrument.quoteAsset(), quoteCash),
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, FillModel.CLOSE);
    }

    public static PaperSettings of(List<Instrument> instruments, Map<String, BigDecimal> balances) {
        Map<String, Instrument> bySymbol = new LinkedHashMap<>();
        for (Instrument i : instruments) bySymbol.put(i.symbol(), i);
        return new PaperSettings(bySymbol, balances, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, FillModel.CLOSE);
    }

    /**
     * What a market buy may cost beyond its reference price, as a fraction: the larger fee compounded with
     * the slippage. The engine sizes a buy at one tick above the last price with this rate, so that an
     * all-in order stays affordable however the slipped price rounds to the tick.
     */
    public BigDecimal buyCostRate() {
        BigDecimal fee = BigDecimal.ONE.add(takerFeeBps.max(makerFeeBps).movePointLeft(4));
        BigDecimal slip = BigDecimal.ONE.add(slippageBps.movePointLeft(4));
        return fee.multiply(slip).subtract(BigDecimal.ONE);
    }

    /**
     * The sizer to use against this venue: {@code sizer} itself, or, when the venue slips market buys,
     * {@code sizer} asked at one tick up ({@link io.tradekit.core.sizing.TickCushion}).
     */
    public io.tradekit.core.sizing.PositionSizer sizerFor(io.tradekit.core.sizing.PositionSizer sizer) {
        return slippageBps.signum() > 0 ? new io.tradekit.core.sizing.TickCushion(sizer) : sizer;
    }

    public PaperSettings withFees(BigDecimal makerBps, BigDecimal takerBps) {
        return new PaperSettings(instruments, balances, makerBps, takerBps, slippageBps, fillModel, participationCap, funding);
    }

    public PaperSettings withSlippage(BigDecimal bps) {
        return new PaperSettings(instruments, balances, makerFeeBps, takerFeeBps, bps, fillModel, participationCap, funding);
    }

    public PaperSettings withFillModel(FillModel model) {
        return new PaperSettings(instruments, balances, makerFeeBps, takerFeeBps, slippageBps, model, participationCap, funding);
    }

    public PaperSettings withBalances(Map<String, BigDecimal> newBalances) {
        return new PaperSettings(instruments, newBalances, makerFeeBps, takerFeeBps, slippageBps, fillModel, participationCap, funding);
    }

    /** At most {@code fraction} of each bar's volume fills for this account in that bar; the rest stays open. */
    public PaperSettings withParticipationCap(BigDecimal fraction) {
        return new PaperSettings(instruments, balances, makerFeeBps, takerFeeBps, slippageBps, fillModel, fraction, funding);
    }

    /** The rates the venue settles its perpetual positions' funding at, every instrument's funding interval. */
    public PaperSettings withFunding(io.tradekit.core.perp.FundingRates rates) {
        return new PaperSettings(instruments, balances, makerFeeBps, takerFeeBps, slippageBps, fillModel, participationCap, rates);
    }

    private static void requireNonNegative(BigDecimal v, String name) {
        if (v == null || v.signum() < 0) throw new InvalidInputException("paper exchange: " + name + " must be zero or more, got " + v);
    }
}
