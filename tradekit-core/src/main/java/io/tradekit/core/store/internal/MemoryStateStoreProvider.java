package io.tradekit.core.store.internal;

import io.tradekit.api.Params;
import io.tradekit.api.spi.StateStore;
import io.tradekit.api.spi.StateStoreProvider;
import io.tradekit.core.store.MemoryStateStore;
import io.tradekit.core.store.SqliteOptions;

import java.util.Set;

/** {@code memory}: a store that lives as long as the JVM. Parameter {@code snapshot-retention} (default 5). */
public final class MemoryStateStoreProvider implements StateStoreProvider {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public StateStore open(String botId, Params params) {
        params.requireOnly(Set.of("snapshot-retention"));
        return new MemoryStateStore(params.integer("snapshot-retention", SqliteOptions.DEFAULT_SNAPSHOT_RETENTION));
    }
}
