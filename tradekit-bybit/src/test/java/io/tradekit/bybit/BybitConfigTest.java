package io.tradekit.bybit;

import io.tradekit.api.Credentials;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.ExchangeAdapterProvider;
import io.tradekit.api.spi.ExchangeSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configuration: networks by name, the spot category, refusals that name the parameter, and ServiceLoader discovery. */
class BybitConfigTest {

    private static BybitConfig config(Map<String, String> params) {
        return BybitConfig.from(new ExchangeSettings(Params.of("bybit", params), Optional.empty()));
    }

    @Test
    void theProviderIsFoundThroughServiceLoaderAsBybitAndMakesASpotAdapter() {
        ExchangeAdapterProvider provider = ServiceLoader.load(ExchangeAdapterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("bybit")).findFirst().orElseThrow();

        try (ExchangeAdapter adapter = provider.create(new ExchangeSettings(Params.of("bybit", Map.of("category", "spot")), Optional.empty()))) {
            assertThat(adapter).isInstanceOf(BybitAdapter.class);
            assertThat(adapter.venue()).isEqualTo("bybit");
        }
    }

    @Test
    void productionTestnetAndDemoAreChosenByName() {
        assertThat(config(Map.of()).restUrl()).hasToString("https://api.bybit.com");
        assertThat(config(Map.of()).publicStreamUrl()).hasToString("wss://stream.bybit.com/v5/public/spot");
        BybitConfig testnet = config(Map.of("network", "testnet"));
        assertThat(testnet.restUrl()).hasToString("https://api-testnet.bybit.com");
        assertThat(testnet.publicStreamUrl()).hasToString("wss://stream-testnet.bybit.com/v5/public/spot");
        assertThat(testnet.privateStreamUrl()).hasToString("wss://stream-testnet.bybit.com/v5/private");
        BybitConfig demo = config(Map.of("network", "demo"));
        assertThat(demo.restUrl()).hasToString("https://api-demo.bybit.com");
        assertThat(demo.privateStreamUrl()).hasToString("wss://stream-demo.bybit.com/v5/private");
        assertThat(demo.publicStreamUrl()).hasToString("wss://stream.bybit.com/v5/public/spot");
    }

    @Test
    void theLinearCategoryUsesTheLinearPublicStreamAndOtherCategoriesAreRefused() {
        BybitConfig linear = config(Map.of("category", "linear"));
        assertThat(linear.category()).isEqualTo(BybitConfig.Category.LINEAR);
        assertThat(linear.publicStreamUrl()).hasToString("wss://stream.bybit.com/v5/public/linear");
        assertThat(config(Map.of("category", "linear", "network", "testnet")).publicStreamUrl())
                .hasToString("wss://stream-testnet.bybit.com/v5/public/linear");
        assertThat(linear.liquidationFeeRate()).isEqualByComparingTo("0.0006");
        assertThat(config(Map.of("category", "linear", "liquidationFeeRate", "0.001")).liquidationFeeRate()).isEqualByComparingTo("0.001");
        assertThatThrownBy(() -> config(Map.of("liquidationFeeRate", "1.5"))).hasMessageContaining("'liquidationFeeRate' is 1.5");
        assertThatThrownBy(() -> config(Map.of("category", "option"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("category");
    }

    @Test
    void badParametersAreRefusedByName() {
        assertThatThrownBy(() -> config(Map.of("recvWindow", "70000"))).hasMessageContaining("'recvWindow' is 70000");
        assertThatThrownBy(() -> config(Map.of("restUrl", "ftp://x"))).hasMessageContaining("'restUrl'");
        assertThatThrownBy(() -> config(Map.of("restUrll", "http://x"))).hasMessageContaining("unknown parameter 'restUrll'");
        assertThatThrownBy(() -> config(Map.of("pingIntervalMs", "20000", "silenceTimeoutMs", "10000"))).hasMessageContaining("'silenceTimeoutMs'");
        assertThatThrownBy(() -> config(Map.of("maxMessageBytes", "100"))).hasMessageContaining("'maxMessageBytes' is 100");
        assertThatThrownBy(() -> config(Map.of("maxMessageBytes", "2000000"))).hasMessageContaining("'maxMessageBytes' is 2000000");
        assertThatThrownBy(() -> config(Map.of("downAfterAttempts", "0"))).hasMessageContaining("'downAfterAttempts'");
    }

    @Test
    void theStreamLimitsDefaultToOneMebibyteAndFiveAttemptsAndCanBeSet() {
        assertThat(config(Map.of()).maxMessageBytes()).isEqualTo(1 << 20);
        assertThat(config(Map.of()).downAfterAttempts()).isEqualTo(5);
        BybitConfig set = config(Map.of("maxMessageBytes", "65536", "downAfterAttempts", "3"));
        assertThat(set.maxMessageBytes()).isEqualTo(65_536);
        assertThat(set.downAfterAttempts()).isEqualTo(3);
    }

    @Test
    void theConfigurationNeverShowsTheSecret() {
        BybitConfig c = BybitConfig.from(new ExchangeSettings(Params.of("bybit", Map.of()), Optional.of(new Credentials("my-key", "my-secret"))));

        assertThat(c.toString()).doesNotContain("my-secret").doesNotContain("my-key").contains("credentials=***");
    }
}
