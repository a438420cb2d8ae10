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
 *
 * @param id         the bot's id: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit
 * @param tenant     the tenant the bot belongs to, named by the same rule; users see only their tenant's bots
 * @param venue      a label for the venue, e.g. {@code binance}; empty for none
 * @param mode       a label for the mode, e.g. {@code paper}; empty for none
 * @param launcher   how to build the bot on each start, and how to stop it
 * @param riskReport how to make the running bot's risk report; empty when the host has none
 */
public record BotSpec(String id, String tenant, String venue, String mode, BotLauncher launcher,
                      Optional<Function<TradingBot, Object>> riskReport) {

    /**
     * Checks the names and that every other component is present.
     *
     * @throws IllegalArgumentException when the id or tenant breaks the naming rule
     * @throws NullPointerException when a component is null
     */
    public BotSpec {
        Names.check("bot id", id);
        Names.check("tenant", tenant);
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(riskReport, "riskReport");
    }

    /**
     * A bot without venue or mode labels and without a risk report.
     *
     * @param id the bot's id
     * @param tenant the tenant it belongs to
     * @param launcher how to build and stop it
     * @return the spec
     * @throws IllegalArgumentException when the id or tenant breaks the naming rule
     */
    public static BotSpec of(String id, String tenant, BotLauncher launcher) {
        return new BotSpec(id, tenant, "", "", launcher, Optional.empty());
    }

    /**
     * A copy with another venue label.
     *
     * @param newVenue the label, e.g. {@code binance}
     * @return the copy
     */
    public BotSpec venue(String newVenue) {
        return new BotSpec(id, tenant, newVenue, mode, launcher, riskReport);
    }

    /**
     * A copy with another mode label.
     *
     * @param newMode the label, e.g. {@code paper} or {@code live}
     * @return the copy
     */
    public BotSpec mode(String newMode) {
        return new BotSpec(id, tenant, venue, newMode, launcher, riskReport);
    }

    /**
     * A copy that makes a risk report for the running bot.
     *
     * @param report given the running bot, returns any value Jackson can write as JSON
     * @return the copy
     */
    public BotSpec riskReport(Function<TradingBot, Object> report) {
        return new BotSpec(id, tenant, venue, mode, launcher, Optional.of(report));
    }
}
