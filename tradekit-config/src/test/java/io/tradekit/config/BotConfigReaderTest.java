package io.tradekit.config;

import io.tradekit.api.Credentials;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading the bot's JSON file: defaults, the file, the environment on top; every problem named by its field. */
class BotConfigReaderTest {

    private static final String MINIMAL = """
            {"exchange": {"name": "binance"}, "symbol": "ETHUSDT", "strategy": {"name": "sma-cross"}}""";

    private static BotConfig parse(String json) {
        return parse(json, Map.of());
    }

    private static BotConfig parse(String json, Map<String, String> env) {
        return new BotConfigReader(env).parse(json, "bot.json");
    }

    private static ConfigException problems(String json) {
        return catchThrowableOfType(ConfigException.class, () -> parse(json));
    }

    @Test
    void aMinimalFileGetsTheDocumentedDefaults() {
        BotConfig c = parse(MINIMAL);

        assertThat(c.name()).isEqualTo("bot");
        assertThat(c.exchange().name()).isEqualTo("binance");
        assertThat(c.exchange().settings()).isEmpty();
        assertThat(c.exchange().credentials()).isEmpty();
        assertThat(c.symbol()).isEqualTo("ETHUSDT");
        assertThat(c.timeframe()).isEqualTo(Timeframe.M1);
        assertThat(c.strategy()).isEqualTo(new StrategyConfig("sma-cross", Map.of()));
        assertThat(c.risk()).isEqualTo(RiskLimits.none());
        assertThat(c.sizing()).isEqualTo(SizingConfig.DEFAULT);
        assertThat(c.store()).isEqualTo(Path.of("runs/bot/bot.db"));
        assertThat(c.out()).isEqualTo(Path.of("runs/bot"));
        assertThat(c.engine()).isEqualTo(EngineOptions.DEFAULT);
        assertThat(c.paper()).isEqualTo(PaperConfig.DEFAULT);
        assertThat(c.confirmLive()).isFalse();
    }

    @Test
    void aRestartsCatchUpLimitIsAWholeNumberOfBars() {
        String withLimit = MINIMAL.replace("}\n", "").replaceFirst("}$", ", \"engine\": {\"maxCatchUpBars\": %s}}");
        assertThat(EngineOptions.DEFAULT.maxCatchUpBars()).isEqualTo(100);
        assertThat(parse(withLimit.formatted("250")).engine().maxCatchUpBars()).isEqualTo(250);
        assertThat(parse(withLimit.formatted("0")).engine().maxCatchUpBars()).isZero();
        assertThat(problems(withLimit.formatted("1.5")).getMessage()).contains("engine.maxCatchUpBars")
                .contains("expected a whole number of bars from 0 to 1000000, got 1.5");
        assertThat(problems(withLimit.formatted("-3")).getMessage()).contains("engine.maxCatchUpBars")
                .contains("expected a whole number of bars from 0 to 1000000, got -3");
    }

    @Test
    void everyFieldOfAFullFileIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bot.json");
        Files.writeString(file, """
                {
                  "name": "eth-grid",
                  "exchange": {"name": "binance", "settings": {"restUrl": "http://127.0.0.1:9000", "recvWindow": 7000, "orderResponse": "full"},
                               "apiKey": "file-key", "apiSecret": "file-secret"},
                  "symbol": "ETHUSDT",
                  "timeframe": "5m",
                  "strategy": {"name": "grid", "params": {"levels": 4, "spacing": 0.25, "post-only": false}},
                  "risk": {"max-daily-loss": 500, "max-drawdown": "0.05", "loss-streak-cooldown": "PT1H"},
                  "sizing": {"fractionOfEquity": 0.5, "takerFeeRate": 0.00075},
                  "store": {"path": "state/eth.db"},
                  "out": "reports/eth",
                  "engine": {"staleAfter": "PT20M", "ackTimeout": "PT3S", "cancelUnknownOrders": true, "adoptVenuePosition": true},
                  "paper": {"cash": 2500.50, "makerFeeBps": 2, "takerFeeBps": 7.5, "slippageBps": 1},
                  "confirmLive": true
                }""");

        BotConfig c = new BotConfigReader(Map.of()).read(file);

        assertThat(c.name()).isEqualTo("eth-grid");
        assertThat(c.exchange().settings()).containsExactlyInAnyOrderEntriesOf(
                Map.of("restUrl", "http://127.0.0.1:9000", "recvWindow", "7000", "orderResponse", "full"));
        assertThat(c.exchange().credentials()).contains(new Credentials("file-key", "file-secret"));
        assertThat(c.timeframe()).isEqualTo(Timeframe.M5);
        assertThat(c.strategy().params()).containsExactlyInAnyOrderEntriesOf(Map.of("levels", "4", "spacing", "0.25", "post-only", "false"));
        assertThat(c.risk().values()).containsExactlyInAnyOrderEntriesOf(Map.of(RiskLimits.MAX_DAILY_LOSS, "500", RiskLimits.MAX_DRAWDOWN, "0.05",
                RiskLimits.LOSS_STREAK_COOLDOWN, "PT1H"));
        assertThat(c.sizing().fractionOfEquity()).isEqualByComparingTo("0.5");
        assertThat(c.sizing().takerFeeRate()).isEqualByComparingTo("0.00075");
        assertThat(c.store()).isEqualTo(Path.of("state/eth.db"));
        assertThat(c.out()).isEqualTo(Path.of("reports/eth"));
        assertThat(c.engine()).isEqualTo(new EngineOptions(Optional.of(Duration.ofMinutes(20)), Duration.ofSeconds(3), true, true));
        assertThat(c.paper().cash()).isEqualByComparingTo("2500.50");
        assertThat(c.paper().makerFeeBps()).isEqualByComparingTo("2");
        assertThat(c.paper().takerFeeBps()).isEqualByComparingTo("7.5");
        assertThat(c.paper().slippageBps()).isEqualByComparingTo("1");
        assertThat(c.confirmLive()).isTrue();
    }

    @Test
    void environmentVariablesOverrideTheFilesCredentialsOneByOne() {
        String file = """
                {"exchange": {"name": "binance", "apiKey": "file-key", "apiSecret": "file-secret"}, "symbol": "ETHUSDT", "strategy": {"name": "sma-cross"}}""";

        assertThat(parse(file, Map.of("TRADEKIT_BINANCE_API_KEY", "env-key", "TRADEKIT_BINANCE_API_SECRET", "env-secret")).exchange().credentials())
                .contains(new Credentials("env-key", "env-secret"));
        assertThat(parse(file, Map.of("TRADEKIT_BINANCE_API_SECRET", "env-secret")).exchange().credentials())
                .contains(new Credentials("file-key", "env-secret"));
        assertThat(parse(MINIMAL, Map.of("TRADEKIT_BINANCE_API_KEY", "env-key", "TRADEKIT_BINANCE_API_SECRET", "env-secret")).exchange().credentials())
                .contains(new Credentials("env-key", "env-secret"));
        assertThat(parse(MINIMAL, Map.of("TRADEKIT_BYBIT_API_KEY", "other-venue", "TRADEKIT_BYBIT_API_SECRET", "other-venue")).exchange().credentials())
                .as("another venue's variables are not this venue's").isEmpty();
    }

    @Test
    void aKeyWithoutItsSecretNamesTheMissingFieldAndItsVariable() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(MINIMAL, Map.of("TRADEKIT_BINANCE_API_KEY", "env-key")));

        assertThat(e.fields()).containsExactly("exchange.apiSecret");
        assertThat(e.getMessage()).contains("TRADEKIT_BINANCE_API_SECRET");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        ConfigException e = problems("{}");

        assertThat(e.fields()).containsExactly("exchange", "symbol", "strategy");
        assertThat(e.getMessage()).startsWith("bot.json has 3 problems:").contains("symbol: missing; expected the symbol to trade");
        assertThat(problems("""
                {"exchange": {}, "symbol": "ETHUSDT", "strategy": {"params": {}}}""").fields())
                .containsExactly("exchange.name", "strategy.name");
    }

    @Test
    void unknownFieldsAreRefusedWithTheKnownOnesListed() {
        ConfigException e = problems("""
                {"exchange": {"name": "binance", "restUrl": "http://127.0.0.1:1"}, "symbols": ["ETHUSDT"], "symbol": "ETHUSDT",
                 "strategy": {"name": "sma-cross"}, "paper": {"cash": 100, "fee": 10}}""");

        assertThat(e.fields()).containsExactlyInAnyOrder("symbols", "exchange.restUrl", "paper.fee");
        assertThat(e.getMessage())
                .contains("symbols: unknown field; the fields known at the top level are budget, confirmLive, confluence, engine, exchange, leverage, market, name, "
                        + "out, pairs, paper, risk, sizing, store, strategies, strategy, symbol, timeframe")
                .contains("exchange.restUrl: unknown field; the fields known in exchange are apiKey, apiSecret, category, name, settings")
                .contains("paper.fee: unknown field; the fields known in paper are cash, makerFeeBps, slippageBps, takerFeeBps");
    }

    @Test
    void fieldsOfTheWrongTypeNameTheFieldAndWhatIsExpected() {
        ConfigException e = problems("""
                {"exchange": {"name": "binance", "settings": {"restUrl": {"host": "x"}}}, "symbol": "ETHUSDT", "timeframe": 5,
                 "strategy": {"name": "sma-cross", "params": {"fast": [1, 2]}}, "risk": [], "paper": {"cash": "lots"},
                 "engine": {"staleAfter": "15 minutes", "cancelUnknownOrders": "yes"}, "confirmLive": 1}""");

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "exchange.settings.restUrl: expected a string, number or true/false, got an object",
                "timeframe: expected a timeframe such as \"5m\", got the number 5",
                "strategy.params.fast: expected a string, number or true/false, got an array",
                "risk: expected an object {...}, got an array",
                "paper.cash: expected a decimal number, got the string \"lots\"",
                "engine.staleAfter: expected an ISO-8601 duration such as \"PT15M\", got \"15 minutes\"",
                "engine.cancelUnknownOrders: expected true or false, got the string \"yes\"",
                "confirmLive: expected true or false, got the number 1");
    }

    @Test
    void aPerpMarketTakesItsLeverageAndBadValuesAreNamedByTheirField() {
        BotConfig perp = parse("""
                {"exchange": {"name": "binance"}, "symbol": "ETHUSDT", "strategy": {"name": "sma-cross"}, "market": "perp", "leverage": 3}""");
        assertThat(perp.market()).isEqualTo(io.tradekit.api.InstrumentKind.LINEAR_PERPETUAL);
        assertThat(perp.leverage()).isEqualByComparingTo("3");
        assertThat(parse(MINIMAL).market()).isEqualTo(io.tradekit.api.InstrumentKind.SPOT);
        assertThat(parse(MINIMAL).leverage()).isEqualByComparingTo("1");

        assertThat(problems("""
                {"exchange": {"name": "binance"}, "symbol": "ETHUSDT", "strategy": {"name": "sma-cross"}, "market": "futures", "leverage": 3}""")
                .problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "market: 'futures' is not a market; expected \"spot\" or \"perp\" (a USDT-margined linear perpetual)",
                "leverage: is 3 but the market is spot; set \"market\": \"perp\" to trade on leverage");
        assertThat(problems("""
                {"exchange": {"name": "binance"}, "symbol": "ETHUSDT", "strategy": {"name": "sma-cross"}, "market": "perp", "leverage": 500}""")
                .problems()).extracting(ConfigProblem::toString).containsExactly("leverage: is 500; expected 1 to 100 (the paper venue's maximum)");
        assertThat(problems("""
                {"exchange": {"name": "binance"}, "symbol": "ETHUSDT", "strategy": {"name": "sma-cross"}, "market": "perp", "leverage": "high"}""")
                .problems()).extracting(ConfigProblem::toString).containsExactly("leverage: expected a decimal number, got the string \"high\"");
    }

    @Test
    void aFileWithAUtf8ByteOrderMarkIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF{\"exchange\": {\"name\": \"binance\"}, \"symbol\": \"ETHUSDT\", \"strategy\": {\"name\": \"sma-cross\"}}\r\n");

        BotConfig config = new BotConfigReader(Map.of()).read(file);

        assertThat(config.symbol()).isEqualTo("ETHUSDT");
        assertThat(config.strategy().name()).isEqualTo("sma-cross");
    }

    @Test
    void valuesOutOfRangeNameTheFieldAndTheRange() {
        ConfigException e = problems("""
                {"name": "my bot!", "exchange": {"name": "binance"}, "symbol": "ETHUSDT", "timeframe": "5x", "strategy": {"name": "sma-cross"},
                 "sizing": {"fractionOfEquity": 1.5}, "paper": {"cash": 0, "makerFeeBps": -1}, "engine": {"ackTimeout": "PT0S"}}""");

        assertThat(e.fields()).containsExactlyInAnyOrder("name", "timeframe", "sizing.fractionOfEquity", "paper.cash", "paper.makerFeeBps",
                "engine.ackTimeout");
        assertThat(e.getMessage())
                .contains("name: 'my bot!' is not a bot name; expected 1 to 40 letters, digits, '-' or '_'")
                .contains("timeframe: timeframe '5x' is not of the form <n><unit>")
                .contains("sizing.fractionOfEquity: is 1.5; expected a fraction in (0, 1]")
                .contains("paper.makerFeeBps: is -1; expected basis points, zero or more");
    }

    @Test
    void secretsNeverAppearInErrors() {
        ConfigException wrongType = problems("""
                {"exchange": {"name": "binance", "apiKey": "k", "apiSecret": 982451653}, "symbol": "ETHUSDT", "strategy": {"name": "sma-cross"}}""");
        ConfigException notJson = problems("""
                {"exchange": {"name": "binance", "apiKey": "k",
                  "apiSecret": zq81Hidden},
                 "symbol": "ETHUSDT"}""");

        assertThat(wrongType.getMessage()).contains("exchange.apiSecret: expected a non-empty string, got a number").doesNotContain("982451653");
        assertThat(notJson.fields()).containsExactly(BotConfigReader.WHOLE_FILE);
        assertThat(notJson.getMessage()).contains("not valid JSON at line 2, column").doesNotContain("zq81Hidden").doesNotContain("Hidden");
    }

    @Test
    void aFileThatIsNotAnObjectOrHasADuplicateFieldIsRefused() {
        assertThat(problems("[1, 2]").getMessage()).isEqualTo("bot.json: (file): expected a JSON object {...}, got an array");
        assertThat(problems("""
                {"symbol": "ETHUSDT", "symbol": "BTCUSDT"}""").getMessage()).contains("not valid JSON at line 1").contains("Duplicate field");
        assertThatThrownBy(() -> new BotConfigReader(Map.of()).read(Path.of("no/such/bot.json")))
                .hasMessage("configuration file no/such/bot.json does not exist");
    }

    @Test
    void eachModeHasItsOwnJournalBesideTheLiveOneAndItsOwnReportDirectory() {
        BotConfig c = parse("""
                {"exchange": {"name": "binance"}, "symbol": "ETHUSDT", "strategy": {"name": "sma-cross"},
                 "store": {"path": "state/eth.db"}, "out": "reports"}""");

        assertThat(c.journalFor(Mode.LIVE)).isEqualTo(Path.of("state/eth.db"));
        assertThat(c.journalFor(Mode.PAPER)).isEqualTo(Path.of("state/eth-paper.db"));
        assertThat(c.journalFor(Mode.DRY_RUN)).isEqualTo(Path.of("state/eth-dry-run.db"));
        assertThat(c.reportsFor(Mode.DRY_RUN)).isEqualTo(Path.of("reports/dry-run"));
        assertThat(c.resolvedAgainst(Path.of("/work")).journalFor(Mode.LIVE)).isEqualTo(Path.of("/work/state/eth.db"));
    }

    @Test
    void theConfigurationShowsNoCredentialsWhenPrinted() {
        BotConfig c = parse(MINIMAL, Map.of("TRADEKIT_BINANCE_API_KEY", "visible-key-77", "TRADEKIT_BINANCE_API_SECRET", "hidden-secret-88"));

        assertThat(c.toString()).contains("credentials=***").doesNotContain("visible-key-77").doesNotContain("hidden-secret-88");
    }
}
