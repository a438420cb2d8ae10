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
 *
 * @param instruments the tradable instruments by symbol; at least one
 * @param balances the account's starting balances by asset; none negative
 * @param makerFeeBps the fee on fills of resting orders, in basis points of the notional (10 is 0.1 %); not negative
 * @param takerFeeBps the fee on fills of orders that take liquidity, in basis points of the notional; not negative
 * @param slippageBps how much worse than the reference price a market order fills, in basis points; not negative
 * @param fillModel where market orders fill when prices come from bars; never null
 * @param participationCap the fraction of a bar's volume the account may trade in that bar, within [0, 1]; 0 (or
 *        null) means no cap
 * @param funding the funding rates perpetual positions settle at; null means {@link io.tradekit.core.perp.FundingRates#NONE}
 */
public record PaperSettings(Map<String, Instrument> instruments, Map<String, BigDecimal> balances,
                            BigDecimal makerFeeBps, BigDecimal takerFeeBps, BigDecimal slippageBps, FillModel fillModel,
                            BigDecimal participationCap, io.tradekit.core.perp.FundingRates funding) {

    /**
     * Checks the settings and copies the maps; a null cap becomes 0 and null funding {@code NONE}.
     *
     * @throws InvalidInputException if there is no instrument, a fee, the slippage or a balance is negative, or the
     *         participation cap is outside [0, 1]
     * @throws NullPointerException if a map or the fill model is null
     */
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

    /**
     * Settings without a participation cap: every order may fill in full whatever the bar's volume.
     *
     * @param instruments the tradable instruments by symbol; at least one
     * @param balances the account's starting balances by asset
     * @param makerFeeBps the maker fee in basis points
     * @param takerFeeBps the taker fee in basis points
     * @param slippageBps the market-order slippage in basis points
     * @param fillModel where market orders fill
     */
    public PaperSettings(Map<String, Instrument> instruments, Map<String, BigDecimal> balances,
                         BigDecimal makerFeeBps, BigDecimal takerFeeBps, BigDecimal slippageBps, FillModel fillModel) {
        this(instruments, balances, makerFeeBps, takerFeeBps, slippageBps, fillModel, BigDecimal.ZERO);
    }

    /**
     * Settings without funding: perpetual positions settle at rate zero.
     *
     * @param instruments the tradable instruments by symbol; at least one
     * @param balances the account's starting balances by asset
     * @param makerFeeBps the maker fee in basis points
     * @param takerFeeBps the taker fee in basis points
     * @param slippageBps the market-order slippage in basis points
     * @param fillModel where market orders fill
     * @param participationCap the fraction of a bar's volume the account may trade, within [0, 1]; 0 for no cap
     */
    public PaperSettings(Map<String, Instrument> instruments, Map<String, BigDecimal> balances,
                         BigDecimal makerFeeBps, BigDecimal takerFeeBps, BigDecimal slippageBps, FillModel fillModel,
                         BigDecimal participationCap) {
        this(instruments, balances, makerFeeBps, takerFeeBps, slippageBps, fillModel, participationCap, null);
    }

    /**
     * One instrument and a starting cash in its quote asset; 10 bps taker, 10 bps maker, no slippage, fills at close.
     *
     * @param instrument the one instrument
     * @param quoteCash the starting balance of its quote asset
     * @return the settings
     */
    public static PaperSettings of(Instrument instrument, BigDecimal quoteCash) {
        return new PaperSettings(Map.of(instrument.symbol(), instrument), Map.of(instrument.quoteAsset(), quoteCash),
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, FillModel.CLOSE);
    }

    /**
     * Several instruments and starting balances; 10 bps taker, 10 bps maker, no slippage, fills at close.
     *
     * @param instruments the instruments; a later one with the same symbol replaces an earlier one
     * @param balances the starting balances by asset
     * @return the settings
     */
    public static PaperSettings of(List<Instrument> instruments, Map<String, BigDecimal> balances) {
        Map<String, Instrument> bySymbol = new LinkedHashMap<>();
        for (Instrument i : instruments) bySymbol.put(i.symbol(), i);
        return new PaperSettings(bySymbol, balances, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, FillModel.CLOSE);
    }

    /**
     * What a market buy may cost beyond its reference price, as a fraction: the larger fee compounded with
     * the slippage. The engine sizes a buy at one tick above the last price with this rate, so that an
     * all-in order stays affordable however the slipped price rounds to the tick.
     *
     * @return the rate, e.g. 0.001 for a 10 bps fee without slippage
     */
    public BigDecimal buyCostRate() {
        BigDecimal fee = BigDecimal.ONE.add(takerFeeBps.max(makerFeeBps).movePointLeft(4));
        BigDecimal slip = BigDecimal.ONE.add(slippageBps.movePointLeft(4));
        return fee.multiply(slip).subtract(BigDecimal.ONE);
    }

    /**
     * The sizer to use against this venue: {@code sizer} itself, or, when the venue slips market buys,
     * {@code sizer} asked at one tick up ({@link io.tradekit.core.sizing.TickCushion}).
     *
     * @param sizer the strategy's sizer
     * @return the sizer to use
     */
    public io.tradekit.core.sizing.PositionSizer sizerFor(io.tradekit.core.sizing.PositionSizer sizer) {
        return slippageBps.signum() > 0 ? new io.tradekit.core.sizing.TickCushion(sizer) : sizer;
    }

    /**
     * A copy with other fees.
     *
     * @param makerBps the maker fee in basis points; not negative
     * @param takerBps the taker fee in basis points; not negative
     * @return the new settings
     */
    public PaperSettings withFees(BigDecimal makerBps, BigDecimal takerBps) {
        return new PaperSettings(instruments, balances, makerBps, takerBps, slippageBps, fillModel, participationCap, funding);
    }

    /**
     * A copy with another slippage on market orders.
     *
     * @param bps the slippage in basis points; not negative
     * @return the new settings
     */
    public PaperSettings withSlippage(BigDecimal bps) {
        return new PaperSettings(instruments, balances, makerFeeBps, takerFeeBps, bps, fillModel, participationCap, funding);
    }

    /**
     * A copy with another fill model.
     *
     * @param model where market orders fill
     * @return the new settings
     */
    public PaperSettings withFillModel(FillModel model) {
        return new PaperSettings(instruments, balances, makerFeeBps, takerFeeBps, slippageBps, model, participationCap, funding);
    }

    /**
     * A copy with other starting balances.
     *
     * @param newBalances the balances by asset; none negative
     * @return the new settings
     */
    public PaperSettings withBalances(Map<String, BigDecimal> newBalances) {
        return new PaperSettings(instruments, newBalances, makerFeeBps, takerFeeBps, slippageBps, fillModel, participationCap, funding);
    }

    /**
     * At most {@code fraction} of each bar's volume fills for this account in that bar; the rest stays open.
     *
     * @param fraction within [0, 1]; 0 means no cap
     * @return the new settings
     */
    public PaperSettings withParticipationCap(BigDecimal fraction) {
        return new PaperSettings(instruments, balances, makerFeeBps, takerFeeBps, slippageBps, fillModel, fraction, funding);
    }

    /**
     * The rates the venue settles its perpetual positions' funding at, every instrument's funding interval.
     *
     * @param rates the rates; null means none
     * @return the new settings
     */
    public PaperSettings withFunding(io.tradekit.core.perp.FundingRates rates) {
        return new PaperSettings(instruments, balances, makerFeeBps, takerFeeBps, slippageBps, fillModel, participationCap, rates);
    }

    private static void requireNonNegative(BigDecimal v, String name) {
        if (v == null || v.signum() < 0) throw new InvalidInputException("paper exchange: " + name + " must be zero or more, got " + v);
    }
}
