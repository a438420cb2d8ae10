package io.tradekit.core.internal;

import io.tradekit.api.event.BotEvent;
import io.tradekit.core.FlattenOptions;
import io.tradekit.core.errors.HealthSettings;
import io.tradekit.core.protection.Protections;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** The safety settings a builder collects for one bot: protections, flatten, health, flatten on stop, risk listeners. */
public record SafetyConfig(Protections protections, FlattenOptions flatten, HealthSettings health, boolean flattenOnStop,
                           List<Consumer<BotEvent>> riskListeners) {

    public SafetyConfig {
        Objects.requireNonNull(protections, "protections");
        Objects.requireNonNull(flatten, "flatten");
        Objects.requireNonNull(health, "health");
        riskListeners = List.copyOf(riskListeners);
    }

    public static SafetyConfig defaults() {
        return new SafetyConfig(Protections.none(), FlattenOptions.defaults(), HealthSettings.defaults(), false, List.of());
    }

    public SafetyConfig withProtections(Protections p) {
        return new SafetyConfig(Objects.requireNonNull(p, "protections"), flatten, health, flattenOnStop, riskListeners);
    }

    public SafetyConfig withFlatten(FlattenOptions options) {
        return new SafetyConfig(protections, Objects.requireNonNull(options, "flatten options"), health, flattenOnStop, riskListeners);
    }

    public SafetyConfig withHealth(HealthSettings settings) {
        return new SafetyConfig(protections, flatten, Objects.requireNonNull(settings, "health settings"), flattenOnStop, riskListeners);
    }

    public SafetyConfig withFlattenOnStop(boolean flattenOnStop) {
        return new SafetyConfig(protections, flatten, health, flattenOnStop, riskListeners);
    }

    public SafetyConfig withRiskListener(Consumer<BotEvent> listener) {
        List<Consumer<BotEvent>> all = new ArrayList<>(riskListeners);
        all.add(Objects.requireNonNull(listener, "listener"));
        return new SafetyConfig(protections, flatten, health, flattenOnStop, all);
    }
}
