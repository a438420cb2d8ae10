package io.tradekit.core.store;

/** The store contract, run against the in-memory store. */
class MemoryStateStoreTest extends StateStoreContract {

    @Override
    protected BotStore newStore() {
        return StateStores.memory();
    }
}
