package io.tradekit.core.store.internal;

import io.tradekit.api.Position;
import io.tradekit.api.store.BotSnapshot;
import io.tradekit.core.store.StoredSnapshot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks snapshots against the fill journal. A snapshot says its positions include the first
 * {@code fillCount} fills; it is consistent when, for every symbol, its net quantity equals the sum of
 * those fills' signed quantities. The journal is the record of what the venue did, so when the two
 * disagree the snapshot is the one that is wrong.
 */
public final class SnapshotVerifier {

    /** The newest snapshot that is intact and consistent, and why each newer one was passed over. */
    public record Selection(Optional<StoredSnapshot.Intact> chosen, List<String> rejections) {
        public Selection {
            rejections = List.copyOf(rejections);
        }
    }

    private SnapshotVerifier() {
    }

    public static Selection select(List<StoredSnapshot> newestFirst, List<FillEntry> journal) {
        List<String> rejections = new ArrayList<>();
        for (StoredSnapshot stored : newestFirst) {
            switch (stored) {
                case StoredSnapshot.Damaged damaged -> rejections.add("snapshot " + damaged.id() + " is damaged: " + damaged.problem());
                case StoredSnapshot.Intact intact -> {
                    Optional<String> disagreement = disagreement(intact.snapshot(), journal);
                    if (disagreement.isEmpty()) {
                        return new Selection(Optional.of(intact), rejections);
                    }
                    rejections.add("snapshot " + intact.id() + " of " + intact.snapshot().time() + " disagrees with the journal: "
                            + disagreement.get());
                }
            }
        }
        return new Selection(Optional.empty(), rejections);
    }

    /** Why the snapshot contradicts the journal, or empty when it agrees. */
    public static Optional<String> disagreement(BotSnapshot snapshot, List<FillEntry> journal) {
        if (snapshot.fillCount() < 0 || snapshot.fillCount() > journal.size()) {
            return Optional.of("it counts " + snapshot.fillCount() + " fills but the journal holds " + journal.size());
        }
        Map<String, BigDecimal> byFills = netQuantities(journal.subList(0, (int) snapshot.fillCount()));
        Map<String, BigDecimal> bySnapshot = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Position position : snapshot.positions()) {
            if (!seen.add(position.symbol())) {
                return Optional.of("it holds two positions in " + position.symbol());
            }
            bySnapshot.put(position.symbol(), position.quantity());
        }
        Set<String> symbols = new TreeSet<>(byFills.keySet());
        symbols.addAll(bySnapshot.keySet());
        List<String> differences = new ArrayList<>();
        for (String symbol : symbols) {
            BigDecimal held = bySnapshot.getOrDefault(symbol, BigDecimal.ZERO);
            BigDecimal filled = byFills.getOrDefault(symbol, BigDecimal.ZERO);
            if (held.compareTo(filled) != 0) {
                differences.add(symbol + " is " + held.toPlainString() + " in the snapshot but " + filled.toPlainString()
                        + " by its " + snapshot.fillCount() + " fills");
            }
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences));
    }

    /** Net signed quantity per symbol, symbols in name order. */
    public static Map<String, BigDecimal> netQuantities(List<FillEntry> fills) {
        Map<String, BigDecimal> net = new TreeMap<>();
        for (FillEntry fill : fills) {
            net.merge(fill.symbol(), fill.signedQuantity(), BigDecimal::add);
        }
        return net;
    }
}
