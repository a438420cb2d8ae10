package io.tradekit.risk;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.MarginRules;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.RiskLimits;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.SafetyEvent;
import io.tradekit.core.TradeKit;
import io.tradekit.core.perp.FundingRates;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tradekit.risk.TestAccount.d;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short on a BTCUSDT linear perpetual through the real engine and paper venue, with the policies found on
 * the classpath: the loss limits see the short's loss as the price rises and the funding it pays. No fees.
 * Hourly bars from 2024-01-01 00:00 UTC; funding is settled at 08:00, 16:00 and 00:00 at the mark there.
 */
class PerpetualRiskScenarioTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instrument BTC_PERP = new Instrument("BTCUSDT", "BTC", "USDT", d("0.01"), d("0.001"), d("0.001"), d("5"))
            .asLinearPerpetual(MarginRules.flat(d("100"), d("0.005"), d("0.0006")));

    /** Sells 10 BTC when flat and then holds the short. */
    private static final Strategy SHORT_TEN = new Strategy() {
        @Override
        public void onBar(Bar bar, io.tradekit.api.spi.StrategyContext ctx) {
            if (ctx.position().isFlat() && ctx.openOrders().isEmpty() && bar.openTime().equals(T0)) {
                ctx.submit(OrderIntent.market("BTCUSDT", Side.SELL, d("10")));
            }
        }
    };

    private final List<BotEvent> events = new ArrayList<>();

    /** 100 for the first ten hours, 101 from 10:00 on. */
    private static List<Bar> bars() {
        String[] closes = new String[20];
        for (int i = 0; i < closes.length; i++) closes[i] = i < 10 ? "100" : "101";
        return SyntheticBars.closes("BTCUSDT", Timeframe.H1, T0, closes);
    }

    private BacktestResult run(FundingRates funding, RiskLimits limits) {
        return TradeKit.backtest().bars(bars()).instrument(BTC_PERP).leverage(d("2")).funding(funding).strategy(SHORT_TEN).cash(d("10000"))
                .feeBps(BigDecimal.ZERO).risk(limits).onEvent(events::add).run();
    }

    @Test
    void dailyLossCountsTheShortsLossAndTheFundingItPays() {
        // Short 10 at 100 from 01:00. Funding at -1 % a settlement is paid by shorts: 10 x mark x 0.01.
        // 08:00, mark 100: 10 paid (equity 9990). 11:00: the price is 101, the short is 10 down (9980).
        // 16:00, mark 101: 10.1 paid: 30.1 lost since 00:00, over the limit of 25.
        RiskLimits limits = RiskLimits.builder().maxDailyLoss(d("25")).dayBoundaryHour(0).build();
        BacktestResult r = run(FundingRates.constant(d("-0.01")), limits);

        assertThat(r.safetyEvents()).first().satisfies(e -> {
            assertThat(e.policy()).isEqualTo("max-daily-loss");
            assertThat(e.action()).isEqualTo(SafetyAction.FLATTEN);
            assertThat(e.reason()).isEqualTo("daily loss 30.1 (equity 9969.9 since 10000 at 2024-01-01T00:00:00Z) reached max-daily-loss 25");
        });
        // The flatten buys the short back.
        assertThat(r.fills()).extracting(f -> f.side() + " " + f.quantity().stripTrailingZeros().toPlainString() + " @ " + f.price().toPlainString())
                .containsExactly("SELL 10 @ 100", "BUY 10 @ 101");

        events.clear();
        BacktestResult withoutFunding = run(FundingRates.NONE, limits);
        assertThat(withoutFunding.safetyEvents()).as("the price alone costs the short only 10").isEmpty();
    }

    @Test
    void drawdownCountsTheShortsLossAndTheFundingItPays() {
        // As above: 9990 after the 08:00 funding, 9980 when the price rises, 9969.9 after 16:00: 0.301 % under the peak 10000.
        BacktestResult r = run(FundingRates.constant(d("-0.01")), RiskLimits.builder().maxDrawdown(d("0.003")).build());
        assertThat(r.safetyEvents()).first().satisfies(e -> {
            assertThat(e.policy()).isEqualTo("max-drawdown");
            assertThat(e.action()).isEqualTo(SafetyAction.EMERGENCY_STOP);
            assertThat(e.reason()).isEqualTo("drawdown 0.00301 (0.3 %, equity 9969.9 from peak 10000) reached max-drawdown 0.003");
        });
        events.clear();
        assertThat(run(FundingRates.NONE, RiskLimits.builder().maxDrawdown(d("0.003")).build()).safetyEvents()).isEmpty();
    }

    @Test
    void theFirstEntryIsJudgedAtTheBotsLeverage() {
        // Leverage 10: the short of 10 at 100 has 1000 notional on 100 margin, leverage 10 at any size.
        BacktestResult r = TradeKit.backtest().bars(bars()).instrument(BTC_PERP).leverage(d("10")).strategy(SHORT_TEN).cash(d("10000"))
                .feeBps(BigDecimal.ZERO).risk(RiskLimits.builder().limit(LeverageLimitPolicyProvider.MAX_LEVERAGE, "5").build())
                .onEvent(events::add).run();
        assertThat(r.fills()).isEmpty();
        assertThat(events.stream().filter(BotEvent.OrderDenied.class::isInstance).map(BotEvent.OrderDenied.class::cast).toList())
                .singleElement().satisfies(dn -> {
                    assertThat(dn.deniedBy()).isEqualTo("leverage-limit");
                    assertThat(dn.reason()).isEqualTo("BTCUSDT position leverage 10 after the order (notional 1000 on margin plus unrealized PnL 100)"
                            + " exceeds max-leverage 5; no smaller order keeps it");
                });
    }

    @Test
    void fundingReceivedByAShortKeepsItClearOfTheLimit() {
        // At +1 % the short receives 10 and 10.1: equity 10000 + 10 - 10 + 10.1 = 10010.1 at 16:00.
        BacktestResult r = run(FundingRates.constant(d("0.01")), RiskLimits.builder().maxDailyLoss(d("5")).dayBoundaryHour(0).build());
        assertThat(r.safetyEvents()).isEmpty();
        assertThat(r.finalEquity()).isEqualByComparingTo("10010.1");
    }
}
