package io.tradekit.control;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One bot of a {@link Fleet} as the supervisor sees it; {@code error} says why a FAILED bot failed. */
public record FleetEntry(String id, String tenant, String venue, String mode, BotStatus status, Optional<String> error,
                         Optional<Instant> startedAt) {
    public FleetEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
