package io.tradekit.advisor.rules;

import io.tradekit.advisor.AdviceContext;
import io.tradekit.advisor.BotFigures;
import io.tradekit.advisor.ParameterChange;
import io.tradekit.advisor.ParameterRange;
import io.tradekit.advisor.Proposal;
import io.tradekit.advisor.ProposalSource;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.grid.AdaptiveSpacing;
import io.tradekit.grid.GridStrategyProvider;
import io.tradekit.grid.SpacingUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules for the {@code grid} strategy, judged on its win rate and drawdown once it has closed enough round trips:
 * <ul>
 *   <li>drawdown above the limit: the grid holds too much inventory into a move, so it is made <b>wider and
 *   shallower</b> (spacing × step, levels − step, ATR blend + step);</li>
 *   <li>otherwise a win rate below the low mark: round trips do not pay for their fees, so the spacing is made
 *   <b>wider</b> (spacing × step, ATR blend + step);</li>
 *   <li>a win rate above the high mark with a drawdown under half the limit: the grid is cautious, so it is made
 *   <b>tighter and deeper</b> (spacing ÷ step, levels + step, ATR blend − step);</li>
 *   <li>anything else: no proposal.</li>
 * </ul>
 * Only parameters the bot sets are changed (the spacing only when in percent; the ATR blend only for an adaptive
 * grid, from its standard 0.5 when unset), each new value is clamped to its declared range, a value the clamp
 * leaves unchanged is dropped, and the resulting parameters must make valid grid settings. The evidence holds
 * the figures, the rule that fired and its threshold.
 */
public final class GridRuleSource implements ProposalSource {

    /** The name proposals carry. */
    public static final String NAME = "grid-rules";

    private static final Logger log = LoggerFactory.getLogger(GridRuleSource.class);
    private static final int SPACING_SCALE = 4;

    private final GridRuleSettings settings;

    /**
     * Rules with {@code settings}' thresholds and ranges.
     *
     * @param settings the thresholds, steps and declared ranges the rules use
     */
    public GridRuleSource(GridRuleSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(String strategy) {
        return GridStrategyProvider.NAME.equals(strategy);
    }

    @Override
    public List<Proposal> propose(AdviceContext context) {
        if (!supports(context.strategy())) return List.of();
        BotFigures f = context.figures();
        if (f.roundTrips() < settings.minRoundTrips()) {
            log.info("{}: bot {} has {} round trips, fewer than the {} the rules need: no proposal", NAME, context.botId(), f.roundTrips(),
                    settings.minRoundTrips());
            return List.of();
        }
        Optional<Rule> rule = judge(f);
        if (rule.isEmpty()) {
            log.info("{}: bot {} win rate {} and drawdown {} % are within bounds: no proposal", NAME, context.botId(), f.winRate(),
                    f.maxDrawdownPct().toPlainString());
            return List.of();
        }
        Rule r = rule.get();
        List<ParameterChange> changes = changes(context.params(), r);
        if (changes.isEmpty()) {
            log.info("{}: bot {} would be made {}, but every parameter is unset or already at its bound: no proposal", NAME,
                    context.botId(), r.direction.word);
            return List.of();
        }
        Proposal proposal = Proposal.create(context.botId(), NAME, changes, evidence(f, r), r.reason, context.now(), settings.ttl());
        try {
            GridStrategyProvider.settings(proposal.applyTo(context.params()));
        } catch (InvalidInputException e) {
            log.warn("{}: bot {}: the proposed parameters are not a valid grid ({}): no proposal", NAME, context.botId(), e.getMessage());
            return List.of();
        }
        return List.of(proposal);
    }

    private Optional<Rule> judge(BotFigures f) {
        BigDecimal limit = settings.maxDrawdownPct();
        if (f.maxDrawdownPct().compareTo(limit) > 0) {
            return Optional.of(new Rule(Direction.WIDER_SHALLOWER, "drawdown " + f.maxDrawdownPct().toPlainString() + " % above the limit "
                    + limit.toPlainString() + " %: wider spacing, fewer levels", "maxDrawdownPct > " + limit.toPlainString()));
        }
        if (f.winRate() < settings.lowWinRate()) {
            return Optional.of(new Rule(Direction.WIDER, "win rate " + f.winRate() + " below " + settings.lowWinRate()
                    + ": round trips do not pay their fees, wider spacing", "winRate < " + settings.lowWinRate()));
        }
        BigDecimal halfLimit = limit.divide(BigDecimal.TWO, MathContext.DECIMAL64);
        if (f.winRate() > settings.highWinRate() && f.maxDrawdownPct().compareTo(halfLimit) < 0) {
            return Optional.of(new Rule(Direction.TIGHTER_DEEPER, "win rate " + f.winRate() + " above " + settings.highWinRate()
                    + " with drawdown " + f.maxDrawdownPct().toPlainString() + " % under " + halfLimit.toPlainString()
                    + " %: tighter spacing, more levels", "winRate > " + settings.highWinRate() + " and maxDrawdownPct < " + halfLimit.toPlainString()));
        }
        return Optional.empty();
    }

    private List<ParameterChange> changes(Params p, Rule r) {
        List<ParameterChange> changes = new ArrayList<>();
        if (p.choice("spacing-unit", SpacingUnit.class, SpacingUnit.PERCENT) == SpacingUnit.PERCENT) {
            p.decimal("spacing").ifPresent(spacing -> {
                BigDecimal moved = r.direction.sign > 0 ? spacing.multiply(settings.spacingStep())
                        : spacing.divide(settings.spacingStep(), SPACING_SCALE, RoundingMode.HALF_UP);
                add(changes, p, settings.spacingPercent(), spacing, moved.setScale(SPACING_SCALE, RoundingMode.HALF_UP));
            });
        }
        if (r.direction.levelSign != 0 && p.text("levels").isPresent()) {
            int levels = p.integer("levels", 0);
            add(changes, p, settings.levels(), BigDecimal.valueOf(levels), BigDecimal.valueOf((long) levels + r.direction.levelSign * settings.levelsStep()));
        }
        if (p.bool("adaptive", false)) {
            BigDecimal blend = p.decimal("atr-blend", AdaptiveSpacing.standard().blend());
            add(changes, p, settings.atrBlend(), blend, blend.add(settings.blendStep().multiply(BigDecimal.valueOf(r.direction.sign))));
        }
        return changes;
    }

    private static void add(List<ParameterChange> changes, Params p, ParameterRange range, BigDecimal current, BigDecimal moved) {
        BigDecimal next = range.clamp(moved);
        if (next.compareTo(current) != 0) changes.add(ParameterChange.of(p, range.key(), range.format(next)));
    }

    private Map<String, String> evidence(BotFigures f, Rule r) {
        Map<String, String> evidence = new LinkedHashMap<>(f.asMap());
        evidence.put("rule", r.condition);
        return evidence;
    }

    private enum Direction {
        WIDER_SHALLOWER(1, -1, "wider and shallower"), WIDER(1, 0, "wider"), TIGHTER_DEEPER(-1, 1, "tighter and deeper");

        final int sign;
        final int levelSign;
        final String word;

        Direction(int sign, int levelSign, String word) {
            this.sign = sign;
            this.levelSign = levelSign;
            this.word = word;
        }
    }

    private record Rule(Direction direction, String reason, String condition) {
    }
}
