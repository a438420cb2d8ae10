package io.tradekit.core.net;

import io.tradekit.api.OrderStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an adapter remembers of its orders, for lookups after a reconnect. */
class OrderTrackerTest {

    @Test
    void aLateReportNeverReopensAFinishedOrder() {
        OrderTracker t = new OrderTracker();
        t.sending("a", "ETHUSDT");
        t.seen("a", "1", "ETHUSDT", OrderStatus.FILLED);
        t.seen("a", "1", "ETHUSDT", OrderStatus.NEW);

        assertThat(t.possiblyOpen("ETHUSDT")).isEmpty();
    }

    @Test
    void ordersSentOrOpenArePossiblyOpenAndVenueIdsLeadToClientIds() {
        OrderTracker t = new OrderTracker();
        t.sending("b", "ETHUSDT");
        t.seen("c", "42", "ETHUSDT", OrderStatus.NEW);
        t.seen("d", null, "BTCUSDT", OrderStatus.CANCELED);

        assertThat(t.possiblyOpen("ETHUSDT")).containsExactly("b", "c");
        assertThat(t.clientOrderId("ETHUSDT", "42")).contains("c");
        assertThat(t.clientOrderId("BTCUSDT", "42")).isEmpty();
        assertThat(t.venueOrderId("c")).contains("42");
        assertThat(t.venueOrderId("b")).isEmpty();
        assertThat(t.venueOrderId("d")).isEmpty();
        assertThat(t.symbols()).containsExactlyInAnyOrder("ETHUSDT", "BTCUSDT");
    }
}
