package io.tradekit.bybit.internal;

import io.tradekit.api.FundingPayment;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.core.net.VenueJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The create body on each category, and a funding execution read as Bybit documents it. */
class OrderMappingTest {

    private static final OrderRequest REDUCING_SELL = new OrderRequest("c-1", "BTCUSDT", Side.SELL, OrderType.MARKET, new BigDecimal("0.010"),
            Optional.empty(), TimeInForce.GTC, true);

    @Test
    void aLinearOrderNamesTheOneWayPositionAndSendsReduceOnlyAsAJsonBoolean() {
        assertThat(OrderMapping.create("linear", true, REDUCING_SELL).json()).isEqualTo(
                "{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"side\":\"Sell\",\"orderType\":\"Market\",\"qty\":\"0.01\","
                        + "\"orderLinkId\":\"c-1\",\"positionIdx\":0,\"reduceOnly\":true}");
    }

    @Test
    void aSpotMarketOrderIsSizedInTheBaseCoinAndCarriesNoPositionFields() {
        assertThat(OrderMapping.create("spot", false, REDUCING_SELL).json()).isEqualTo(
                "{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"side\":\"Sell\",\"orderType\":\"Market\",\"qty\":\"0.01\","
                        + "\"marketUnit\":\"baseCoin\",\"orderLinkId\":\"c-1\"}");
    }

    /**
     * Bybit's documented Funding execution (v5/pre-upgrade/execution.mdx): a short (side Sell) of 0.011 at mark
     * 28399.90 paid execFee 0.6364003 with feeRate 0.00203714, which Bybit gives as the short's view of the rate
     * (for side=Sell, feeRate = - market rate): the market rate was -0.00203714, and -0.011 × 28399.90 × -0.00203714
     * = 0.63640... paid.
     */
    @Test
    void aFundingExecutionIsThePaymentOfThePositionWithTheMarketsRate() {
        FundingPayment p = OrderMapping.funding(VenueJson.read("""
                {"symbol":"BTCUSDT","orderId":"1682553600-BTCUSDT-592334-Sell","orderLinkId":"","side":"Sell","orderPrice":"0.00",
                 "orderQty":"0.000","leavesQty":"0.000","orderType":"UNKNOWN","stopOrderType":"UNKNOWN","execFee":"0.6364003",
                 "execId":"11f1c4ed-ff20-4d73-acb7-96e43a917f25","execPrice":"28399.90","execQty":"0.011","execType":"Funding",
                 "execValue":"312.3989","execTime":"1682553600000","isMaker":false,"feeRate":"0.00203714","markPrice":"28399.90"}"""));

        assertThat(p.quantity()).isEqualByComparingTo("-0.011");
        assertThat(p.rate()).isEqualByComparingTo("-0.00203714");
        assertThat(p.markPrice()).isEqualByComparingTo("28399.90");
        assertThat(p.amount()).isEqualByComparingTo("0.6364003");
        assertThat(p.isReceived()).isFalse();
        assertThat(p.time().toEpochMilli()).isEqualTo(1682553600000L);
    }
}
