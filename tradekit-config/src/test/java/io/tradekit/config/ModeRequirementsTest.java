package io.tradekit.config;

import io.tradekit.core.Plugins;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What each mode asks of a configuration before anything connects, with the real plugins on the classpath. */
class ModeRequirementsTest {

    private static final Plugins PLUGINS = Plugins.discover();
    private static final Map<String, String> CREDENTIALS = Map.of("TRADEKIT_BINANCE_API_KEY", "k", "TRADEKIT_BINANCE_API_SECRET", "s");

    private static BotConfig config(String extra, Map<String, String> env) {
        return new BotConfigReader(env).parse("""
                {"exchange": {"name": "binance"}, "symbol": "ETHUSDT", "strategy": {"name": "sma-cross", "params": {"fast": 5, "slow": 20}}%s}"""
                .formatted(extra), "bot.json");
    }

    private static ConfigException refusal(BotConfig config, Mode mode, boolean confirmedByFlag) {
        return catchThrowableOfType(ConfigException.class, () -> ModeRequirements.check(config, mode, confirmedByFlag, PLUGINS, "bot.json"));
    }

    @Test
    void liveNeedsCredentialsALossLimitAndAConfirmationEachNamedByItsField() {
        ConfigException e = refusal(config("", Map.of()), Mode.LIVE, false);

        assertThat(e.fields()).containsExactly("exchange.apiKey", "risk", "confirmLive");
        assertThat(e.getMessage())
                .contains("exchange.apiKey: missing: live reads the account, so it needs API credentials; set TRADEKIT_BINANCE_API_KEY and "
                        + "TRADEKIT_BINANCE_API_SECRET (or exchange.apiKey and exchange.apiSecret)")
                .contains("risk: live trading needs a loss limit: set risk.max-daily-loss")
                .contains("confirmLive: live mode trades real money and needs an explicit confirmation: set \"confirmLive\": true in the file "
                        + "or pass --yes-really-live");
    }

    @Test
    void liveIsConfirmedByTheFileOrByTheFlag() {
        BotConfig unconfirmed = config(", \"risk\": {\"max-drawdown\": 0.1}", CREDENTIALS);
        BotConfig confirmed = config(", \"risk\": {\"max-daily-loss\": 250}, \"confirmLive\": true", CREDENTIALS);

        assertThat(refusal(unconfirmed, Mode.LIVE, false).fields()).containsExactly("confirmLive");
        assertThatCode(() -> ModeRequirements.check(unconfirmed, Mode.LIVE, true, PLUGINS, "bot.json")).doesNotThrowAnyException();
        assertThatCode(() -> ModeRequirements.check(confirmed, Mode.LIVE, false, PLUGINS, "bot.json")).doesNotThrowAnyException();
    }

    @Test
    void aLimitOtherThanALossLimitDoesNotSatisfyLive() {
        BotConfig config = config(", \"risk\": {\"max-position\": 0.5}, \"confirmLive\": true", CREDENTIALS);

        assertThat(refusal(config, Mode.LIVE, false).fields()).containsExactly("risk");
    }

    @Test
    void dryRunNeedsCredentialsButNeitherLimitsNorConfirmation() {
        assertThat(refusal(config("", Map.of()), Mode.DRY_RUN, false).fields()).containsExactly("exchange.apiKey");
        assertThatCode(() -> ModeRequirements.check(config("", CREDENTIALS), Mode.DRY_RUN, false, PLUGINS, "bot.json")).doesNotThrowAnyException();
    }

    @Test
    void aPerpMarketRunsInPaperModeOnlyUnlessTheExchangeCategoryTradesPerpetuals() {
        BotConfig perp = config(", \"market\": \"perp\", \"leverage\": 3", CREDENTIALS);
        assertThatCode(() -> ModeRequirements.check(perp, Mode.PAPER, false, PLUGINS, "bot.json")).doesNotThrowAnyException();
        assertThat(refusal(perp, Mode.DRY_RUN, false).problems()).extracting(ConfigProblem::toString)
                .containsExactly("market: \"perp\" runs dry-run only on a venue category of perpetuals (bybit with \"category\": \"linear\");"
                        + " on exchange 'binance' it runs in paper mode only");

        BotConfig linear = new BotConfigReader(Map.of("TRADEKIT_BYBIT_API_KEY", "k", "TRADEKIT_BYBIT_API_SECRET", "s")).parse(
                "{\"exchange\": {\"name\": \"bybit\", \"category\": \"linear\"}, \"symbol\": \"ETHUSDT\", \"market\": \"perp\","
                        + " \"leverage\": 3, \"strategy\": {\"name\": \"sma-cross\", \"params\": {\"fast\": 5, \"slow\": 20}}}", "bot.json");
        ConfigException dryRun = refusal(linear, Mode.DRY_RUN, false);
        assertThat(dryRun == null ? java.util.List.<String>of() : dryRun.fields()).as("bybit linear trades perpetuals beyond paper")
                .doesNotContain("market");
    }

    @Test
    void paperNeedsNoCredentials() {
        assertThatCode(() -> ModeRequirements.check(config("", Map.of()), Mode.PAPER, false, PLUGINS, "bot.json")).doesNotThrowAnyException();
    }

    @Test
    void anUnknownExchangeOrStrategyIsNamedWithTheKnownOnes() {
        BotConfig config = new BotConfigReader(Map.of()).parse("""
                {"exchange": {"name": "binanse"}, "symbol": "ETHUSDT", "strategy": {"name": "sma-crossing"}}""", "bot.json");

        ConfigException e = refusal(config, Mode.PAPER, false);

        assertThat(e.fields()).containsExactly("exchange.name", "strategy.name");
        assertThat(e.getMessage()).contains("exchange.name: unknown exchange 'binanse'; known exchanges: " + String.join(", ", PLUGINS.exchangeNames()))
                .contains("strategy.name: unknown strategy 'sma-crossing'; known strategies: ").contains("grid").contains("sma-cross");
    }

    @Test
    void badStrategyParametersNameTheParameter() {
        BotConfig wrongType = new BotConfigReader(Map.of()).parse("""
                {"exchange": {"name": "binance"}, "symbol": "ETHUSDT", "strategy": {"name": "sma-cross", "params": {"fast": "five"}}}""", "bot.json");
        BotConfig unknown = new BotConfigReader(Map.of()).parse("""
                {"exchange": {"name": "binance"}, "symbol": "ETHUSDT", "strategy": {"name": "sma-cross", "params": {"fats": 5}}}""", "bot.json");

        assertThat(refusal(wrongType, Mode.PAPER, false).problems()).extracting(ConfigProblem::toString)
                .containsExactly("strategy.params.fast: sma-cross: parameter 'fast' is 'five', expected a whole number");
        assertThat(refusal(unknown, Mode.PAPER, false).fields()).containsExactly("strategy.params.fats");
    }

    @Test
    void riskRulesNobodyEnforcesAndBadLimitValuesNameTheRule() {
        BotConfig config = config(", \"risk\": {\"max-daily-lost\": 500, \"max-drawdown\": 5}", Map.of());

        ConfigException e = refusal(config, Mode.PAPER, false);

        assertThat(e.fields()).containsExactlyInAnyOrder("risk.max-daily-lost", "risk.max-drawdown");
        assertThat(e.getMessage()).contains("risk.max-daily-lost: no risk policy on the classpath enforces this rule; enforced rules: ")
                .contains(io.tradekit.api.RiskLimits.MAX_DAILY_LOSS);
    }
}
