package io.tradekit.binance.internal;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.binance.BinanceConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The depth stream's settings: {@code GET /api/v3/depth} weighs by its limit (rest-api.md "Order book": 1-100: 5,
 * 101-500: 25, 501-1000: 50, 1001-5000: 250), the stream is named by its speed, and both are adapter parameters.
 */
class DepthSettingsTest {

    @Test
    void theSnapshotWeightFollowsBinancesTableAtEachBoundary() {
        assertThat(Endpoint.depthWeight(1)).isEqualTo(5);
        assertThat(Endpoint.depthWeight(100)).isEqualTo(5);
        assertThat(Endpoint.depthWeight(101)).isEqualTo(25);
        assertThat(Endpoint.depthWeight(500)).isEqualTo(25);
        assertThat(Endpoint.depthWeight(501)).isEqualTo(50);
        assertThat(Endpoint.depthWeight(1000)).isEqualTo(50);
        assertThat(Endpoint.depthWeight(1001)).isEqualTo(250);
        assertThat(Endpoint.depthWeight(5000)).isEqualTo(250);
        assertThatThrownBy(() -> Endpoint.depthWeight(5001)).hasMessage("depth limit must be within 1..5000, got 5001");
    }

    @Test
    void theDepthStreamIsNamedBySpeed() {
        assertThat(DepthMapping.stream("BNBBTC", 100)).isEqualTo("bnbbtc@depth@100ms");
        assertThat(DepthMapping.stream("BNBBTC", 1000)).isEqualTo("bnbbtc@depth");
    }

    private static BinanceConfig config(Map<String, String> params) {
        return BinanceConfig.from(new ExchangeSettings(Params.of("binance", params), Optional.empty()));
    }

    @Test
    void depthParametersHaveDefaultsAndBadValuesAreRefusedByName() {
        assertThat(config(Map.of()).depthLimit()).isEqualTo(1000);
        assertThat(config(Map.of()).depthSpeedMillis()).isEqualTo(100);
        assertThat(config(Map.of("depthLimit", "5000", "depthSpeedMs", "1000")).depthLimit()).isEqualTo(5000);
        assertThatThrownBy(() -> config(Map.of("depthLimit", "5001"))).isInstanceOf(InvalidInputException.class)
                .hasMessage("binance: parameter 'depthLimit' is 5001, expected 1..5000 levels per side");
        assertThatThrownBy(() -> config(Map.of("depthSpeedMs", "250"))).isInstanceOf(InvalidInputException.class)
                .hasMessage("binance: parameter 'depthSpeedMs' is 250, expected 100 or 1000");
    }
}
