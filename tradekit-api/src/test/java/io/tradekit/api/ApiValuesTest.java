package io.tradekit.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiValuesTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void timeframesParseAndPrintTheWayVenuesWriteThem() {
        assertThat(Timeframe.parse("5m").duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(Timeframe.parse("4h").toString()).isEqualTo("4h");
        assertThat(Timeframe.parse("1w").duration()).isEqualTo(Duration.ofDays(7));
        assertThat(Timeframe.parse("90s").toString()).isEqualTo("90s");
        assertThatThrownBy(() -> Timeframe.parse("5 minutes")).isInstanceOf(InvalidInputException.class).hasMessageContaining("5 minutes");
        assertThatThrownBy(() -> Timeframe.parse("0m")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aBarMustEncloseItsOpenAndClose() {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        assertThatThrownBy(() -> new Bar("X", Timeframe.M1, t, d("10"), d("9"), d("8"), d("9"), d("1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("high/low");
        Bar ok = new Bar("X", Timeframe.M1, t, d("10"), d("11"), d("8"), d("9"), d("1"));
        assertThat(ok.closeTime()).isEqualTo(t.plusSeconds(60));
    }

    @Test
    void instrumentFiltersNameTheRuleThatBroke() {
        Instrument btc = new Instrument("BTCUSDT", "BTC", "USDT", d("0.01"), d("0.00001"), d("0.00001"), d("5"));
        btc.check(d("0.0005"), d("10000"), true); // exactly the minimum notional
        assertThatThrownBy(() -> btc.check(d("0.00049"), d("10000"), true))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.rule()).isEqualTo("MIN_NOTIONAL"));
        assertThatThrownBy(() -> btc.check(d("0.001"), d("10000.005"), true))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.rule()).isEqualTo("PRICE_FILTER"));
        assertThatThrownBy(() -> new Instrument("X", "A", "B", d("0"), d("1"), d("0"), d("0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tickSize");
    }

    @Test
    void paramsNameTheOwnerAndTheParameter() {
        Params p = Params.of("sma-cross", Map.of("fast", "ten", "slow", "30", "mode", "next-open"));
        assertThat(p.integer("slow", 0)).isEqualTo(30);
        assertThatThrownBy(() -> p.integer("fast", 10)).hasMessage("sma-cross: parameter 'fast' is 'ten', expected a whole number");
        assertThatThrownBy(() -> p.requireOnly(Set.of("fast", "slow")))
                .hasMessageContaining("unknown parameter 'mode'").hasMessageContaining("fast, slow");
        assertThatThrownBy(() -> p.requiredText("symbol")).hasMessage("sma-cross: parameter 'symbol' is required");
    }

    @Test
    void riskLimitFractionsAreFractions() {
        RiskLimits limits = RiskLimits.builder().maxDrawdown(d("0.05")).maxDailyLoss(d("250")).build();
        assertThat(limits.rules()).containsExactly(RiskLimits.MAX_DRAWDOWN, RiskLimits.MAX_DAILY_LOSS);
        assertThat(limits.decimal(RiskLimits.MAX_DRAWDOWN)).contains(d("0.05"));
        assertThatThrownBy(() -> RiskLimits.builder().maxDrawdown(d("5")).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("write 0.05 for 5 %");
        assertThatThrownBy(() -> RiskLimits.builder().limit("max-data-age", "soon").build().duration("max-data-age"))
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        Credentials c = new Credentials("my-api-key-123456", "top-secret-value");
        assertThat(c.toString()).doesNotContain("my-api-key").doesNotContain("123456").doesNotContain("top-secret");
    }

    @Test
    void ordersCarryOnlyLegalClientIdsAndMarketOrdersHaveNoPrice() {
        assertThatThrownBy(() -> OrderRequest.of("has space", OrderIntent.market("X", Side.BUY, d("1"))))
                .hasMessageContaining("[A-Za-z0-9_-]{1,36}");
        assertThatThrownBy(() -> new OrderIntent("X", Side.BUY, OrderType.MARKET, d("1"), Optional.of(d("2")), TimeInForce.GTC, false, ""))
                .hasMessageContaining("must not carry a limit price");
        assertThatThrownBy(() -> new OrderIntent("X", Side.BUY, OrderType.LIMIT, d("1"), Optional.empty(), TimeInForce.GTC, false, ""))
                .hasMessageContaining("needs a limit price");
        assertThat(OrderStatus.UNKNOWN.isOpen()).isTrue();
        assertThat(SafetyAction.mostSevere(SafetyAction.PAUSE, SafetyAction.FLATTEN)).isEqualTo(SafetyAction.FLATTEN);
    }

    @Test
    void anOrdersRemainingQuantityIsItsQuantityLessWhatFilledAtTheScaleTheSubtractionGives() {
        Order order = Order.pendingNew(new OrderRequest("r-1", "BTCUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal("1.50"),
                Optional.of(new BigDecimal("100")), TimeInForce.GTC, false), "", Instant.EPOCH);
        Instant t = Instant.EPOCH;

        assertThat(order.remainingQuantity()).isSameAs(order.quantity()); // nothing filled: the quantity itself
        assertThat(order.withFilled(new BigDecimal("0.000"), BigDecimal.ZERO, OrderStatus.NEW, t).remainingQuantity())
                .hasToString("1.500"); // a zero with more decimals gives them, as the subtraction does
        assertThat(order.withFilled(new BigDecimal("0.5"), new BigDecimal("100"), OrderStatus.PARTIALLY_FILLED, t).remainingQuantity())
                .hasToString("1.00");
        assertThat(order.withFilled(new BigDecimal("1.75"), new BigDecimal("100"), OrderStatus.FILLED, t).remainingQuantity())
                .hasToString("-0.25");
    }
}
