package io.tradekit.config;

import io.tradekit.core.sizing.Budget;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PairsAndBudgetConfigTest {

    private static final String HEAD = "{\"exchange\": {\"name\": \"binance\"}, \"strategy\": {\"name\": \"sma-cross\"}, ";

    private static BotConfig parse(String rest) {
        return new BotConfigReader(Map.of()).parse(HEAD + rest + "}", "bot.json");
    }

    private static ConfigException problems(String rest) {
        return catchThrowableOfType(ConfigException.class, () -> parse(rest));
    }

    @Test
    void pairsAreReadInOrderAndTheFirstIsTheBotsSymbol() {
        BotConfig config = parse("\"pairs\": [\"BTCUSDT\", \"ETHUSDT\"]");
        assertThat(config.pairs()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(config.symbol()).isEqualTo("BTCUSDT");
        assertThat(config.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(config.budget()).isEmpty();
    }

    @Test
    void aSymbolStillWorksForOnePair() {
        BotConfig config = parse("\"symbol\": \"ETHUSDT\"");
        assertThat(config.pairs()).isEmpty();
        assertThat(config.symbols()).containsExactly("ETHUSDT");
    }

    @Test
    void aBudgetIsAQuoteAmountOrAFractionOfTheAccount() {
        assertThat(parse("\"symbol\": \"ETHUSDT\", \"budget\": {\"quote\": 1000}").budget()).contains(Budget.quote(new BigDecimal("1000")));
        assertThat(parse("\"symbol\": \"ETHUSDT\", \"budget\": {\"fraction\": 0.25}").budget()).contains(Budget.fraction(new BigDecimal("0.25")));
        assertThat(parse("\"symbol\": \"ETHUSDT\", \"budget\": {\"fraction\": 0.25}").toString()).contains("budget=fraction:0.25");
    }

    @Test
    void wrongPairsAndBudgetsAreNamedByTheirPath() {
        assertThat(problems("\"pairs\": [\"BTCUSDT\", 7, \"BTCUSDT\"]").problems()).containsExactly(
                new ConfigProblem("pairs[1]", "expected a symbol such as \"ETHUSDT\", got the number 7"),
                new ConfigProblem("pairs[2]", "'BTCUSDT' is listed twice"));
        assertThat(problems("\"pairs\": \"BTCUSDT\"").fields()).containsExactly("pairs");
        assertThat(problems("\"pairs\": []").problems()).containsExactly(
                new ConfigProblem("pairs", "is empty; expected at least one symbol, e.g. [\"BTCUSDT\", \"ETHUSDT\"]"));
        assertThat(problems("\"symbol\": \"ETHUSDT\", \"pairs\": [\"BTCUSDT\"]").problems()).containsExactly(
                new ConfigProblem("pairs", "give either \"symbol\" (one) or \"pairs\" (a list), not both"));
        assertThat(problems("\"symbol\": \"ETHUSDT\", \"budget\": {\"quote\": 1000, \"fraction\": 0.5}").problems()).containsExactly(
                new ConfigProblem("budget", "expected exactly one of \"quote\" (an amount, e.g. 1000) or \"fraction\" (of the account, e.g. 0.25)"));
        assertThat(problems("\"symbol\": \"ETHUSDT\", \"budget\": {\"fraction\": 1.5}").problems()).containsExactly(
                new ConfigProblem("budget.fraction", "expected a fraction above 0 and at most 1, got 1.5"));
        assertThat(problems("\"symbol\": \"ETHUSDT\", \"budget\": {\"quote\": -5}").problems()).containsExactly(
                new ConfigProblem("budget.quote", "expected an amount above zero, got -5"));
        assertThat(problems("\"symbol\": \"ETHUSDT\", \"budget\": {\"qoute\": 5}").fields()).contains("budget.qoute");
    }

    @Test
    void aFileWithNeitherSymbolNorPairsSaysBoth() {
        assertThat(problems("\"name\": \"x\"").problems()).contains(
                new ConfigProblem("symbol", "missing; expected the symbol to trade, e.g. \"ETHUSDT\" (or \"pairs\": [\"BTCUSDT\", \"ETHUSDT\"])"));
    }
}
