package io.tradekit.binance.internal;

import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every filter of a symbol's exchangeInfo entry is read, in the shapes filters.md documents. */
class ExchangeInfoMappingTest {

    private static final String ENTRY = "{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\","
            + "\"baseAssetPrecision\":8,\"quoteAssetPrecision\":8,\"filters\":["
            + "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01000000\",\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"0.01000000\"},"
            + "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001000\",\"maxQty\":\"9000.00000000\",\"stepSize\":\"0.00001000\"},"
            + "{\"filterType\":\"MARKET_LOT_SIZE\",\"minQty\":\"0.00000000\",\"maxQty\":\"85.50000000\",\"stepSize\":\"0.00000000\"},"
            + "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"5.00000000\",\"applyMinToMarket\":false,\"maxNotional\":\"9000000.00000000\","
            + "\"applyMaxToMarket\":false,\"avgPriceMins\":5}]}";

    private static OrderRequest limit(String qty, String price) {
        return new OrderRequest("m-1", "BTCUSDT", Side.BUY, OrderType.LIMIT, new BigDecimal(qty), Optional.of(new BigDecimal(price)), TimeInForce.GTC, false);
    }

    @Test
    void readsMaxQuantityPriceBoundsMarketLotSizeAndBothNotionalBounds() {
        SymbolFilters f = ExchangeInfoMapping.filters(VenueJson.read(ENTRY));
        assertThat(f.minPrice()).isEqualByComparingTo("0.01");
        assertThat(f.maxPrice()).isEqualByComparingTo("1000000");
        assertThat(f.maxQuantity()).isEqualByComparingTo("9000");
        assertThat(f.marketMaxQuantity()).isEqualByComparingTo("85.5");
        assertThat(f.marketStepSize()).isZero();
        assertThat(f.minNotional()).isEqualByComparingTo("5");
        assertThat(f.applyMinToMarket()).isFalse();
        assertThat(f.maxNotional()).isEqualByComparingTo("9000000");
        assertThat(f.applyMaxToMarket()).isFalse();
    }

    @Test
    void checkNamesTheBrokenFilter() {
        SymbolFilters f = ExchangeInfoMapping.filters(VenueJson.read(ENTRY));
        f.check(limit("1", "60000"));
        assertThat(catchThrowableOfType(OrderRejectedException.class, () -> f.check(limit("200", "60000"))).rule()).isEqualTo("NOTIONAL");
        assertThat(catchThrowableOfType(OrderRejectedException.class, () -> f.check(limit("9001", "1"))).rule()).isEqualTo("LOT_SIZE");
        assertThat(catchThrowableOfType(OrderRejectedException.class, () -> f.check(limit("1", "0.001"))).rule()).isEqualTo("PRICE_FILTER");
        OrderRequest market = new OrderRequest("m-2", "BTCUSDT", Side.SELL, OrderType.MARKET, new BigDecimal("86"), Optional.empty(), TimeInForce.GTC, false);
        assertThat(catchThrowableOfType(OrderRejectedException.class, () -> f.check(market)).getMessage())
                .contains("filter MARKET_LOT_SIZE").contains("above the market maximum 85.5");
    }

    @Test
    void aFilterWithATextWhereADecimalBelongsIsMalformedNamingTheField() {
        String broken = ENTRY.replace("\"maxQty\":\"9000.00000000\"", "\"maxQty\":{}");
        MalformedMessage e = catchThrowableOfType(MalformedMessage.class, () -> ExchangeInfoMapping.filters(VenueJson.read(broken)));
        assertThat(e.getMessage()).contains("field 'maxQty' is an object");
    }
}
