package io.tradekit.binance;

import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.Params;
import io.tradekit.api.spi.ExchangeSettings;
import io.tradekit.binance.sim.BinanceSimulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A simulator and adapters pointed at it. Every fixture has its own API key, so that the JVM-wide
 * weight budget of one test (e.g. paused by a 429) never leaks into another.
 */
final class SimulatedBinance implements AutoCloseable {

    final BinanceSimulator sim;
    final Credentials credentials;
    private final List<BinanceAdapter> adapters = new java.util.ArrayList<>();

    SimulatedBinance(List<Bar> bars, int initialBars) {
        this(bars, initialBars, "secret-" + UUID.randomUUID(), java.util.function.UnaryOperator.identity());
    }

    /** A simulator whose options {@code adjust} changes, for an account whose credentials' secret is {@code secret}. */
    SimulatedBinance(List<Bar> bars, int initialBars, String secret, java.util.function.UnaryOperator<BinanceSimulator.Options> adjust) {
        this.credentials = new Credentials("key" + UUID.randomUUID().toString().replace("-", ""), secret);
        BinanceSimulator.Options defaults = BinanceSimulator.Options.of(0, bars).withInitialBars(initialBars);
        this.sim = BinanceSimulator.start(adjust.apply(defaults.withCredentials(credentials)));
    }

    /** An adapter with fast reconnects and the given extra parameters. */
    BinanceAdapter adapter(Map<String, String> extra) {
        return adapter(credentials, extra);
    }

    BinanceAdapter adapter(Credentials as, Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(sim.adapterParams());
        params.put("reconnectInitialMs", "50");
        params.put("reconnectMaxMs", "400");
        params.put("requestTimeoutMs", "3000");
        params.putAll(extra);
        BinanceAdapter adapter = new BinanceAdapter(BinanceConfig.from(new ExchangeSettings(Params.of("binance", params), Optional.of(as))));
        adapters.add(adapter);
        return adapter;
    }

    BinanceAdapter adapter() {
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
        for (BinanceAdapter a : adapters) a.close();
        sim.close();
    }
}
