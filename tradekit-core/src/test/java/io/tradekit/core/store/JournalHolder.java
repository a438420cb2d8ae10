package io.tradekit.core.store;

import io.tradekit.api.Order;
import io.tradekit.api.Side;

import java.nio.file.Path;

/**
 * A child JVM that opens a journal, commits one order and {@code args[1]} fills, each in a transaction of its own,
 * says "ready <pid>" and then holds the journal open until it is killed: a second process, or a process killed
 * with everything committed only to the write-ahead log.
 */
public final class JournalHolder {

    private JournalHolder() {
    }

    public static void main(String[] args) throws Exception {
        SqliteStateStore store = StateStores.sqlite(Path.of(args[0]));
        int fills = Integer.parseInt(args[1]);
        Order order = StoreFixtures.limitOrder("o-1", "BTCUSDT", Side.BUY, "5000", "64000");
        store.writeAhead(order);
        for (int i = 0; i < fills; i++) {
            store.recordFill(StoreFixtures.fill("trade-" + i, order, "1", "64000.25", i));
            store.flush();
        }
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
