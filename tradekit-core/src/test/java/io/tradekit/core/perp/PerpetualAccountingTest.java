package io.tradekit.core.perp;

import io.tradekit.api.Bar;
import io.tradekit.api.MarginAccount;
import io.tradekit.api.Position;
import io.tradekit.api.PositionSide;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.ExitReason;
import io.tradekit.core.PerpetualFigures;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.TradeKit;
import io.tradekit.core.sizing.FixedQuantity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 5x long and a 5x short of 10 ETH through the same four 4-hour bars, with funding at 08:00 (+0.01 %)
 * and 16:00 (-0.02 %), taker fee 5 bps, closed at the last bar's close: every figure computed by hand.
 *
 * <pre>
 * bars (open high low close)   b0 00-04h 2000 2000 2000 2000   b1 04-08h 2000 2100 1990 2050
 *                              b2 08-12h 2050 2060 2040 2040   b3 12-16h 2040 2080 2030 2080
 * open at b0's close, 10 ETH at 2000: notional 20000, fee 20000 × 0.0005 = 10, initial margin 20000 / 5 = 4000,
 *   maintenance margin 20000 × 0.005 = 100; wallet 10000 − 10 = 9990, available 9990 − 4000 = 5990
 *   liquidation long  = 2000 − (4000 − 100) / 10 = 1610;  short = 2000 + 390 = 2390
 * funding 08:00 at b1's close 2050, rate +0.0001: 10 × 2050 × 0.0001 = 2.05 (long pays, short receives)
 * funding 16:00 at b3's close 2080, rate −0.0002: 10 × 2080 × 0.0002 = 4.16 (long receives, short pays)
 * close at b3's close 2080 (after the 16:00 funding): gross ±(2080 − 2000) × 10 = ±800, fee 20800 × 0.0005 = 10.40
 * long:  9990 − 2.05 + 4.16 + 800 − 10.40 = 10781.71    short: 9990 + 2.05 − 4.16 − 800 − 10.40 = 9177.49
 * </pre>
 */
class PerpetualAccountingTest {

    static final List<Bar> BARS = PerpBars.bars("2000 2000 2000 2000", "2000 2100 1990 2050", "2050 2060 2040 2040", "2040 2080 2030 2080");
    static final FundingRates FUNDING = FundingRates.series(Map.of(
            Instant.parse("2024-01-01T08:00:00Z"), new BigDecimal("0.0001"),
            Instant.parse("2024-01-01T16:00:00Z"), new BigDecimal("-0.0002")));

    private static BacktestResult run(ScriptedSignals strategy) {
        return TradeKit.backtest().bars(BARS).instrument(PerpBars.ETH_PERP).strategy("scripted", strategy)
                .cash(new BigDecimal("10000")).fees(new BigDecimal("2"), new BigDecimal("5"))
                .sizer(new FixedQuantity(BigDecimal.TEN)).leverage(new BigDecimal("5")).funding(FUNDING).run();
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static BigDecimal ratio(String a, String b) {
        return d(a).divide(d(b), MathContext.DECIMAL64);
    }

    @Test
    void aFiveTimesLongPaysAndReceivesFundingAndClosesWithEveryFigureExact() {
        ScriptedSignals strategy = new ScriptedSignals(Map.of(0, Signal.BUY, 3, Signal.SELL));
        BacktestResult r = run(strategy);

        // At b1's close the 08:00 funding has been paid: wallet 9990 − 2.05 = 9987.95; unrealized (2050 − 2000) × 10 = 500.
        ScriptedSignals.Seen atB1 = strategy.seen.get(1);
        Position p = atB1.position();
        assertThat(p.side()).isEqualTo(PositionSide.LONG);
        assertThat(p.quantity()).isEqualByComparingTo("10");
        assertThat(p.entryPrice()).isEqualByComparingTo("2000");
        assertThat(p.leverage()).isEqualByComparingTo("5");
        assertThat(p.margin()).isEqualByComparingTo("4000");
        assertThat(p.liquidationPrice()).hasValueSatisfying(liq -> assertThat(liq).isEqualByComparingTo("1610"));
        assertThat(p.funding()).isEqualByComparingTo("2.05");
        assertThat(p.fees()).isEqualByComparingTo("10");
        assertThat(p.unrealizedPnl(d("2050"))).isEqualByComparingTo("500");
        MarginAccount a = atB1.account();
        assertThat(a.walletBalance()).isEqualByComparingTo("9987.95");
        assertThat(a.unrealizedPnl()).isEqualByComparingTo("500");
        assertThat(a.usedMargin()).isEqualByComparingTo("4000");
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("100");
        assertThat(a.availableBalance()).isEqualByComparingTo("5987.95");
        assertThat(a.equity()).isEqualByComparingTo("10487.95");
        assertThat(a.marginRatio()).isEqualByComparingTo(ratio("100", "10487.95"));

        // At b3's close, before the strategy closes: the 16:00 funding was received: 9987.95 + 4.16 = 9992.11.
        ScriptedSignals.Seen atB3 = strategy.seen.get(3);
        assertThat(atB3.account().walletBalance()).isEqualByComparingTo("9992.11");
        assertThat(atB3.position().funding()).isEqualByComparingTo("-2.11");

        assertThat(r.fills()).extracting(f -> f.side() + " " + f.price().stripTrailingZeros().toPlainString() + " "
                + f.quantity().stripTrailingZeros().toPlainString() + " fee " + f.fee().stripTrailingZeros().toPlainString())
                .containsExactly("BUY 2000 10 fee 10", "SELL 2080 10 fee 10.4");
        assertThat(r.fees()).isEqualByComparingTo("20.40");
        assertThat(r.realizedPnl()).isEqualByComparingTo("779.60"); // 800 − 20.40, funding apart
        assertThat(r.finalEquity()).isEqualByComparingTo("10781.71");
        RoundTrip trip = r.roundTrips().get(0);
        assertThat(trip.side()).isEqualTo(Side.BUY);
        assertThat(trip.pnl()).isEqualByComparingTo("779.60");
        PerpetualFigures perp = r.perpetual().orElseThrow();
        assertThat(perp.leverage()).isEqualByComparingTo("5");
        assertThat(perp.fundingPaid()).isEqualByComparingTo("2.05");
        assertThat(perp.fundingReceived()).isEqualByComparingTo("4.16");
        assertThat(perp.netFunding()).isEqualByComparingTo("2.11");
        // The lowest mark, 1990 on b1's path before any funding: notional 19900 over equity 9990 − 100 = 9890;
        // it is also the closest approach: (1990 − 1610) / 1990.
        assertThat(perp.maxLeverageUsed()).isEqualByComparingTo(ratio("19900", "9890"));
        assertThat(perp.closestLiquidationDistance()).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo(ratio("380", "1990")));
        assertThat(perp.liquidations()).isZero();
        assertThat(perp.liquidationFees()).isEqualByComparingTo("0");
    }

    @Test
    void aFiveTimesShortReceivesAndPaysFundingAndClosesWithEveryFigureExact() {
        ScriptedSignals strategy = new ScriptedSignals(Map.of(0, Signal.SELL, 3, Signal.BUY));
        BacktestResult r = run(strategy);

        // At b1's close the short received the 08:00 funding: 9990 + 2.05 = 9992.05; unrealized (2000 − 2050) × 10 = −500.
        ScriptedSignals.Seen atB1 = strategy.seen.get(1);
        Position p = atB1.position();
        assertThat(p.side()).isEqualTo(PositionSide.SHORT);
        assertThat(p.quantity()).isEqualByComparingTo("-10");
        assertThat(p.margin()).isEqualByComparingTo("4000");
        assertThat(p.liquidationPrice()).hasValueSatisfying(liq -> assertThat(liq).isEqualByComparingTo("2390"));
        assertThat(p.funding()).isEqualByComparingTo("-2.05");
        MarginAccount a = atB1.account();
        assertThat(a.walletBalance()).isEqualByComparingTo("9992.05");
        assertThat(a.unrealizedPnl()).isEqualByComparingTo("-500");
        assertThat(a.usedMargin()).isEqualByComparingTo("4000");
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("100");
        assertThat(a.availableBalance()).isEqualByComparingTo("5992.05");
        assertThat(a.equity()).isEqualByComparingTo("9492.05");

        // At b3's close the short has paid the 16:00 funding: 9992.05 − 4.16 = 9987.89.
        assertThat(strategy.seen.get(3).account().walletBalance()).isEqualByComparingTo("9987.89");

        assertThat(r.fills()).extracting(f -> f.side() + " " + f.price().stripTrailingZeros().toPlainString() + " "
                + f.quantity().stripTrailingZeros().toPlainString() + " fee " + f.fee().stripTrailingZeros().toPlainString())
                .containsExactly("SELL 2000 10 fee 10", "BUY 2080 10 fee 10.4");
        assertThat(r.fees()).isEqualByComparingTo("20.40");
        assertThat(r.realizedPnl()).isEqualByComparingTo("-820.40"); // −800 − 20.40
        assertThat(r.finalEquity()).isEqualByComparingTo("9177.49");
        assertThat(r.roundTrips()).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo(Side.SELL);
            assertThat(t.pnl()).isEqualByComparingTo("-820.40");
        });
        PerpetualFigures perp = r.perpetual().orElseThrow();
        assertThat(perp.fundingPaid()).isEqualByComparingTo("4.16");
        assertThat(perp.fundingReceived()).isEqualByComparingTo("2.05");
        // The highest mark, 2100 on b1's path before funding: notional 21000 over equity 9990 − 1000 = 8990;
        // the closest approach there too: (2390 − 2100) / 2100.
        assertThat(perp.maxLeverageUsed()).isEqualByComparingTo(ratio("21000", "8990"));
        assertThat(perp.closestLiquidationDistance()).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo(ratio("290", "2100")));
    }

    @Test
    void aPositionIsLiquidatedAtTheComputedPriceWithTheVenuesFee() {
        // b1 opens at 1900 (a gap above 1610), goes to 1950 first (50 away against 300), then down through 1610.
        List<Bar> bars = PerpBars.bars("2000 2000 2000 2000", "1900 1950 1600 1700", "1700 1710 1690 1700");
        ScriptedSignals strategy = new ScriptedSignals(Map.of(0, Signal.BUY));
        BacktestResult r = TradeKit.backtest().bars(bars).instrument(PerpBars.ETH_PERP).strategy("scripted", strategy)
                .cash(new BigDecimal("10000")).fees(new BigDecimal("2"), new BigDecimal("5"))
                .sizer(new FixedQuantity(BigDecimal.TEN)).leverage(new BigDecimal("5")).run();

        // Liquidated at 1610: gross (1610 − 2000) × 10 = −3900, liquidation fee 16100 × 0.0006 = 9.66.
        // Wallet 9990 − 3900 − 9.66 = 6080.34: the 4000 of margin lost but the maintenance margin, less the fee.
        assertThat(r.fills()).hasSize(2);
        var liquidation = r.fills().get(1);
        assertThat(liquidation.side()).isEqualTo(Side.SELL);
        assertThat(liquidation.price()).isEqualByComparingTo("1610");
        assertThat(liquidation.quantity()).isEqualByComparingTo("10");
        assertThat(liquidation.fee()).isEqualByComparingTo("9.66");
        assertThat(liquidation.time()).isAfter(bars.get(1).openTime()).isBefore(bars.get(1).closeTime());
        assertThat(r.roundTrips()).singleElement().satisfies(t -> {
            assertThat(t.exitReason()).isEqualTo(ExitReason.LIQUIDATION);
            assertThat(t.pnl()).isEqualByComparingTo("-3919.66"); // −3900 − 10 − 9.66
        });
        assertThat(r.finalEquity()).isEqualByComparingTo("6080.34");
        assertThat(r.orders()).anySatisfy(o -> {
            assertThat(o.tag()).isEqualTo("liquidation");
            assertThat(o.reduceOnly()).isTrue();
        });
        assertThat(strategy.seen.get(2).position().isFlat()).isTrue();
        assertThat(strategy.seen.get(2).account().walletBalance()).isEqualByComparingTo("6080.34");
        PerpetualFigures perp = r.perpetual().orElseThrow();
        assertThat(perp.liquidations()).isEqualTo(1);
        assertThat(perp.liquidationFees()).isEqualByComparingTo("9.66");
        assertThat(perp.closestLiquidationDistance()).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("0"));
    }

    @Test
    void aCloseGoesThroughWhenFundingHasTakenTheFreeBalanceBelowZero() {
        // All in at 5x: the whole wallet is margin, so the 08:00 funding the long pays leaves the free balance negative.
        ScriptedSignals strategy = new ScriptedSignals(Map.of(0, Signal.BUY, 3, Signal.SELL));
        BacktestResult r = TradeKit.backtest().bars(BARS).instrument(PerpBars.ETH_PERP).strategy("scripted", strategy)
                .cash(new BigDecimal("10000")).fees(new BigDecimal("2"), new BigDecimal("5"))
                .leverage(new BigDecimal("5")).funding(FUNDING).run();
        assertThat(strategy.seen.get(1).account().availableBalance()).isNegative();
        assertThat(r.fills()).extracting(f -> f.side()).containsExactly(Side.BUY, Side.SELL);
        assertThat(strategy.seen.get(3).position().isFlat()).isFalse();
        assertThat(r.roundTrips()).hasSize(1);
    }

    @Test
    void entriesAreSizedSoThatTheirMarginAndFeeFitTheAvailableBalance() {
        // Half the equity as margin at 3x: 5000 / (2000 × (1/3 + 0.0005)) = 7.4888…, down to the step: 7.488.
        ScriptedSignals strategy = new ScriptedSignals(Map.of(0, Signal.SELL));
        BacktestResult r = TradeKit.backtest().bars(BARS).instrument(PerpBars.ETH_PERP).strategy("scripted", strategy)
                .cash(new BigDecimal("10000")).fees(new BigDecimal("2"), new BigDecimal("5"))
                .sizer(new io.tradekit.core.sizing.PercentOfEquity(new BigDecimal("0.5"))).leverage(new BigDecimal("3")).run();
        assertThat(r.fills().get(0).side()).isEqualTo(Side.SELL);
        assertThat(r.fills().get(0).quantity()).isEqualByComparingTo("7.488");
    }
}
