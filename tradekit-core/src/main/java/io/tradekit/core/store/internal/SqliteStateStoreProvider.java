package io.tradekit.core.store.internal;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.StateStore;
import io.tradekit.api.spi.StateStoreProvider;
import io.tradekit.core.store.SqliteOptions;
import io.tradekit.core.store.StateStores;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * {@code sqlite}: the bot's SQLite file. Parameters: {@code path} (required, one file per bot),
 * {@code snapshot-retention} (default 5), {@code busy-timeout-ms} (default 5000).
 */
public final class SqliteStateStoreProvider implements StateStoreProvider {

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public StateStore open(String botId, Params params) {
        params.requireOnly(Set.of("path", "snapshot-retention", "busy-timeout-ms"));
        String path = params.requiredText("path");
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(params.owner() + ": parameter 'path' is '" + path + "', not a file path: " + e.getReason());
        }
        SqliteOptions defaults = SqliteOptions.defaults();
        SqliteOptions options = defaults
                .withSnapshotRetention(params.integer("snapshot-retention", defaults.snapshotRetention()))
                .withBusyTimeout(Duration.ofMillis(params.longValue("busy-timeout-ms", defaults.busyTimeout().toMillis())));
        return StateStores.sqlite(file, options);
    }
}
