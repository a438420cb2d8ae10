package io.tradekit.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code "exchange": {"name": "bybit", "category": "spot"}}: the category beside the name is one of the adapter's settings. */
class BybitExchangeConfigTest {

    private static final String REST = "{\"name\": \"b\", \"symbol\": \"ETHUSDT\", \"strategy\": {\"name\": \"sma-cross\"}, \"exchange\": ";

    private static BotConfig parse(String exchange, Map<String, String> env) {
        return new BotConfigReader(env).parse(REST + exchange + "}", "bot.json");
    }

    @Test
    void theCategoryBesideTheNameReachesTheAdapterSettingsAndTheCredentialsComeFromBybitsVariables() {
        BotConfig c = parse("{\"name\": \"bybit\", \"category\": \"spot\", \"settings\": {\"network\": \"testnet\"}}",
                Map.of("TRADEKIT_BYBIT_API_KEY", "k", "TRADEKIT_BYBIT_API_SECRET", "s"));

        assertThat(c.exchange().name()).isEqualTo("bybit");
        assertThat(c.exchange().settings()).containsEntry("category", "spot").containsEntry("network", "testnet");
        assertThat(c.exchange().credentials()).hasValueSatisfying(cr -> assertThat(cr.apiKey()).isEqualTo("k"));
    }

    @Test
    void aCategoryGivenTwiceDifferentlyIsAProblemNamingTheField() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> parse("{\"name\": \"bybit\", \"category\": \"spot\", \"settings\": {\"category\": \"linear\"}}", Map.of()));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("exchange.category");
            assertThat(p.message()).contains("'spot'").contains("'linear'");
        });
    }

    @Test
    void aLinearCategoryTradesAsAPerpetualWithItsLeverage() {
        BotConfig c = new BotConfigReader(Map.of()).parse(REST + "{\"name\": \"bybit\", \"category\": \"linear\"}, \"market\": \"perp\", \"leverage\": 3}",
                "bot.json");

        assertThat(c.exchange().settings()).containsEntry("category", "linear");
        assertThat(c.market()).isEqualTo(io.tradekit.api.InstrumentKind.LINEAR_PERPETUAL);
        assertThat(c.leverage()).isEqualByComparingTo("3");
    }

    @Test
    void aLinearCategoryWithASpotMarketIsAProblemNamingTheMarketField() {
        ConfigException given = catchThrowableOfType(ConfigException.class,
                () -> parse("{\"name\": \"bybit\", \"category\": \"linear\"}, \"market\": \"spot\"", Map.of()));
        ConfigException missing = catchThrowableOfType(ConfigException.class,
                () -> parse("{\"name\": \"bybit\", \"settings\": {\"category\": \"linear\"}}", Map.of()));

        assertThat(given.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("market");
            assertThat(p.message()).contains("\"spot\"").contains("exchange.category is \"linear\"").contains("\"market\": \"perp\"");
        });
        assertThat(missing.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("market");
            assertThat(p.message()).contains("is missing");
        });
    }
}
