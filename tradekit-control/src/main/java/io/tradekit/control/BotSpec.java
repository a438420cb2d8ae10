package io.tradekit.control;

import io.tradekit.control.internal.Names;
import io.tradekit.core.TradingBot;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One bot of a fleet: its id (unique in the control plane), the tenant it belongs to, labels for its venue
 * and mode (shown and used as metric tags), how to launch it and, if the host has one, how to make its
 * risk report (any value Jackson can write as JSON).
 *
 * <pre>{@code BotSpec.of("btc-paper", "desk-a", launcher).venue("binance").mode("paper")}</pre>
 */
public record BotSpec(String id, String tenant, String venue, String mode, BotLauncher launcher,
                      Optional<Function<TradingBot, Object>> riskReport) {

    public BotSpec {
        Names.check("bot id", id);
        Names.check("tenant", tenant);
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(riskReport, "riskReport");
    }

    public static BotSpec of(String id, String tenant, BotLauncher launcher) {
        return new BotSpec(id, tenant, "", "", launcher, Optional.empty());
    }

    public BotSpec venue(String newVenue) {
        return new BotSpec(id, tenant, newVenue, mode, launcher, riskReport);
    }

    public BotSpec mode(String newMode) {
        return new BotSpec(id, tenant, venue, newMode, launcher, riskReport);
    }

    public BotSpec riskReport(Function<TradingBot, Object> report) {
        return new BotSpec(id, tenant, venue, mode, launcher, Optional.of(report));
    }
}
