package io.tradekit.core.store.internal;

import io.tradekit.core.store.UnrecoverableStateException;
import org.jdbi.v3.core.Handle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Brings a bot's database to the schema this version of tradekit reads. Each version is an SQL resource
 * next to this package ({@code V<n>__<what>.sql}); the pending ones are applied in order in one
 * transaction and recorded in {@code schema_version}, so that an upgrade either completes or leaves the
 * file as it was.
 */
public final class SchemaMigrator {

    /** One schema version and the script that produces it from the version before. */
    public record Migration(int version, String description, String resource) {
    }

    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "operational model: orders, fills, positions, equity, events, config, candles, snapshots",
                    "V1__operational_model.sql"),
            new Migration(2, "metrics snapshots, snapshot checksums, open-orders index",
                    "V2__metrics_checksums_open_orders.sql"),
            new Migration(3, "a fill is identified by symbol, order and trade id", "V3__fill_identity_by_order.sql"),
            new Migration(4, "approvals of proposed parameter changes", "V4__approvals.sql"),
            new Migration(5, "one equity snapshot per instant: a newer mark replaces the older", "V5__replay_progress.sql"),
            new Migration(6, "funding payments of perpetual positions, one per symbol and instant", "V6__funding_payments.sql"),
            new Migration(7, "audit events of one type found in the order they were written", "V7__events_by_type.sql"));

    private static final String RESOURCE_DIR = "/io/tradekit/core/store/";

    private SchemaMigrator() {
    }

    public static int latestVersion() {
        return MIGRATIONS.getLast().version();
    }

    /** The schema version of the database; 0 for an empty one. */
    public static int currentVersion(Handle handle) {
        boolean versioned = handle.createQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
                .mapTo(Integer.class).one() > 0;
        if (!versioned) {
            return 0;
        }
        return handle.createQuery("SELECT coalesce(max(version), 0) FROM schema_version").mapTo(Integer.class).one();
    }

    /**
     * Applies every migration above the database's version up to {@code target}.
     *
     * @param location the file, named in errors
     */
    public static void migrate(Handle handle, int target, String location) {
        handle.useTransaction(tx -> {
            int current = currentVersion(tx);
            if (current == 0) {
                refuseForeignDatabase(tx, location);
                tx.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                        + "applied_ns INTEGER NOT NULL)");
            }
            if (current > latestVersion()) {
                throw new UnrecoverableStateException(location + " has schema version " + current + ", written by a newer "
                        + "tradekit; this version reads up to " + latestVersion() + ". Run the newer version, or restore a backup.");
            }
            for (Migration migration : MIGRATIONS) {
                if (migration.version() <= current || migration.version() > target) {
                    continue;
                }
                tx.createScript(script(migration)).execute();
                tx.createUpdate("INSERT INTO schema_version (version, description, applied_ns) VALUES (?, ?, ?)")
                        .bind(0, migration.version()).bind(1, migration.description())
                        .bind(2, EpochNanos.of(Instant.now(), "migration time")).execute();
            }
        });
    }

    private static void refuseForeignDatabase(Handle handle, String location) {
        List<String> tables = handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                .mapTo(String.class).list();
        if (!tables.isEmpty()) {
            throw new UnrecoverableStateException(location + " is an SQLite database but not a tradekit state store (it has tables "
                    + Set.copyOf(tables) + " and no schema_version); give each bot a file of its own");
        }
    }

    private static String script(Migration migration) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(RESOURCE_DIR + migration.resource())) {
            if (in == null) {
                throw new IllegalStateException("migration resource " + RESOURCE_DIR + migration.resource() + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + migration.resource(), e);
        }
    }
}
