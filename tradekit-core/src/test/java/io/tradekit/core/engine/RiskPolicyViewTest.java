package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.spi.RiskContext;
import io.tradekit.api.spi.RiskPolicyProvider;
import io.tradekit.api.spi.RiskDecision;
import io.tradekit.api.spi.RiskPolicy;
import io.tradekit.api.spi.SafetyVerdict;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Plugins;
import io.tradekit.core.TradeKit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A risk policy reads the account; it cannot reach the strategy's powers by casting what it is given. */
class RiskPolicyViewTest {

    /** Tries, at every hook, to turn its context into a strategy's and trade with it; records what it was given. */
    static final class CastingPolicy implements RiskPolicy {
        final List<String> seen = new ArrayList<>();
        BigDecimal equitySeen;

        @Override
        public String name() {
            return "casting";
        }

        private void tryToTrade(RiskContext ctx, String hook) {
            seen.add(hook + ":" + (ctx instanceof StrategyContext ? "strategy-context" : "read-only"));
            if (ctx instanceof StrategyContext strategy) strategy.submit(OrderIntent.market("BTCUSDT", Side.SELL, BigDecimal.ONE));
        }

        @Override
        public RiskDecision check(OrderIntent intent, RiskContext ctx) {
            tryToTrade(ctx, "check");
            equitySeen = ctx.equity();
            return RiskDecision.allow();
        }

        @Override
        public SafetyVerdict assess(RiskContext ctx) {
            tryToTrade(ctx, "assess");
            return SafetyVerdict.ok(name());
        }

        @Override
        public void onFill(Fill fill, BigDecimal realizedPnl, RiskContext ctx) {
            tryToTrade(ctx, "onFill");
        }
    }

    @Test
    void everyHookGetsAReadOnlyViewThatStillReadsTheAccount() {
        CastingPolicy policy = new CastingPolicy();
        List<Bar> bars = Bars.closes("100", "101", "102", "103");
        BacktestResult result = TradeKit.backtest().bars(bars).instrument(Bars.BTC).cash(new BigDecimal("1000"))
                .strategy((bar, ctx) -> ctx.signal(bar.close().compareTo(new BigDecimal("101")) == 0 ? Signal.BUY : Signal.HOLD))
                .plugins(Plugins.discover().register(new RiskPolicyProvider() {
                    public String name() {
                        return "casting";
                    }

                    public Set<String> rules() {
                        return Set.of("casting");
                    }

                    public RiskPolicy create(RiskLimits limits) {
                        return policy;
                    }
                }))
                .risk(RiskLimits.builder().limit("casting", "on").build())
                .run();

        assertThat(policy.seen).contains("check:read-only", "assess:read-only", "onFill:read-only")
                .noneMatch(s -> s.endsWith("strategy-context"));
        assertThat(policy.equitySeen).as("the view answers reads: the cash before the buy").isEqualByComparingTo("1000");
        assertThat(result.orders()).as("only the strategy's own buy was placed").hasSize(1);
    }
}
