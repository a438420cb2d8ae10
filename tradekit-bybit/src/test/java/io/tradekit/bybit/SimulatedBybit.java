package io.tradekit.bybit;

import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.Params;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.bybit.sim.BybitSimulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A simulator and adapters pointed at it. Every fixture has its own API key, so that the JVM-wide
 * request budget of one test (e.g. paused by a 10006) never leaks into another.
 */
final class SimulatedBybit implements AutoCloseable {

    final BybitSimulator sim;
    final Credentials credentials;
    private final List<BybitAdapter> adapters = new ArrayList<>();

    SimulatedBybit(List<Bar> bars, int initialBars) {
        this(bars, initialBars, UnaryOperator.identity());
    }

    SimulatedBybit(List<Bar> bars, int initialBars, UnaryOperator<BybitSimulator.Options> tune) {
        this.credentials = new Credentials("key" + UUID.randomUUID().toString().replace("-", ""), "secret-" + UUID.randomUUID());
        this.sim = BybitSimulator.start(tune.apply(BybitSimulator.Options.of(0, bars).withInitialBars(initialBars).withCredentials(credentials)));
    }

    /** Adapter parameters with fast reconnects, plus {@code extra}. */
    Map<String, String> params(Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(sim.adapterParams());
        params.put("reconnectInitialMs", "50");
        params.put("reconnectMaxMs", "400");
        params.put("requestTimeoutMs", "3000");
        params.putAll(extra);
        return params;
    }

    BybitAdapter adapter(Map<String, String> extra) {
        return adapter(credentials, extra);
    }

    BybitAdapter adapter(Credentials as, Map<String, String> extra) {
        BybitAdapter adapter = new BybitAdapter(BybitConfig.from(new ExchangeSettings(Params.of("bybit", params(extra)), Optional.of(as))));
        adapters.add(adapter);
        return adapter;
    }

    BybitAdapter adapter() {
        return adapter(Map.of());
    }

    String symbol() {
        return sim.instrument().symbol();
    }

    /** Waits up to 10 s for {@code condition}. */
    static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 10 s: " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    @Override
    public void close() {
        for (BybitAdapter a : adapters) a.close();
        sim.close();
    }
}
