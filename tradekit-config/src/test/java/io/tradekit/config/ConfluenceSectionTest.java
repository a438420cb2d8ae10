package io.tradekit.config;

import io.tradekit.api.Params;
import io.tradekit.core.Plugins;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A bot's "strategies" list and "confluence" block: the confluence strategy's parameters, every field checked by its path. */
class ConfluenceSectionTest {

    private static final String HEAD = "{\"exchange\": {\"name\": \"binance\"}, \"symbol\": \"ETHUSDT\", \"timeframe\": \"5m\", ";

    private static BotConfig parse(String rest) {
        return new BotConfigReader(Map.of()).parse(HEAD + rest + "}", "bot.json");
    }

    private static java.util.List<String> problems(String rest) {
        return catchThrowableOfType(ConfigException.class, () -> parse(rest)).problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void aConfluenceBlockBecomesTheConfluenceStrategysParametersAndMakesOne() {
        BotConfig config = parse("""
                "confluence": {
                  "members": [
                    {"strategy": "sma-cross", "params": {"fast": 5, "slow": 20}},
                    {"strategy": "rsi", "weight": 2, "params": {"period": 14}, "regime": {"ranging": 1.5}},
                    {"id": "hourly", "strategy": "sma-cross", "timeframe": "1h", "params": {"fast": 3, "slow": 6}}
                  ],
                  "minAgreement": 0.6, "staleBars": 3,
                  "trend": {"timeframe": "4h", "fast": 2, "slow": 5},
                  "regime": {"timeframe": "1h"},
                  "book": {"maxSpreadBps": 5, "minDepth": 1000}
                }""");

        assertThat(config.strategy().name()).isEqualTo("confluence");
        assertThat(config.strategy().params()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("members", "sma-cross,rsi,hourly"),
                Map.entry("sma-cross.strategy", "sma-cross"), Map.entry("sma-cross.fast", "5"), Map.entry("sma-cross.slow", "20"),
                Map.entry("rsi.strategy", "rsi"), Map.entry("rsi.weight", "2"), Map.entry("rsi.period", "14"), Map.entry("rsi.regime.ranging", "1.5"),
                Map.entry("hourly.strategy", "sma-cross"), Map.entry("hourly.timeframe", "1h"), Map.entry("hourly.fast", "3"), Map.entry("hourly.slow", "6"),
                Map.entry("minAgreement", "0.6"), Map.entry("staleBars", "3"),
                Map.entry("trend.timeframe", "4h"), Map.entry("trend.fast", "2"), Map.entry("trend.slow", "5"),
                Map.entry("regime.timeframe", "1h"), Map.entry("book.maxSpreadBps", "5"), Map.entry("book.minDepth", "1000")));
        // the parameters make the strategy they name
        var strategy = Plugins.discover().strategy(config.strategy().name()).create(Params.of("confluence", config.strategy().params()));
        assertThat(strategy.toString()).isEqualTo("confluence(sma-cross, rsi, hourly)");
    }

    @Test
    void aStrategiesListIsAConfluenceWithItsDefaults() {
        BotConfig config = parse("\"strategies\": [{\"strategy\": \"sma-cross\"}, {\"strategy\": \"rsi\", \"params\": {\"oversold\": 25}}]");

        assertThat(config.strategy().name()).isEqualTo("confluence");
        assertThat(config.strategy().params()).containsExactlyInAnyOrderEntriesOf(Map.of("members", "sma-cross,rsi",
                "sma-cross.strategy", "sma-cross", "rsi.strategy", "rsi", "rsi.oversold", "25"));
    }

    @Test
    void everyWrongFieldIsNamedByItsPath() {
        assertThat(problems("""
                "confluence": {
                  "members": [
                    {"strategy": "sma-cross", "weight": 0, "timeframe": "hourly", "params": {"weight": 3}},
                    {"strategy": "sma-cross"},
                    {"strategy": "rsi", "regime": {"sideways": 2, "ranging": -1}, "speed": 1},
                    "rsi",
                    {"weight": 1},
                    {"strategy": "confluence", "id": "inner"}
                  ],
                  "minAgreement": 1.5, "staleBars": 0.5,
                  "trend": {"fast": 8, "slow": 8},
                  "book": {"depthBps": 0, "minImbalance": 2},
                  "votes": 3
                }""")).containsExactlyInAnyOrder(
                "confluence.members[0].weight: is 0; expected a positive weight, e.g. 1",
                "confluence.members[0].timeframe: 'hourly' is not a timeframe; expected <n><unit> with unit s, m, h, d or w (e.g. 5m, 1h)",
                "confluence.members[0].params.weight: is the confluence's own setting of a member; write it beside \"params\", not in it",
                "confluence.members[1].strategy: member id 'sma-cross' is used by an earlier member; give this one its own \"id\"",
                "confluence.members[2].regime.sideways: unknown field; the fields known in confluence.members[2].regime are high-volatility, ranging, trending-down, trending-up",
                "confluence.members[2].regime.ranging: is -1; expected a multiplier of the weight, 0 or more",
                "confluence.members[2].speed: unknown field; the fields known in confluence.members[2] are id, params, regime, strategy, timeframe, weight",
                "confluence.members[3]: expected an object {...}, got the string \"rsi\"",
                "confluence.members[4].strategy: missing; expected a strategy name such as \"rsi\"",
                "confluence.members[5].strategy: a confluence cannot be a member of a confluence",
                "confluence.minAgreement: is 1.5; expected the share of the weights a side needs, above 0 and at most 1, e.g. 0.5",
                "confluence.staleBars: is 0.5; expected a whole number from 1 to 100000",
                "confluence.trend.timeframe: missing; expected the trend's timeframe, e.g. \"1h\"",
                "confluence.trend.fast: is 8; expected fewer bars than \"slow\" (8)",
                "confluence.book.depthBps: is 0; expected a positive number",
                "confluence.book.minImbalance: is 2; expected an imbalance from -1 to 1",
                "confluence.votes: unknown field; the fields known in confluence are allowShort, book, members, minAgreement, regime, staleBars, trend");
    }

    @Test
    void oneBotRunsOneOfStrategyStrategiesAndConfluence() {
        assertThat(problems("\"strategy\": {\"name\": \"rsi\"}, \"strategies\": [{\"strategy\": \"rsi\"}]"))
                .containsExactly("strategies: a bot runs one strategy: give \"strategy\", \"strategies\" or \"confluence\", not strategy and strategies");
        assertThat(problems("\"strategies\": []")).containsExactly("strategies: is empty; expected at least one member such as {\"strategy\": \"rsi\"}");
        assertThat(problems("\"confluence\": {\"minAgreement\": 0.5}"))
                .containsExactly("confluence.members: missing; expected a list of members such as [{\"strategy\": \"sma-cross\"}, {\"strategy\": \"rsi\"}]");
    }
}
