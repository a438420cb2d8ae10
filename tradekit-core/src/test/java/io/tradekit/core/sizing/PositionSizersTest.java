package io.tradekit.core.sizing;

import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static io.tradekit.core.safety.TestBars.BINANCE_BTCUSDT;
import static io.tradekit.core.safety.TestBars.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in sizers against Binance BTCUSDT's real filters: tick 0.01, step 0.00001, min quantity 0.00001, min notional 5. */
class PositionSizersTest {

    private static final Instrument BTC = BINANCE_BTCUSDT;
    private static final BigDecimal FEE = d("0.001");

    private static SizingInput at(String price, String equity, String cash, BigDecimal fee, Optional<BigDecimal> stop) {
        return new SizingInput(BTC, d(price), d(equity), d(cash), fee, stop);
    }

    @Test
    void fixedQuoteSpendsTheAmountWithTheFeeAndRoundsDownToTheStep() {
        SizingDecision s = SizingDecision.entry(PositionSizers.fixedQuote(d("100")), at("50000", "10000", "10000", FEE, Optional.empty()));
        // 100 / (50000 * 1.001) = 0.001998001..., down to the step 0.00001
        assertThat(s.isRefused()).isFalse();
        assertThat(s.quantity()).isEqualByComparingTo("0.00199");
        assertThat(s.quantity().multiply(d("50050"))).isLessThanOrEqualTo(d("100"));
    }

    @Test
    void anOrderExactlyAtTheMinimumNotionalIsTaken() {
        SizingDecision s = SizingDecision.entry(PositionSizers.fixedQuote(d("5")), at("50000", "10000", "10000", BigDecimal.ZERO, Optional.empty()));
        assertThat(s.isRefused()).isFalse();
        assertThat(s.quantity()).isEqualByComparingTo("0.0001");
        assertThat(s.quantity().multiply(d("50000"))).isEqualByComparingTo("5");
    }

    @Test
    void anOrderJustBelowTheMinimumNotionalIsRefusedWithTheRule() {
        SizingDecision s = SizingDecision.entry(PositionSizers.fixedQuote(d("4.99")), at("50000", "10000", "10000", BigDecimal.ZERO, Optional.empty()));
        // 4.99 / 50000 = 0.0000998, down to 0.00009: notional 4.5
        assertThat(s.isRefused()).isTrue();
        assertThat(s.quantity()).isZero();
        assertThat(s.refusal().orElseThrow())
                .startsWith("fixed-quote:4.99 sizing gives 0.0000998 BTC, rounded down to 0.00009 at 50000")
                .contains("notional 4.5 is below the minimum notional 5");
    }

    @Test
    void theFeeCanPushAnOrderThatWouldBeExactlyAtTheMinimumBelowIt() {
        SizingDecision s = SizingDecision.entry(PositionSizers.fixedQuote(d("5")), at("50000", "10000", "10000", FEE, Optional.empty()));
        // 5 / 50050 = 0.0000999..., down to 0.00009: paying the fee out of 5 leaves less than 5 of notional
        assertThat(s.isRefused()).isTrue();
        assertThat(s.refusal().orElseThrow()).contains("below the minimum notional 5");
    }

    @Test
    void percentOfEquityNeverSpendsMoreThanTheCashIncludingTheFee() {
        BigDecimal price = d("43210.37");
        SizingDecision s = SizingDecision.entry(PercentOfEquity.all(), at("43210.37", "1000", "1000", FEE, Optional.empty()));
        BigDecimal costPerUnit = price.multiply(d("1.001"));
        assertThat(s.quantity().multiply(costPerUnit)).isLessThanOrEqualTo(d("1000"));
        assertThat(s.quantity().add(BTC.stepSize()).multiply(costPerUnit)).isGreaterThan(d("1000"));
        assertThat(BTC.isOnStep(s.quantity())).isTrue();
    }

    @Test
    void percentOfEquityTakesItsFractionOfEquityButNoMoreThanTheCash() {
        SizingDecision half = SizingDecision.entry(new PercentOfEquity(d("0.5")), at("100", "10000", "10000", BigDecimal.ZERO, Optional.empty()));
        assertThat(half.quantity()).isEqualByComparingTo("50");
        SizingDecision cashBound = SizingDecision.entry(new PercentOfEquity(d("0.5")), at("100", "10000", "1000", BigDecimal.ZERO, Optional.empty()));
        assertThat(cashBound.quantity()).isEqualByComparingTo("10");
    }

    @Test
    void fixedQuantityIsCappedAtWhatTheCashPaysFor() {
        assertThat(SizingDecision.entry(PositionSizers.fixedQuantity(d("0.01")), at("50000", "10000", "10000", FEE, Optional.empty()))
                .quantity()).isEqualByComparingTo("0.01");
        // 100 USDT at 50050 per BTC with the fee pays for 0.00199 BTC
        assertThat(SizingDecision.entry(PositionSizers.fixedQuantity(d("0.01")), at("50000", "10000", "100", FEE, Optional.empty()))
                .quantity()).isEqualByComparingTo("0.00199");
    }

    @Test
    void riskPerTradeLosesTheFractionOfEquityAtTheStopFeesIncluded() {
        SizingDecision s = SizingDecision.entry(PositionSizers.riskPerTrade(d("0.01")),
                at("50000", "10000", "10000", FEE, Optional.of(d("1000"))));
        // each BTC loses 1000 at the stop plus fees 0.001 * (50000 + 49000) = 99: 100 / 1099 = 0.0909918..., down to the step
        assertThat(s.quantity()).isEqualByComparingTo("0.09099");
        BigDecimal lossAtStop = s.quantity().multiply(d("1000")).add(s.quantity().multiply(d("50000")).multiply(FEE))
                .add(s.quantity().multiply(d("49000")).multiply(FEE));
        assertThat(lossAtStop).isLessThanOrEqualTo(d("100"));
    }

    @Test
    void riskPerTradeWithoutAStopIsRefusedAndSaysWhatToConfigure() {
        SizingDecision s = SizingDecision.entry(PositionSizers.riskPerTrade(d("0.01")), at("50000", "10000", "10000", FEE, Optional.empty()));
        assertThat(s.isRefused()).isTrue();
        assertThat(s.refusal().orElseThrow()).contains("needs a stop distance").contains("stop-loss protection");
    }

    @Test
    void aSizerWithNothingToSpendIsRefusedWithTheAccount() {
        SizingDecision s = SizingDecision.entry(PercentOfEquity.all(), at("50000", "0", "0", FEE, Optional.empty()));
        assertThat(s.refusal().orElseThrow()).isEqualTo("percent:1 sizing gives no quantity (equity 0, free cash 0 USDT)");
    }

    @Test
    void pricesRoundInTheDirectionThatNeverBreaksALimit() {
        assertThat(OrderRounding.price(d("50000.019"), Side.BUY, BTC)).isEqualByComparingTo("50000.01");
        assertThat(OrderRounding.price(d("50000.011"), Side.SELL, BTC)).isEqualByComparingTo("50000.02");
        assertThat(OrderRounding.quantityDown(d("0.000019999"), BTC)).isEqualByComparingTo("0.00001");
    }

    @Test
    void anIntentAlreadyOnTheGridKeepsItsNumbersAndOneOffItIsRoundedAsEver() {
        io.tradekit.api.OrderIntent onGrid = io.tradekit.api.OrderIntent.limit("BTCUSDT", Side.BUY, d("0.01"), d("50000.01"));
        assertThat(OrderRounding.round(onGrid, BTC)).isSameAs(onGrid);

        // 50000.10 is on the tick but keeps a trailing zero: rounding strips it, as it always has.
        io.tradekit.api.OrderIntent offGrid = io.tradekit.api.OrderIntent.limit("BTCUSDT", Side.SELL, d("0.0100099"), d("50000.10"));
        io.tradekit.api.OrderIntent rounded = OrderRounding.round(offGrid, BTC);
        assertThat(rounded.quantity()).hasToString("0.01");
        assertThat(rounded.limitPrice()).hasValueSatisfying(p -> assertThat(p).hasToString("50000.1"));

        io.tradekit.api.OrderIntent priceOff = io.tradekit.api.OrderIntent.limit("BTCUSDT", Side.BUY, d("0.01"), d("50000.019"));
        io.tradekit.api.OrderIntent roundedPrice = OrderRounding.round(priceOff, BTC);
        assertThat(roundedPrice.quantity()).isSameAs(priceOff.quantity());
        assertThat(roundedPrice.limitPrice()).hasValueSatisfying(p -> assertThat(p).hasToString("50000.01"));
    }

    @Test
    void sizersAreReadFromTextAndWrittenBackTheSameWay() {
        assertThat(PositionSizers.parse("percent:0.5")).isEqualTo(new PercentOfEquity(d("0.5")));
        assertThat(PositionSizers.parse("percent:50%")).isEqualTo(new PercentOfEquity(d("0.50")));
        assertThat(PositionSizers.parse("fixed-qty:0.01")).isEqualTo(new FixedQuantity(d("0.01")));
        assertThat(PositionSizers.parse(" fixed-quote : 100 ")).isEqualTo(new FixedQuote(d("100")));
        assertThat(PositionSizers.parse("risk:0.01")).isEqualTo(new RiskPerTrade(d("0.01")));
        assertThat(PositionSizers.parse("risk:1%")).isEqualTo(new RiskPerTrade(d("0.01")));
        for (String text : new String[]{"percent:0.5", "fixed-qty:0.01", "fixed-quote:100", "risk:0.01"}) {
            assertThat(PositionSizers.parse(text).describe()).isEqualTo(text);
        }
    }

    @Test
    void aSizerTextThatCannotBeReadNamesWhatIsWrong() {
        assertThatThrownBy(() -> PositionSizers.parse("percent")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'percent' is not kind:value");
        assertThatThrownBy(() -> PositionSizers.parse("kelly:0.5")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown kind 'kelly'").hasMessageContaining("fixed-quote:<quote amount>");
        assertThatThrownBy(() -> PositionSizers.parse("fixed-quote:ten")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'ten' is not a decimal number");
        assertThatThrownBy(() -> PositionSizers.parse("percent:1.5")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fraction must be in (0, 1]");
        assertThatThrownBy(() -> PositionSizers.parse("risk:1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("write 0.01 for 1 %");
    }
}
