package io.tradekit.strategies.confluence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Signal;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.risk.MarketRegime;
import io.tradekit.risk.RegimeDetector;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Combines other strategies' signals into one: each member (a strategy found by name, with its own parameters) is
 * evaluated on its timeframe's closed bars with a context that records its signal as a vote instead of sending it;
 * on every bot bar on which some member votes BUY or SELL, the confluence decides:
 * <ol>
 *   <li><b>stale data</b>: no decision when the latest bar of a timeframe it reads closed more than
 *       {@code staleBars} bars of that timeframe before now;</li>
 *   <li><b>weighted votes</b>: each vote counts with its member's weight times the multiplier of the current market
 *       regime (read by tradekit-risk's {@link RegimeDetector} when multipliers are set); a side wins when its share
 *       of all members' weights is at least {@code minAgreement} and more than the other side's;</li>
 *   <li><b>entry checks</b>, only when the winning side would open a position (the bot is flat): the higher-timeframe
 *       trend ({@link TrendFilter}) and the order book ({@link BookGate}, skipped without a book). An exit is never
 *       held back.</li>
 * </ol>
 * A member on a higher timeframe votes once per bar of that timeframe, and its vote stands until its next bar: a 1h
 * member confirms the twelve 5m bars after its hour. Members hear of bars only, not of fills or order updates (their
 * signals never become orders). Every decision is a {@link Decision}, written to the bot's audit log and kept for
 * the report (the latest {@value #KEPT_DECISIONS}; the counts cover all).
 *
 * <pre>{@code TradeKit.backtest().bars(bars).strategy("confluence", Map.of("members", "sma-cross,rsi",
 *         "sma-cross.fast", "5", "sma-cross.slow", "20", "trend.timeframe", "1h", "trend.fast", "3", "trend.slow", "8")).run();}</pre>
 */
public final class Confluence implements Strategy {

    static final int KEPT_DECISIONS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MathContext FRACTION = new MathContext(12, RoundingMode.HALF_EVEN);

    private final ConfluenceParameters settings;
    private final List<Member> members;
    private final RegimeDetector regimeDetector = RegimeDetector.standard();
    private final ArrayDeque<Decision> decisions = new ArrayDeque<>();
    private final DecisionCounts counts = new DecisionCounts();

    Confluence(ConfluenceParameters settings, List<Member> members) {
        this.settings = settings;
        this.members = List.copyOf(members);
    }

    /**
     * The decisions kept, oldest first. The strategy runs on the bot's loop thread: read this after the run
     * (or from the loop), not while it is trading.
     *
     * @return a copy of the latest decisions, at most {@value #KEPT_DECISIONS}
     */
    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    /**
     * How many decisions of each kind the run made, over all of them. The counts are live and updated on the
     * loop thread: read them after the run.
     *
     * @return the counts
     */
    public DecisionCounts counts() {
        return counts;
    }

    /**
     * The member ids, in order.
     *
     * @return the ids as the confluence's parameters name them
     */
    public List<String> memberIds() {
        return members.stream().map(m -> m.id).toList();
    }

    @Override
    public boolean allowsShort() {
        return settings.allowShort();
    }

    @Override
    public Set<Timeframe> higherTimeframes() {
        Set<Timeframe> out = new HashSet<>();
        for (Member m : members) {
            m.timeframe.ifPresent(out::add);
            out.addAll(m.strategy.higherTimeframes());
        }
        settings.trend().ifPresent(t -> out.add(t.timeframe()));
        settings.regimeTimeframe().ifPresent(out::add);
        return out;
    }

    /** The most bars any member on the bot's timeframe needs, and the regime's when it is read on that timeframe. */
    @Override
    public int warmupBars() {
        int most = 1;
        for (Member m : members) if (m.timeframe.isEmpty()) most = Math.max(most, m.strategy.warmupBars());
        if (settings.regime() && settings.regimeTimeframe().isEmpty()) most = Math.max(most, regimeDetector.minimumBars());
        return most;
    }

    @Override
    public int warmupBars(Timeframe timeframe) {
        int most = 0;
        for (Member m : members) {
            if (m.timeframe.filter(timeframe::equals).isPresent()) most = Math.max(most, m.strategy.warmupBars());
            most = Math.max(most, m.strategy.warmupBars(timeframe));
        }
        if (settings.trend().filter(t -> t.timeframe().equals(timeframe)).isPresent()) most = Math.max(most, settings.trend().get().slow());
        if (settings.regime() && settings.regimeTimeframe().filter(timeframe::equals).isPresent()) most = Math.max(most, regimeDetector.minimumBars());
        return most;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        for (Member m : members) m.strategy.onStart(new VotingContext(ctx, m.timeframeOn(ctx)));
    }

    @Override
    public void onStop(StrategyContext ctx) {
        for (Member m : members) m.strategy.onStop(new VotingContext(ctx, m.timeframeOn(ctx)));
    }

    @Override
    public void onBar(Bar bar, StrategyContext ctx) {
        for (Member m : members) m.evaluate(ctx);
        if (members.stream().allMatch(m -> m.vote() == Signal.HOLD)) {
            counts.quietBar();
            return;
        }
        Decision decision = decide(bar, ctx);
        keep(decision);
        ctx.audit("decision", decision.outcome() + ": " + decision.reason(), decision.inputsJson());
        if (decision.outcome() != Signal.HOLD) ctx.signal(decision.outcome());
    }

    private Decision decide(Bar bar, StrategyContext ctx) {
        Optional<MarketRegime> regime = settings.regime() ? readRegime(ctx) : Optional.empty();
        List<Vote> votes = new ArrayList<>();
        for (Member m : members) {
            votes.add(new Vote(m.id, m.strategyName, m.timeframeOn(ctx), m.lastBarTime(), m.vote(), m.weight, m.multiplier(regime)));
        }
        BigDecimal total = sum(votes, null);
        BigDecimal buy = total.signum() == 0 ? BigDecimal.ZERO : sum(votes, Signal.BUY).divide(total, FRACTION);
        BigDecimal sell = total.signum() == 0 ? BigDecimal.ZERO : sum(votes, Signal.SELL).divide(total, FRACTION);
        Optional<String> regimeName = regime.map(ConfluenceParameters::lower);
        String tally = "buy " + shown(buy) + ", sell " + shown(sell) + " of the weights, " + settings.minAgreement().toPlainString()
                + " needed (" + votes.stream().map(Vote::describe).collect(Collectors.joining(", ")) + ")"
                + regimeName.map(r -> " in a " + r + " regime").orElse("");
        List<GateCheck> checks = new ArrayList<>();
        GateCheck freshness = staleness(ctx);
        checks.add(freshness);
        if (freshness.blocks()) return new Decision(bar.closeTime(), Signal.HOLD, votes, buy, sell, regimeName, checks, "stale data; " + tally);
        Signal side = winner(buy, sell);
        if (side == Signal.HOLD) return new Decision(bar.closeTime(), Signal.HOLD, votes, buy, sell, regimeName, checks, "no agreement: " + tally);
        if (ctx.position().isFlat()) {
            settings.trend().ifPresent(t -> checks.add(t.check(side, ctx)));
            settings.book().ifPresent(b -> checks.add(b.check(side, ctx)));
        }
        Optional<GateCheck> blocking = checks.stream().filter(GateCheck::blocks).findFirst();
        if (blocking.isPresent()) {
            return new Decision(bar.closeTime(), Signal.HOLD, votes, buy, sell, regimeName, checks, side + " held back by " + blocking.get().describe() + "; " + tally);
        }
        return new Decision(bar.closeTime(), side, votes, buy, sell, regimeName, checks, tally);
    }

    private Signal winner(BigDecimal buy, BigDecimal sell) {
        if (buy.compareTo(settings.minAgreement()) >= 0 && buy.compareTo(sell) > 0) return Signal.BUY;
        if (sell.compareTo(settings.minAgreement()) >= 0 && sell.compareTo(buy) > 0) return Signal.SELL;
        return Signal.HOLD;
    }

    private static BigDecimal sum(List<Vote> votes, Signal side) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Vote v : votes) if (side == null || v.signal() == side) sum = sum.add(v.effectiveWeight());
        return sum;
    }

    private static String shown(BigDecimal fraction) {
        return fraction.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** The timeframes the decision reads: the bot's, the members', the trend's and the regime's. */
    private Set<Timeframe> timeframesRead(StrategyContext ctx) {
        Set<Timeframe> read = new TreeSet<>(higherTimeframes());
        read.add(ctx.timeframe());
        return read;
    }

    private GateCheck staleness(StrategyContext ctx) {
        Instant now = ctx.now();
        for (Timeframe timeframe : timeframesRead(ctx)) {
            List<Bar> latest = ctx.recentBars(timeframe, 1);
            Duration limit = timeframe.duration().multipliedBy(settings.staleBars());
            if (latest.isEmpty()) return GateCheck.blocked("stale", "no " + timeframe + " bar yet");
            Instant closed = latest.getLast().closeTime();
            if (Duration.between(closed, now).compareTo(limit) > 0) {
                return GateCheck.blocked("stale", "the latest " + timeframe + " bar closed at " + closed + ", more than " + settings.staleBars()
                        + " bars before " + now);
            }
        }
        return GateCheck.passed("stale", "every timeframe's latest bar is within " + settings.staleBars() + " bars of " + now);
    }

    private Optional<MarketRegime> readRegime(StrategyContext ctx) {
        Timeframe timeframe = settings.regimeTimeframe().orElse(ctx.timeframe());
        List<Bar> bars = ctx.recentBars(timeframe, regimeDetector.minimumBars());
        if (bars.size() < regimeDetector.minimumBars()) return Optional.empty();
        return Optional.of(regimeDetector.detect(bars).regime());
    }

    private void keep(Decision decision) {
        counts.add(decision);
        if (decisions.size() == KEPT_DECISIONS) decisions.removeFirst();
        decisions.addLast(decision);
    }

    /** The members' own states by member id. */
    @Override
    public String saveState() {
        ObjectNode state = JSON.createObjectNode();
        for (Member m : members) state.put(m.id, m.strategy.saveState());
        return state.toString();
    }

    @Override
    public void restoreState(String json) {
        try {
            JsonNode state = JSON.readTree(json);
            if (state == null || !state.isObject()) throw new InvalidInputException("confluence: saved state " + json + " is not a JSON object");
            for (Member m : members) {
                JsonNode saved = state.get(m.id);
                if (saved != null) m.strategy.restoreState(saved.asText());
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("confluence: saved state is not JSON: " + json, e);
        }
    }

    @Override
    public String toString() {
        return "confluence(" + String.join(", ", memberIds()) + ")";
    }
}
