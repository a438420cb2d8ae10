package io.tradekit.api.spi;

import io.tradekit.api.Params;

/** Opens a {@link StateStore} by name (e.g. {@code sqlite}, {@code memory}); found through {@link java.util.ServiceLoader}. */
public interface StateStoreProvider {

    /**
     * The store's name, as configurations write it.
     *
     * @return e.g. {@code sqlite}
     */
    String name();

    /**
     * Opens (or creates) a bot's store.
     *
     * @param botId  the bot whose journal it is
     * @param params the store's settings, e.g. its path
     * @return the open store
     */
    StateStore open(String botId, Params params);
}
