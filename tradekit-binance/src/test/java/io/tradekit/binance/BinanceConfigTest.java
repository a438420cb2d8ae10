package io.tradekit.binance;

import io.tradekit.api.Credentials;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.ExchangeAdapterProvider;
import io.tradekit.api.spi.ExchangeSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceConfigTest {

    private static BinanceConfig config(Map<String, String> params) {
        return BinanceConfig.from(new ExchangeSettings(Params.of("binance", params), Optional.empty()));
    }

    @Test
    void defaultsAreProduction() {
        BinanceConfig c = config(Map.of());
        assertThat(c.restUrl()).hasToString("https://api.binance.com");
        assertThat(c.streamUrl()).hasToString("wss://stream.binance.com:9443");
        assertThat(c.wsApiUrl()).hasToString("wss://ws-api.binance.com:443/ws-api/v3");
        assertThat(c.recvWindowMillis()).isEqualTo(5000);
        assertThat(c.orderResponse()).isEqualTo(BinanceConfig.OrderResponse.FULL);
        assertThat(c.maxConnectionAge().toMinutes()).isEqualTo(1430);
    }

    @Test
    void testnetPicksTheTestnetUrlsAndEachUrlCanBeOverridden() {
        BinanceConfig testnet = config(Map.of("network", "testnet"));
        assertThat(testnet.restUrl()).hasToString("https://testnet.binance.vision");
        assertThat(testnet.streamUrl()).hasToString("wss://stream.testnet.binance.vision");
        assertThat(testnet.wsApiUrl()).hasToString("wss://ws-api.testnet.binance.vision/ws-api/v3");
        BinanceConfig local = config(Map.of("network", "testnet", "restUrl", "http://127.0.0.1:9000/", "recvWindow", "3000"));
        assertThat(local.restUrl()).hasToString("http://127.0.0.1:9000");
        assertThat(local.streamUrl()).hasToString("wss://stream.testnet.binance.vision");
        assertThat(local.recvWindowMillis()).isEqualTo(3000);
    }

    @Test
    void keyTypeOrderChannelAndSelfTradePreventionAreSettingsWithPlainDefaults() {
        BinanceConfig defaults = config(Map.of());
        assertThat(defaults.keyType()).isEqualTo(BinanceConfig.KeyType.HMAC);
        assertThat(defaults.orderChannel()).isEqualTo(BinanceConfig.OrderChannel.REST);
        assertThat(defaults.sessionLogon()).isFalse();
        assertThat(defaults.selfTradePreventionMode()).isEmpty();
        BinanceConfig set = config(Map.of("keyType", "ed25519", "orderChannel", "websocket", "sessionLogon", "true",
                "selfTradePreventionMode", "expire_both"));
        assertThat(set.keyType()).isEqualTo(BinanceConfig.KeyType.ED25519);
        assertThat(set.orderChannel()).isEqualTo(BinanceConfig.OrderChannel.WEBSOCKET);
        assertThat(set.sessionLogon()).isTrue();
        assertThat(set.selfTradePreventionMode()).contains(BinanceConfig.SelfTradePrevention.EXPIRE_BOTH);
        assertThatThrownBy(() -> config(Map.of("selfTradePreventionMode", "EXPIRE_ALL"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("selfTradePreventionMode").hasMessageContaining("expire_maker");
        assertThatThrownBy(() -> config(Map.of("orderChannel", "fix"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("orderChannel").hasMessageContaining("websocket");
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> config(Map.of("recvWindow", "70000"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("'recvWindow'");
        assertThatThrownBy(() -> config(Map.of("restUrl", "ftp://x"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("'restUrl'");
        assertThatThrownBy(() -> config(Map.of("streamUrl", "https://stream"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("'streamUrl'");
        assertThatThrownBy(() -> config(Map.of("restUlr", "http://x"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("'restUlr'");
        assertThatThrownBy(() -> config(Map.of("orderResponse", "ack"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("'orderResponse'");
        assertThatThrownBy(() -> config(Map.of("network", "moon"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("'network'");
    }

    @Test
    void theConfigAndTheAdapterNeverShowTheCredentials() {
        BinanceConfig c = BinanceConfig.production(Optional.of(new Credentials("myVeryOwnApiKey", "myVeryOwnSecret")));
        assertThat(c.toString()).doesNotContain("myVeryOwnApiKey").doesNotContain("myVeryOwnSecret").contains("credentials=***");
        try (BinanceAdapter adapter = new BinanceAdapter(c)) {
            assertThat(adapter.toString()).doesNotContain("myVeryOwnApiKey").doesNotContain("myVeryOwnSecret");
        }
    }

    @Test
    void theProviderIsFoundByNameThroughServiceLoader() {
        ExchangeAdapterProvider provider = ServiceLoader.load(ExchangeAdapterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("binance")).findFirst().orElseThrow();
        try (ExchangeAdapter adapter = provider.create(new ExchangeSettings(Params.of("binance", Map.of("network", "testnet")), Optional.empty()))) {
            assertThat(adapter).isInstanceOf(BinanceAdapter.class);
            assertThat(adapter.venue()).isEqualTo("binance");
            assertThat(adapter.capabilities()).contains(ExchangeAdapter.Capability.POST_ONLY, ExchangeAdapter.Capability.CANCEL_ALL);
            assertThatThrownBy(() -> adapter.subscribeBars("BTCUSDT", Timeframe.parse("2d")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no kline interval 2d");
        }
    }
}
