package io.tradekit.config;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Timeframe;
import io.tradekit.api.UntrustedText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A bot's {@code "strategies"} list or {@code "confluence"} block: several strategies that vote, combined by the
 * {@code confluence} strategy. Both become that strategy's parameters (the names the command line's {@code --param}
 * uses, e.g. {@code sma-cross.fast}); every field is checked here with its path.
 *
 * <pre>{@code
 * "confluence": {
 *   "members": [
 *     {"strategy": "sma-cross", "params": {"fast": 5, "slow": 20}},
 *     {"strategy": "rsi", "weight": 2, "timeframe": "15m", "regime": {"ranging": 1.5, "trending-up": 0.5}}
 *   ],
 *   "minAgreement": 0.5, "staleBars": 2,
 *   "trend": {"timeframe": "1h", "fast": 3, "slow": 6},
 *   "book": {"maxSpreadBps": 5, "minDepth": 1000, "depthBps": 10}
 * }}</pre>
 * {@code "strategies": [...]} is the same list of members with the confluence's defaults. A member's id is its
 * {@code "id"}, or its strategy's name; two members of one strategy need ids.
 */
final class ConfluenceSection {

    static final String STRATEGY_NAME = "confluence";
    static final Set<String> BLOCK = Set.of("members", "minAgreement", "staleBars", "allowShort", "trend", "regime", "book");
    static final Set<String> MEMBER = Set.of("id", "strategy", "weight", "timeframe", "params", "regime");
    static final Set<String> TREND = Set.of("timeframe", "fast", "slow");
    static final Set<String> REGIME = Set.of("timeframe");
    static final Set<String> BOOK = Set.of("maxSpreadBps", "minDepth", "depthBps", "minImbalance");
    static final Set<String> REGIMES = Set.of("trending-up", "trending-down", "ranging", "high-volatility");
    /** Names a member's own parameters may not take: the confluence reads them itself. */
    private static final Set<String> RESERVED = Set.of("strategy", "weight", "timeframe");
    private static final String ID_PATTERN = "[A-Za-z][A-Za-z0-9_-]{0,63}";

    private ConfluenceSection() {
    }

    /** {@code "strategies": [...]}: members with the confluence's defaults. */
    static Optional<StrategyConfig> fromList(ConfigFields top) {
        Map<String, String> params = new LinkedHashMap<>();
        return members(top, "strategies", params) ? Optional.of(new StrategyConfig(STRATEGY_NAME, params)) : Optional.empty();
    }

    /** {@code "confluence": {...}}. */
    static Optional<StrategyConfig> fromBlock(ConfigFields top) {
        Optional<ConfigFields> block = top.object("confluence");
        if (block.isEmpty()) return Optional.empty();
        ConfigFields c = block.get();
        c.allowOnly(BLOCK);
        Map<String, String> params = new LinkedHashMap<>();
        boolean membersRead = members(c, "members", params);
        c.decimal("minAgreement").ifPresent(v -> {
            if (v.signum() <= 0 || v.compareTo(BigDecimal.ONE) > 0) c.problem("minAgreement", "is " + v.toPlainString()
                    + "; expected the share of the weights a side needs, above 0 and at most 1, e.g. 0.5");
            params.put("minAgreement", v.toPlainString());
        });
        wholeNumber(c, "staleBars", 1).ifPresent(v -> params.put("staleBars", v.toString()));
        c.bool("allowShort").ifPresent(v -> params.put("allowShort", v.toString()));
        c.object("trend").ifPresent(t -> {
            t.allowOnly(TREND);
            Optional<Timeframe> timeframe = timeframe(t, "timeframe");
            if (timeframe.isEmpty() && !t.has("timeframe")) t.problem("timeframe", "missing; expected the trend's timeframe, e.g. \"1h\"");
            timeframe.ifPresent(tf -> params.put("trend.timeframe", tf.toString()));
            Optional<Integer> fast = wholeNumber(t, "fast", 1);
            Optional<Integer> slow = wholeNumber(t, "slow", 2);
            fast.ifPresent(v -> params.put("trend.fast", v.toString()));
            slow.ifPresent(v -> params.put("trend.slow", v.toString()));
            if (fast.isPresent() && slow.isPresent() && fast.get() >= slow.get()) {
                t.problem("fast", "is " + fast.get() + "; expected fewer bars than \"slow\" (" + slow.get() + ")");
            }
        });
        c.object("regime").ifPresent(r -> {
            r.allowOnly(REGIME);
            timeframe(r, "timeframe").ifPresent(tf -> params.put("regime.timeframe", tf.toString()));
        });
        c.object("book").ifPresent(b -> book(b, params));
        return membersRead ? Optional.of(new StrategyConfig(STRATEGY_NAME, params)) : Optional.empty();
    }

    private static boolean members(ConfigFields parent, String field, Map<String, String> params) {
        Optional<List<ConfigFields>> list = parent.objects(field);
        if (list.isEmpty()) {
            if (!parent.has(field)) parent.problem(field, "missing; expected a list of members such as [{\"strategy\": \"sma-cross\"}, {\"strategy\": \"rsi\"}]");
            return false;
        }
        if (list.get().isEmpty()) {
            parent.problem(field, "is empty; expected at least one member such as {\"strategy\": \"rsi\"}");
            return false;
        }
        List<String> ids = new ArrayList<>();
        for (ConfigFields m : list.get()) {
            m.allowOnly(MEMBER);
            Optional<String> strategy = m.text("strategy", "a strategy name such as \"rsi\"");
            if (strategy.isEmpty() && !m.has("strategy")) m.problem("strategy", "missing; expected a strategy name such as \"rsi\"");
            if (strategy.filter(STRATEGY_NAME::equals).isPresent()) m.problem("strategy", "a confluence cannot be a member of a confluence");
            Optional<String> id = m.text("id", "a member id of letters, digits, '-' and '_'").or(() -> strategy);
            if (id.isEmpty()) continue;
            if (!id.get().matches(ID_PATTERN)) {
                m.problem(m.has("id") ? "id" : "strategy", UntrustedText.quote(id.get()) + " is no member id; expected a letter, then letters, digits, '-' or '_'"
                        + (m.has("id") ? "" : " (give the member an \"id\")"));
                continue;
            }
            if (ids.contains(id.get())) {
                m.problem(m.has("id") ? "id" : "strategy", "member id '" + id.get() + "' is used by an earlier member; give this one its own \"id\"");
                continue;
            }
            ids.add(id.get());
            String prefix = id.get() + ".";
            strategy.ifPresent(s -> params.put(prefix + "strategy", s));
            m.decimal("weight").ifPresent(w -> {
                if (w.signum() <= 0) m.problem("weight", "is " + w.toPlainString() + "; expected a positive weight, e.g. 1");
                params.put(prefix + "weight", w.toPlainString());
            });
            timeframe(m, "timeframe").ifPresent(tf -> params.put(prefix + "timeframe", tf.toString()));
            m.object("params").ifPresent(p -> p.scalars().forEach((name, value) -> {
                if (RESERVED.contains(name) || name.startsWith("regime.")) {
                    p.problem(name, "is the confluence's own setting of a member; write it beside \"params\", not in it");
                } else {
                    params.put(prefix + name, value);
                }
            }));
            m.object("regime").ifPresent(r -> {
                r.allowOnly(REGIMES);
                for (String regime : REGIMES) {
                    r.decimal(regime).ifPresent(multiplier -> {
                        if (multiplier.signum() < 0) r.problem(regime, "is " + multiplier.toPlainString() + "; expected a multiplier of the weight, 0 or more");
                        params.put(prefix + "regime." + regime, multiplier.toPlainString());
                    });
                }
            });
        }
        params.put("members", String.join(",", ids));
        return true;
    }

    private static void book(ConfigFields b, Map<String, String> params) {
        b.allowOnly(BOOK);
        for (String field : List.of("maxSpreadBps", "minDepth", "depthBps")) {
            b.decimal(field).ifPresent(v -> {
                boolean ok = field.equals("depthBps") ? v.signum() > 0 : v.signum() >= 0;
                if (!ok) b.problem(field, "is " + v.toPlainString() + "; expected " + (field.equals("depthBps") ? "a positive" : "a zero or positive") + " number");
                params.put("book." + field, v.toPlainString());
            });
        }
        b.decimal("minImbalance").ifPresent(v -> {
            if (v.compareTo(BigDecimal.ONE.negate()) < 0 || v.compareTo(BigDecimal.ONE) > 0) {
                b.problem("minImbalance", "is " + v.toPlainString() + "; expected an imbalance from -1 to 1");
            }
            params.put("book.minImbalance", v.toPlainString());
        });
        if (b.has("depthBps") && !b.has("minDepth") && !b.has("minImbalance")) {
            b.problem("depthBps", "has nothing to measure; set \"minDepth\" or \"minImbalance\" too");
        }
    }

    private static Optional<Timeframe> timeframe(ConfigFields fields, String field) {
        return fields.text(field, "a timeframe such as \"1h\"").flatMap(text -> {
            try {
                return Optional.of(Timeframe.parse(text));
            } catch (InvalidInputException e) {
                fields.problem(field, UntrustedText.quote(text) + " is not a timeframe; expected <n><unit> with unit s, m, h, d or w (e.g. 5m, 1h)");
                return Optional.empty();
            }
        });
    }

    private static Optional<Integer> wholeNumber(ConfigFields fields, String field, int least) {
        return fields.decimal(field).flatMap(v -> {
            if (v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(least)) < 0 || v.compareTo(BigDecimal.valueOf(100_000)) > 0) {
                fields.problem(field, "is " + v.toPlainString() + "; expected a whole number from " + least + " to 100000");
                return Optional.empty();
            }
            return Optional.of(v.intValueExact());
        });
    }
}
