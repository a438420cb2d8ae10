package io.tradekit.strategies.confluence;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.Timeframe;
import io.tradekit.api.UntrustedText;
import io.tradekit.risk.MarketRegime;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A confluence's parameters, read from flat names so that the command line's {@code --param} and a bot's JSON say
 * the same thing:
 * <ul>
 *   <li>{@code members}: member ids, comma-separated, e.g. {@code sma-cross,rsi,hourly}; a member's strategy is
 *       {@code <id>.strategy}, or its id when that is a strategy's name;</li>
 *   <li>per member: {@code <id>.weight} (default 1), {@code <id>.timeframe} (default the bot's),
 *       {@code <id>.regime.<regime>} (a multiplier of the weight in that regime: trending-up, trending-down,
 *       ranging, high-volatility; default 1), and any other {@code <id>.<name>}, a parameter of the member's
 *       strategy (checked by its provider);</li>
 *   <li>{@code minAgreement} (default 0.5), {@code staleBars} (default 2), {@code allowShort} (default false);</li>
 *   <li>{@code trend.timeframe}, {@code trend.fast}, {@code trend.slow}: the higher-timeframe trend filter;</li>
 *   <li>{@code regime.timeframe}: the timeframe the regime is read on (default the bot's);</li>
 *   <li>{@code book.maxSpreadBps}, {@code book.minDepth}, {@code book.depthBps} (default 10), {@code book.minImbalance}.</li>
 * </ul>
 */
record ConfluenceParameters(List<MemberSpec> members, BigDecimal minAgreement, int staleBars, boolean allowShort,
                            Optional<TrendFilter> trend, boolean regime, Optional<Timeframe> regimeTimeframe, Optional<BookGate> book) {

    static final String OWNER = "confluence";
    private static final Set<String> TOP_LEVEL = Set.of("members", "minAgreement", "staleBars", "allowShort", "trend.timeframe", "trend.fast",
            "trend.slow", "regime.timeframe", "book.maxSpreadBps", "book.minDepth", "book.depthBps", "book.minImbalance");
    private static final BigDecimal DEFAULT_DEPTH_BPS = BigDecimal.TEN;

    /** One member as the parameters name it; {@code params} are its strategy's own, owned by {@code confluence.<id>}. */
    record MemberSpec(String id, String strategy, BigDecimal weight, Optional<Timeframe> timeframe, Map<MarketRegime, BigDecimal> regimeMultipliers,
                      Params params) {
    }

    static ConfluenceParameters read(Params params) {
        List<String> ids = memberIds(params.requiredText("members"));
        Map<String, Map<String, String>> perMember = new LinkedHashMap<>();
        for (String id : ids) perMember.put(id, new TreeMap<>());
        for (var entry : params.values().entrySet()) {
            String name = entry.getKey();
            if (TOP_LEVEL.contains(name)) continue;
            int dot = name.indexOf('.');
            String id = dot < 0 ? name : name.substring(0, dot);
            if (dot < 0 || !perMember.containsKey(id)) {
                throw new InvalidInputException(OWNER + ": unknown parameter " + UntrustedText.quote(name) + "; known parameters are "
                        + String.join(", ", new TreeSet<>(TOP_LEVEL)) + " and <member>.<name> for the members " + String.join(", ", ids));
            }
            perMember.get(id).put(name.substring(dot + 1), entry.getValue());
        }
        List<MemberSpec> members = new ArrayList<>();
        boolean anyRegime = params.text("regime.timeframe").isPresent();
        for (var member : perMember.entrySet()) {
            MemberSpec spec = member(member.getKey(), member.getValue());
            anyRegime |= !spec.regimeMultipliers().isEmpty();
            members.add(spec);
        }
        BigDecimal minAgreement = params.decimal("minAgreement", new BigDecimal("0.5"));
        if (minAgreement.signum() <= 0 || minAgreement.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException(OWNER + ": parameter 'minAgreement' must be above 0 and at most 1, got " + minAgreement.toPlainString());
        }
        int staleBars = params.integer("staleBars", 2);
        if (staleBars < 1) throw new InvalidInputException(OWNER + ": parameter 'staleBars' must be at least 1, got " + staleBars);
        return new ConfluenceParameters(members, minAgreement, staleBars, params.bool("allowShort", false), trend(params), anyRegime,
                params.text("regime.timeframe").map(t -> timeframe("regime.timeframe", t)), book(params));
    }

    private static List<String> memberIds(String text) {
        List<String> ids = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String id = part.trim();
            if (!id.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
                throw new InvalidInputException(OWNER + ": parameter 'members' has " + UntrustedText.quote(id)
                        + "; a member id is a letter then letters, digits, '-' or '_'");
            }
            if (ids.contains(id)) throw new InvalidInputException(OWNER + ": parameter 'members' names '" + id + "' twice");
            ids.add(id);
        }
        return ids;
    }

    private static MemberSpec member(String id, Map<String, String> values) {
        String path = OWNER + "." + id;
        Map<String, String> own = new TreeMap<>();
        Map<MarketRegime, BigDecimal> multipliers = new EnumMap<>(MarketRegime.class);
        for (var entry : values.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("regime.")) {
                MarketRegime regime = regime(id, name.substring("regime.".length()));
                BigDecimal multiplier = io.tradekit.api.BoundedDecimal.parse(entry.getValue().trim(), OWNER + ": parameter '" + id + "." + name + "'");
                if (multiplier.signum() < 0) {
                    throw new InvalidInputException(OWNER + ": parameter '" + id + "." + name + "' must not be negative, got " + multiplier.toPlainString());
                }
                multipliers.put(regime, multiplier);
            } else if (!name.equals("strategy") && !name.equals("weight") && !name.equals("timeframe")) {
                own.put(name, entry.getValue());
            }
        }
        Params memberParams = Params.of(path, values);
        String strategy = memberParams.text("strategy", id);
        if (strategy.equals(ConfluenceProvider.NAME)) throw new InvalidInputException(OWNER + ": member '" + id + "' is a confluence; members are other strategies");
        BigDecimal weight = memberParams.decimal("weight", BigDecimal.ONE);
        if (weight.signum() <= 0) throw new InvalidInputException(OWNER + ": parameter '" + id + ".weight' must be positive, got " + weight.toPlainString());
        Optional<Timeframe> timeframe = memberParams.text("timeframe").map(t -> timeframe(id + ".timeframe", t));
        return new MemberSpec(id, strategy, weight, timeframe, multipliers, Params.of(path, own));
    }

    private static MarketRegime regime(String id, String name) {
        for (MarketRegime regime : MarketRegime.values()) {
            if (regime.name().replace('_', '-').equalsIgnoreCase(name)) return regime;
        }
        throw new InvalidInputException(OWNER + ": parameter '" + id + ".regime." + UntrustedText.printable(name, 40, false)
                + "' names no regime; regimes are trending-up, trending-down, ranging, high-volatility");
    }

    private static Timeframe timeframe(String name, String text) {
        try {
            return Timeframe.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(OWNER + ": parameter '" + name + "': " + e.getMessage(), e);
        }
    }

    private static Optional<TrendFilter> trend(Params params) {
        boolean any = params.text("trend.timeframe").isPresent() || params.text("trend.fast").isPresent() || params.text("trend.slow").isPresent();
        if (!any) return Optional.empty();
        Timeframe timeframe = timeframe("trend.timeframe", params.requiredText("trend.timeframe"));
        return Optional.of(new TrendFilter(timeframe, params.integer("trend.fast", 10), params.integer("trend.slow", 30)));
    }

    private static Optional<BookGate> book(Params params) {
        Optional<BigDecimal> maxSpread = params.decimal("book.maxSpreadBps");
        Optional<BigDecimal> minDepth = params.decimal("book.minDepth");
        Optional<BigDecimal> minImbalance = params.decimal("book.minImbalance");
        BigDecimal depthBps = params.decimal("book.depthBps", DEFAULT_DEPTH_BPS);
        if (maxSpread.isEmpty() && minDepth.isEmpty() && minImbalance.isEmpty()) {
            if (params.text("book.depthBps").isPresent()) {
                throw new InvalidInputException(OWNER + ": parameter 'book.depthBps' needs 'book.minDepth' or 'book.minImbalance'");
            }
            return Optional.empty();
        }
        return Optional.of(new BookGate(maxSpread, minDepth, depthBps, minImbalance));
    }

    /** The names in words, for a provider's {@code parameters()}. */
    static Set<String> topLevelNames() {
        return TOP_LEVEL;
    }

    static String lower(MarketRegime regime) {
        return regime.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
