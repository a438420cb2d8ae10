package io.tradekit.control;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One bot of a {@link Fleet} as the supervisor sees it, a snapshot taken when it was asked for.
 *
 * @param id        the bot's id, unique in the control plane
 * @param tenant    the tenant the bot belongs to
 * @param venue     the venue label of its {@link BotSpec}, empty when none was given
 * @param mode      the mode label of its {@link BotSpec}, empty when none was given
 * @param status    where the bot is in the supervisor's hands
 * @param error     why a {@link BotStatus#FAILED} bot failed (the exception's type and message); empty otherwise
 * @param startedAt when the bot last started; empty before its first start
 */
public record FleetEntry(String id, String tenant, String venue, String mode, BotStatus status, Optional<String> error,
                         Optional<Instant> startedAt) {
    /**
     * Checks that the id, tenant, status and both {@code Optional}s are present.
     *
     * @throws NullPointerException when one of them is null
     */
    public FleetEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
