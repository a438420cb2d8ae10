package io.tradekit.core.store;

import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.store.BotSnapshot;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bot resumes from: the newest trustworthy snapshot and the fills recorded after it, the orders
 * to reconcile with the venue, and the net positions of the whole journal.
 *
 * @param snapshot           the snapshot to restore, or empty if none was ever saved (start from the journal alone)
 * @param fillsAfterSnapshot the fills to apply on top of the snapshot, in journal order
 * @param openOrders         orders that are or may be working at the venue, oldest first: each must be looked up
 * @param journalPositions   net quantity per symbol by every fill in the journal
 * @param rejectedSnapshots  why each newer snapshot was passed over (empty when the newest was used)
 */
public record RecoveredState(Optional<BotSnapshot> snapshot, List<Fill> fillsAfterSnapshot, List<Order> openOrders,
                             Map<String, BigDecimal> journalPositions, List<String> rejectedSnapshots) {

    /**
     * Copies the lists and the map so the record cannot change afterwards.
     *
     * @throws NullPointerException if any component is null or holds a null element
     */
    public RecoveredState {
        Objects.requireNonNull(snapshot, "snapshot");
        fillsAfterSnapshot = List.copyOf(fillsAfterSnapshot);
        openOrders = List.copyOf(openOrders);
        journalPositions = Map.copyOf(journalPositions);
        rejectedSnapshots = List.copyOf(rejectedSnapshots);
    }

    /**
     * Whether recovery had to pass over newer snapshots.
     *
     * @return true when the newest snapshot could not be used and an older one (or the journal alone) was
     */
    public boolean fellBack() {
        return !rejectedSnapshots.isEmpty();
    }
}
