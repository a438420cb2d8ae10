package io.tradekit.kraken;

import io.tradekit.api.Credentials;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.ExchangeAdapterProvider;
import io.tradekit.api.spi.ExchangeSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KrakenConfigTest {

    private static KrakenConfig of(Map<String, String> params) {
        return KrakenConfig.from(new ExchangeSettings(Params.of("kraken", params), Optional.empty()));
    }

    @Test
    void productionDefaults() {
        KrakenConfig c = KrakenConfig.production(Optional.empty());

        assertThat(c.restUrl()).hasToString("https://api.kraken.com");
        assertThat(c.wsUrl()).hasToString("wss://ws.kraken.com/v2");
        assertThat(c.wsAuthUrl()).hasToString("wss://ws-auth.kraken.com/v2");
        assertThat(c.tier()).isEqualTo(KrakenConfig.Tier.INTERMEDIATE);
        assertThat(c.cancelAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.nonceFile()).isEmpty();
    }

    @Test
    void parametersAreReadAndCheckedByName() {
        KrakenConfig c = of(Map.of("restUrl", "http://127.0.0.1:1234/", "tier", "pro", "nonceFile", "/tmp/n", "cancelAfterSeconds", "0"));
        assertThat(c.restUrl()).hasToString("http://127.0.0.1:1234");
        assertThat(c.tier()).isEqualTo(KrakenConfig.Tier.PRO);
        assertThat(c.nonceFile()).contains(Path.of("/tmp/n"));
        assertThat(c.cancelAfter()).isZero();

        assertThatThrownBy(() -> of(Map.of("wsUrl", "http://x"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("wsUrl");
        assertThatThrownBy(() -> of(Map.of("cancelAfterSeconds", "90000"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cancelAfterSeconds");
        assertThatThrownBy(() -> of(Map.of("tier", "gold"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("tier");
        assertThatThrownBy(() -> of(Map.of("restUlr", "http://x"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("restUlr");
    }

    @Test
    void streamLimitsAreReadAndChecked() {
        KrakenConfig defaults = KrakenConfig.production(Optional.empty());
        assertThat(defaults.downAfterAttempts()).isEqualTo(5);
        assertThat(defaults.maxMessageBytes()).isEqualTo(1 << 20);
        KrakenConfig c = of(Map.of("downAfterAttempts", "3", "maxMessageBytes", "65536"));
        assertThat(c.downAfterAttempts()).isEqualTo(3);
        assertThat(c.maxMessageBytes()).isEqualTo(65_536);
        assertThatThrownBy(() -> of(Map.of("downAfterAttempts", "0"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("downAfterAttempts");
        assertThatThrownBy(() -> of(Map.of("maxMessageBytes", "100"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxMessageBytes");
        assertThatThrownBy(() -> of(Map.of("maxMessageBytes", "99999999999"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxMessageBytes");
    }

    @Test
    void credentialsNeverShow() {
        KrakenConfig c = KrakenConfig.production(Optional.of(new Credentials("the-key", "c2VjcmV0")));

        assertThat(c.toString()).doesNotContain("the-key").doesNotContain("c2VjcmV0");
    }

    @Test
    void theAdapterIsFoundThroughServiceLoaderAsKraken() {
        assertThat(ServiceLoader.load(ExchangeAdapterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("kraken")).findFirst()).isPresent();
    }
}
