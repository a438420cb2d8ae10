package io.tradekit.core.paper;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import org.junit.jupiter.api.Test;

import static io.tradekit.core.paper.MatchingEngineTest.BTC;
import static io.tradekit.core.paper.MatchingEngineTest.bar;
import static io.tradekit.core.paper.MatchingEngineTest.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The paper venue's market orders sized by a quote amount. */
class PaperMarketByQuoteTest {

    @Test
    void aBuyByQuoteBuysTheMostTheAmountPaysWithItsFee() {
        PaperExchange paper = new PaperExchange(PaperSettings.of(BTC, d("10000")));
        paper.onBar(bar(0, "100", "101", "99", "100"));

        OrderAck ack = paper.placeMarketByQuote("q-1", "BTCUSDT", Side.BUY, d("50"));

        // price 100 (the last close, no slippage) plus the 10 bps taker fee = 100.1 a unit; 50 / 100.1 = 0.49950049...,
        // down to the 0.00001 step = 0.4995; it costs 49.95 + 0.04995 fee = 49.99995, within the 50
        assertThat(ack.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(ack.filledQuantity()).isEqualByComparingTo("0.4995");
        assertThat(paper.balances()).filteredOn(b -> b.asset().equals("USDT")).singleElement()
                .satisfies(b -> assertThat(b.free()).isEqualByComparingTo("9950.00005"));
    }

    @Test
    void aSellByQuoteSellsTheBaseWorthTheAmount() {
        PaperExchange paper = new PaperExchange(PaperSettings.of(BTC, d("10000")));
        paper.onBar(bar(0, "100", "101", "99", "100"));
        paper.place(MatchingEngineTest.market("buy", Side.BUY, "1"));

        OrderAck ack = paper.placeMarketByQuote("q-2", "BTCUSDT", Side.SELL, d("25"));

        assertThat(ack.filledQuantity()).isEqualByComparingTo("0.25"); // 25 / 100
    }

    @Test
    void withoutAPriceThereIsNothingToSizeBy() {
        PaperExchange paper = new PaperExchange(PaperSettings.of(BTC, d("10000")));

        OrderRejectedException refused = catchThrowableOfType(OrderRejectedException.class,
                () -> paper.placeMarketByQuote("q-3", "BTCUSDT", Side.BUY, d("50")));

        assertThat(refused.category()).isEqualTo(ErrorCategory.VENUE_UNAVAILABLE);
        assertThat(refused.getMessage()).contains("BTCUSDT").contains("no market price");
    }
}
