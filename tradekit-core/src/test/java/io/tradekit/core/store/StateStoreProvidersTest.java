package io.tradekit.core.store;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.Side;
import io.tradekit.api.spi.StateStore;
import io.tradekit.api.spi.StateStoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static io.tradekit.core.store.StoreFixtures.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A host names a store in its configuration; ServiceLoader finds it. */
class StateStoreProvidersTest {

    @TempDir
    Path dir;

    private static Map<String, StateStoreProvider> providers() {
        return ServiceLoader.load(StateStoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(StateStoreProvider::name, p -> p));
    }

    @Test
    void memoryAndSqliteAreFoundByName() {
        assertThat(providers()).containsKeys("memory", "sqlite");
    }

    @Test
    void theSqliteProviderOpensTheFileNamedByPath() throws Exception {
        Path file = dir.resolve("bots/btc-grid.db");
        try (StateStore store = providers().get("sqlite").open("btc-grid",
                Params.of("store", Map.of("path", file.toString(), "snapshot-retention", "2")))) {
            store.writeAhead(limitOrder("p-1", "BTCUSDT", Side.BUY, "1", "100"));
        }
        assertThat(SqliteFiles.strings(file, "SELECT client_order_id FROM orders")).containsExactly("p-1");
    }

    @Test
    void theSqliteProviderNeedsAPathAndRefusesUnknownParameters() {
        StateStoreProvider sqlite = providers().get("sqlite");

        assertThatThrownBy(() -> sqlite.open("b", Params.empty("store"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'path' is required");
        assertThatThrownBy(() -> sqlite.open("b", Params.of("store", Map.of("path", "x.db", "retention", "3"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown parameter 'retention'");
        assertThatThrownBy(() -> sqlite.open("b", Params.of("store", Map.of("path", dir.resolve("y.db").toString(),
                "snapshot-retention", "0")))).isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 1");
    }

    @Test
    void theMemoryProviderOpensAnEmptyStore() {
        try (StateStore store = providers().get("memory").open("b", Params.empty("store"))) {
            assertThat(store.orders()).isEmpty();
            assertThat(store).isInstanceOf(MemoryStateStore.class);
        }
    }
}
