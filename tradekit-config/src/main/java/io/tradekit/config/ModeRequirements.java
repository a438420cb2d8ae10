package io.tradekit.config;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.core.Plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a mode needs from a configuration, checked before anything connects: a known exchange and
 * strategy with valid parameters, risk limits that some policy enforces with valid values; for
 * {@code live} and {@code dry-run} API credentials (they read the account); for {@code live} also a loss
 * limit ({@code risk.max-daily-loss} or {@code risk.max-drawdown}) and an explicit confirmation
 * ({@code "confirmLive": true} or the {@code --yes-really-live} flag); {@code "market": "perp"} outside paper mode
 * needs an exchange category of perpetuals (Bybit {@code linear}). Every problem names its field.
 */
public final class ModeRequirements {

    private ModeRequirements() {
    }

    /**
     * Checks {@code config} for {@code mode}, making the strategy and the risk policies it names once to check
     * their parameters (nothing connects).
     *
     * @param config        the configuration, as read
     * @param mode          the mode about to run; one that takes market data from a venue
     * @param liveConfirmed whether the operator confirmed live trading outside the file (a command-line flag)
     * @param plugins       the exchanges, strategies and risk policies on the classpath
     * @param source        names the configuration in the error, e.g. the file's path
     * @throws ConfigException listing every problem found
     * @throws io.tradekit.api.InvalidInputException when the mode runs over a data set ({@code backtest}, {@code replay})
     */
    public static void check(BotConfig config, Mode mode, boolean liveConfirmed, Plugins plugins, String source) {
        if (!mode.usesVenueMarketData()) {
            throw new InvalidInputException("mode " + mode.label() + " runs over a data set, not from a configuration file");
        }
        List<ConfigProblem> problems = new ArrayList<>();
        if (!plugins.exchangeNames().contains(config.exchange().name())) {
            problems.add(new ConfigProblem("exchange.name", "unknown exchange '" + config.exchange().name() + "'; known exchanges: "
                    + known(plugins.exchangeNames())));
        }
        strategy(config.strategy(), plugins, problems);
        risk(ProtectionSettings.limitsOnly(config.risk()), plugins, problems);
        try {
            ProtectionSettings.from(config.risk());
        } catch (InvalidInputException e) {
            problems.add(new ConfigProblem("risk", e.getMessage()));
        }
        if (mode.needsCredentials() && config.exchange().credentials().isEmpty()) {
            String venue = config.exchange().name();
            problems.add(new ConfigProblem("exchange.apiKey", "missing: " + mode.label() + " reads the account, so it needs API credentials; set "
                    + ExchangeConfig.apiKeyVariable(venue) + " and " + ExchangeConfig.apiSecretVariable(venue)
                    + " (or exchange.apiKey and exchange.apiSecret)"));
        }
        if (config.market().isDerivative() && mode != Mode.PAPER && !tradesPerpetuals(config.exchange())) {
            problems.add(new ConfigProblem("market", "\"perp\" runs " + mode.label() + " only on a venue category of perpetuals (bybit with"
                    + " \"category\": \"linear\"); on exchange '" + config.exchange().name() + "' it runs in paper mode only"));
        }
        if (mode == Mode.LIVE) {
            if (!config.risk().has(RiskLimits.MAX_DAILY_LOSS) && !config.risk().has(RiskLimits.MAX_DRAWDOWN)) {
                problems.add(new ConfigProblem("risk", "live trading needs a loss limit: set risk." + RiskLimits.MAX_DAILY_LOSS
                        + " (quote currency lost in a day, e.g. 500) or risk." + RiskLimits.MAX_DRAWDOWN + " (fall from the equity peak, e.g. 0.05)"));
            }
            if (!config.confirmLive() && !liveConfirmed) {
                problems.add(new ConfigProblem("confirmLive", "live mode trades real money and needs an explicit confirmation: "
                        + "set \"confirmLive\": true in the file or pass --yes-really-live"));
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(source, problems);
    }

    /** Whether the exchange's settings pick a category of perpetuals: Bybit's {@code linear}, the one adapter that trades them. */
    private static boolean tradesPerpetuals(ExchangeConfig exchange) {
        return exchange.name().equals("bybit") && "linear".equals(exchange.settings().get("category"));
    }

    private static void strategy(StrategyConfig strategy, Plugins plugins, List<ConfigProblem> problems) {
        if (!plugins.strategyNames().contains(strategy.name())) {
            problems.add(new ConfigProblem("strategy.name", "unknown strategy '" + strategy.name() + "'; known strategies: "
                    + known(plugins.strategyNames())));
            return;
        }
        try {
            // Making the strategy has no side effect and is the one place its parameters are fully checked.
            plugins.strategy(strategy.name()).create(Params.of(strategy.name(), strategy.params()));
        } catch (InvalidInputException e) {
            problems.add(new ConfigProblem(fieldNamedIn(e.getMessage(), "strategy.params", strategy.params().keySet()), e.getMessage()));
        }
    }

    private static void risk(RiskLimits limits, Plugins plugins, List<ConfigProblem> problems) {
        Set<String> enforced = plugins.enforcedRules();
        for (String rule : limits.rules()) {
            if (!enforced.contains(rule)) {
                problems.add(new ConfigProblem("risk." + rule, "no risk policy on the classpath enforces this rule; enforced rules: "
                        + known(enforced)));
            }
        }
        for (RiskPolicyProvider provider : plugins.riskProviders()) {
            Set<String> named = new TreeSet<>(provider.rules());
            named.retainAll(limits.rules());
            if (named.isEmpty()) continue;
            try {
                provider.create(limits);
            } catch (InvalidInputException e) {
                problems.add(new ConfigProblem(fieldNamedIn(e.getMessage(), "risk", named), e.getMessage()));
            }
        }
    }

    /** {@code prefix.name} for the first of {@code names} that the message quotes, else {@code prefix}. */
    private static String fieldNamedIn(String message, String prefix, Set<String> names) {
        for (String name : new TreeSet<>(names)) {
            if (message.contains("'" + name + "'")) return prefix + "." + name;
        }
        if (names.size() == 1 && prefix.equals("risk")) return prefix + "." + names.iterator().next();
        return prefix;
    }

    private static String known(Set<String> names) {
        return names.isEmpty() ? "(none on the classpath)" : String.join(", ", new TreeSet<>(names));
    }
}
