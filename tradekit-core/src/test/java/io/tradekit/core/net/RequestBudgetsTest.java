package io.tradekit.core.net;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBudgetsTest {

    private static RequestBudget fresh() {
        return RequestBudget.of("binance", "weight-1m", 6000, Duration.ofMinutes(1), Duration.ofSeconds(1));
    }

    @Test
    void botsSharingAnApiKeyShareOneBudget() {
        RequestBudgets registry = new RequestBudgets();
        RequestBudget first = registry.budget("binance", "key-of-alice", "weight-1m", RequestBudgetsTest::fresh);
        RequestBudget second = registry.budget("binance", "key-of-alice", "weight-1m", RequestBudgetsTest::fresh);
        first.acquire(10);
        assertThat(second).isSameAs(first);
        assertThat(second.used()).isEqualTo(10);
    }

    @Test
    void differentKeysVenuesAndLimitsGetSeparateBudgets() {
        RequestBudgets registry = new RequestBudgets();
        RequestBudget alice = registry.budget("binance", "key-of-alice", "weight-1m", RequestBudgetsTest::fresh);
        assertThat(registry.budget("binance", "key-of-bob", "weight-1m", RequestBudgetsTest::fresh)).isNotSameAs(alice);
        assertThat(registry.budget("bybit", "key-of-alice", "weight-1m", RequestBudgetsTest::fresh)).isNotSameAs(alice);
        assertThat(registry.budget("binance", "key-of-alice", "orders-10s", RequestBudgetsTest::fresh)).isNotSameAs(alice);
    }

    @Test
    void theRegistryKeyHoldsAFingerprintNeverTheKey() {
        String apiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
        String fingerprint = RequestBudgets.fingerprint(apiKey);
        assertThat(fingerprint).hasSize(16).matches("[0-9a-f]+");
        assertThat(apiKey).doesNotContain(fingerprint);
        RequestBudgets.Key key = new RequestBudgets.Key("binance", fingerprint, "weight-1m");
        assertThat(key.toString()).doesNotContain(apiKey).contains(fingerprint);
        assertThat(RequestBudgets.fingerprint("")).isEqualTo("public");
    }
}
