package io.tradekit.grid;

import io.tradekit.api.Fill;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares the fills of two runs of one grid, for the restart tests. */
final class SameFills {

    private SameFills() {
    }

    /**
     * Each fill of {@code resumed} has the side, price, quantity and time of the one of {@code whole} in its place,
     * compared in a fixed order within each bar. A replay's calls reach its venue in the order they were made (see
     * {@code GridReplayParityTest}, which compares in order); this comparison also holds where they need not.
     */
    static void assertSame(List<Fill> whole, List<Fill> resumed) {
        List<Fill> wholeFills = inBarOrder(whole);
        List<Fill> resumedFills = inBarOrder(resumed);
        assertThat(resumedFills).hasSameSizeAs(wholeFills);
        for (int i = 0; i < wholeFills.size(); i++) {
            Fill a = wholeFills.get(i);
            Fill b = resumedFills.get(i);
            assertThat(b.side()).isEqualTo(a.side());
            assertThat(b.price()).isEqualByComparingTo(a.price());
            assertThat(b.quantity()).isEqualByComparingTo(a.quantity());
            assertThat(b.time()).isEqualTo(a.time());
        }
    }

    private static List<Fill> inBarOrder(List<Fill> fills) {
        return fills.stream().sorted(Comparator.comparing(Fill::time).thenComparing(Fill::side).thenComparing(Fill::price)).toList();
    }
}
