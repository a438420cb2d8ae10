package io.tradekit.kraken.internal;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.core.net.VenueJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documented Kraken payloads (exchanges.md captures) read into tradekit's values. */
class MappingTest {

    private static final String ASSET_PAIRS = """
            {"XXBTZUSD":{"altname":"XBTUSD","wsname":"XBT/USD","base":"XXBT","quote":"ZUSD","lot":"unit","cost_decimals":5,
             "pair_decimals":1,"lot_decimals":8,"lot_multiplier":1,"ordermin":"0.00005","costmin":"0.5","tick_size":"0.1","status":"online"}}""";

    @Test
    void aPairIsFoundUnderEachOfItsNamesAndCarriesKrakensFilters() {
        for (String name : List.of("XXBTZUSD", "XBTUSD", "XBT/USD", "BTC/USD")) {
            Pair pair = Pair.fromAssetPairs(VenueJson.read(ASSET_PAIRS), name).orElseThrow();
            assertThat(pair.symbol()).isEqualTo(name);
            assertThat(pair.key()).isEqualTo("XXBTZUSD");
            assertThat(pair.altname()).isEqualTo("XBTUSD");
            assertThat(pair.wsSymbol()).isEqualTo("BTC/USD");
            assertThat(pair.online()).isTrue();
        }
        Instrument i = Pair.fromAssetPairs(VenueJson.read(ASSET_PAIRS), "XBTUSD").orElseThrow().instrument();
        assertThat(i.tickSize()).isEqualByComparingTo("0.1");
        assertThat(i.stepSize()).isEqualByComparingTo("0.00000001");
        assertThat(i.minQuantity()).isEqualByComparingTo("0.00005");
        assertThat(i.minNotional()).isEqualByComparingTo("0.5");
        assertThat(i.baseAsset()).isEqualTo("XXBT");
        assertThat(Pair.fromAssetPairs(VenueJson.read(ASSET_PAIRS), "ETHUSD")).isEmpty();
    }

    @Test
    void theLastOhlcRowIsStillOpenAndLeftOut() {
        String answer = """
                {"XBTUSDT":[[1706626800,"43437.5","43593.7","43355.5","43361.1","43511.3","18.75430110",162],
                            [1706630400,"43361.1","43400.0","43300.0","43350.0","43351.0","2.5",20]],"last":1706626800}""";

        List<Bar> bars = MarketData.closedRows(VenueJson.read(answer), "XBTUSDT", "XBTUSDT", Timeframe.H1);

        assertThat(bars).hasSize(1);
        Bar b = bars.getFirst();
        assertThat(b.openTime()).isEqualTo(Instant.ofEpochSecond(1706626800));
        assertThat(b.open()).isEqualByComparingTo("43437.5");
        assertThat(b.high()).isEqualByComparingTo("43593.7");
        assertThat(b.low()).isEqualByComparingTo("43355.5");
        assertThat(b.close()).isEqualByComparingTo("43361.1");
        assertThat(b.volume()).isEqualByComparingTo("18.75430110");
    }

    @Test
    void aTimeframeKrakenDoesNotServeIsRefusedByName() {
        assertThatThrownBy(() -> MarketData.minutes(Timeframe.parse("3m"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("3m");
        assertThat(MarketData.minutes(Timeframe.H1)).isEqualTo(60);
    }

    @Test
    void aTradeExecutionBecomesAFillAndAnOrderUpdate() {
        String entry = """
                {"order_id":"OK4GJX-KSTLS-7DZZO5","cl_ord_id":"bot-1a","symbol":"BTC/USD","exec_type":"trade","order_status":"partially_filled",
                 "side":"sell","order_qty":0.005,"cum_qty":0.002,"avg_price":26500.1,"exec_id":"TUWRJ4-BFHDH-HRHYSW","trade_id":42,
                 "last_qty":0.002,"last_price":26500.1,"liquidity_ind":"m","fees":[{"asset":"USD","qty":0.0848}],
                 "timestamp":"2023-09-22T10:33:05.709950Z"}""";

        OrderMapping.Execution e = OrderMapping.execution(VenueJson.read(entry), "XBTUSD", "ZUSD");

        assertThat(e.update().clientOrderId()).isEqualTo("bot-1a");
        assertThat(e.update().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(e.update().filledQuantity()).isEqualByComparingTo("0.002");
        var fill = e.fill().orElseThrow();
        assertThat(fill.fillId()).isEqualTo("TUWRJ4-BFHDH-HRHYSW");
        assertThat(fill.side()).isEqualTo(Side.SELL);
        assertThat(fill.price()).isEqualByComparingTo("26500.1");
        assertThat(fill.quantity()).isEqualByComparingTo("0.002");
        assertThat(fill.fee()).isEqualByComparingTo("0.0848");
        assertThat(fill.feeAsset()).isEqualTo("ZUSD");
        assertThat(fill.maker()).isTrue();
        assertThat(fill.time()).isEqualTo(Instant.parse("2023-09-22T10:33:05.709950Z"));
    }

    @Test
    void aPostOnlyLimitOrderIsSentWithItsFlagAndClientOrderId() {
        Pair pair = Pair.fromAssetPairs(VenueJson.read(ASSET_PAIRS), "XBTUSD").orElseThrow();
        OrderRequest r = new OrderRequest("grid-1z", "XBTUSD", Side.BUY, OrderType.LIMIT_MAKER, new BigDecimal("1.25"),
                Optional.of(new BigDecimal("37500.0")), TimeInForce.GTC, false);

        assertThat(OrderMapping.addOrder(r, pair, true).toString())
                .isEqualTo("ordertype=limit&type=buy&volume=1.25&pair=XBTUSD&price=37500&oflags=post&timeinforce=GTC&cl_ord_id=grid-1z&validate=true");
    }

    @Test
    void aClientOrderIdKrakenWouldRefuseIsRefusedHere() {
        assertThatThrownBy(() -> OrderMapping.requireClientOrderId("a-client-id-longer-than-18")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("18");
        OrderMapping.requireClientOrderId("123e4567-e89b-12d3-a456-426614174000");
        OrderMapping.requireClientOrderId("123e4567e89b12d3a456426614174000");
    }

    @Test
    void restOrderStatusesMapToTradekits() {
        assertThat(OrderMapping.restStatus("open", BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo(OrderStatus.NEW);
        assertThat(OrderMapping.restStatus("open", BigDecimal.ONE, new BigDecimal("0.5"))).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(OrderMapping.restStatus("closed", BigDecimal.ONE, BigDecimal.ONE)).isEqualTo(OrderStatus.FILLED);
        assertThat(OrderMapping.restStatus("canceled", BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo(OrderStatus.CANCELED);
        assertThat(OrderMapping.restStatus("expired", BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo(OrderStatus.EXPIRED);
        assertThat(OrderMapping.restStatus("pending", BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo(OrderStatus.PENDING_NEW);
    }
}
