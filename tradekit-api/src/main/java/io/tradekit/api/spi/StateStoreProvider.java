package io.tradekit.api.spi;

import io.tradekit.api.Params;

/** Opens a {@link StateStore} by name (e.g. {@code sqlite}, {@code memory}); found through {@link java.util.ServiceLoader}. */
public interface StateStoreProvider {

    String name();

    StateStore open(String botId, Params params);
}
