package io.tradekit.core.pairs;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Side;
import io.tradekit.api.Signal;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.FillModel;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.sizing.Budget;
import io.tradekit.core.sizing.PositionSizers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bots on one paper account, each with a budget, three pairs each, every pair signalling on the same bars:
 * under the next-open fill model every entry of a bar is still working when the next pair signals, so without the
 * reservation the third pair of a bot would size from money the first two already spent.
 */
class SharedAccountBudgetTest {

    private static final BigDecimal ACCOUNT = new BigDecimal("10000");
    private static final List<String> PAIRS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

    /** Enters when flat, leaves when holding: every pair signals on every bar. */
    static final class InAndOut implements Strategy {
        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            ctx.signal(ctx.position().isFlat() ? Signal.BUY : Signal.SELL);
        }
    }

    @Test
    void twoBudgetedBotsOnOneAccountNeverSpendEachOthersShareUnderABurstOfSignals() {
        // Each next open is the previous close, so a market entry fills at the price it was reserved at.
        Map<String, List<Bar>> bars = Map.of(
                "BTCUSDT", PairBars.closes("BTCUSDT", "100", "103", "101", "104", "99", "102", "105", "103", "100", "98", "101", "104"),
                "ETHUSDT", PairBars.closes("ETHUSDT", "50", "51", "49.5", "52", "53", "51", "50.5", "52.5", "54", "53", "52", "55"),
                "SOLUSDT", PairBars.closes("SOLUSDT", "20", "21", "19.8", "20.4", "22", "21.5", "20.9", "21.7", "22.3", "21", "20.2", "21.1"));
        PaperSettings settings = PaperSettings.of(List.of(PairBars.BTC, PairBars.ETH, PairBars.SOL), Map.of("USDT", ACCOUNT))
                .withFillModel(FillModel.NEXT_OPEN);
        PaperExchange account = new PaperExchange(settings);
        List<BotEvent.OrderDenied> refusals = new CopyOnWriteArrayList<>();
        TradingBot first = bot("alpha", account, Budget.quote(new BigDecimal("3000")), refusals);
        TradingBot second = bot("beta", account.sameAccount(), Budget.fraction(new BigDecimal("0.25")), refusals);
        try (first; second) {
            first.start();
            second.start();
            assertThat(first.budgetCapital()).contains(new BigDecimal("3000"));
            assertThat(second.budgetCapital()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("2500")); // 0.25 x 10000
            for (int i = 0; i < 12; i++) {
                List<Bar> closingTogether = new ArrayList<>();
                for (String pair : PAIRS) closingTogether.add(bars.get(pair).get(i));
                ReplayDriver.of(first).feed(closingTogether);
                ReplayDriver.of(second).feed(closingTogether); // already played by the first: the second bot only hears the bars
            }
            assertThat(ReplayDriver.of(first).awaitIdle(java.time.Duration.ofSeconds(30))).isTrue();
            assertThat(ReplayDriver.of(second).awaitIdle(java.time.Duration.ofSeconds(30))).isTrue();

            for (TradingBot bot : List.of(first, second)) {
                BigDecimal capital = bot.budgetCapital().orElseThrow();
                List<Fill> fills = bot.fills();
                assertThat(fills).as(bot.id() + " traded").hasSizeGreaterThan(20);
                String prefix = bot.id() + "-";
                assertThat(fills).allSatisfy(f -> assertThat(f.clientOrderId()).startsWith(prefix));
                // Its own books from its fills: never below zero, i.e. never more spent than its budget.
                BigDecimal cash = capital;
                BigDecimal lowest = capital;
                for (Fill f : fills) {
                    BigDecimal notional = f.price().multiply(f.quantity());
                    cash = f.side() == Side.BUY ? cash.subtract(notional).subtract(f.fee()) : cash.add(notional).subtract(f.fee());
                    lowest = lowest.min(cash);
                }
                assertThat(lowest).as(bot.id() + ": the least it had left of its budget").isGreaterThanOrEqualTo(BigDecimal.ZERO);
                assertThat(bot.cash()).isEqualByComparingTo(cash);
                // The burst: on some bar all three pairs entered, the third sized from what the first two left.
                Map<Instant, List<Order>> entriesByBar = bot.orders().stream().filter(o -> o.side() == Side.BUY && o.filledQuantity().signum() > 0)
                        .collect(Collectors.groupingBy(Order::createdAt));
                List<Order> burst = entriesByBar.values().stream().filter(l -> l.size() == 3).findFirst().orElseThrow();
                Instant sent = burst.get(0).createdAt();
                BigDecimal before = capital; // the bot's cash when the three entries were sent: its fills until then
                for (Fill f : fills) {
                    if (!f.time().isBefore(sent)) break;
                    BigDecimal notional = f.price().multiply(f.quantity());
                    before = f.side() == Side.BUY ? before.subtract(notional).subtract(f.fee()) : before.add(notional).subtract(f.fee());
                }
                BigDecimal committed = BigDecimal.ZERO;
                for (Order o : burst) committed = committed.add(o.averageFillPrice().multiply(o.filledQuantity()).multiply(new BigDecimal("1.001")));
                // 40 % + 40 % + what was left: the whole cash, never more (percent sizing alone would have spent 120 %).
                assertThat(committed).as(bot.id() + ": three entries working at once, fees included").isLessThanOrEqualTo(before)
                        .isGreaterThan(before.multiply(new BigDecimal("0.99")));
            }

            // The account is exactly what the two did: its cash moved by both bots' flows, each holding is the sum of theirs.
            Map<String, BigDecimal> venue = account.balances().stream().collect(Collectors.toMap(Balance::asset, Balance::total));
            BigDecimal expectedCash = ACCOUNT.add(first.cash().subtract(first.budgetCapital().orElseThrow()))
                    .add(second.cash().subtract(second.budgetCapital().orElseThrow()));
            assertThat(venue.get("USDT")).isEqualByComparingTo(expectedCash);
            for (String pair : PAIRS) {
                String base = pair.replace("USDT", "");
                BigDecimal held = first.position(pair).quantity().add(second.position(pair).quantity());
                assertThat(venue.getOrDefault(base, BigDecimal.ZERO)).as(base + " held by the two bots").isEqualByComparingTo(held);
            }
            assertThat(refusals).as("no order reached the gate beyond a budget: sizing read the free budget").isEmpty();
        }
    }

    @Test
    void anOrderBeyondTheBotsFreeBudgetIsRefusedByTheGateHoweverItWasMade() {
        PaperExchange account = new PaperExchange(PaperSettings.of(PairBars.BTC, ACCOUNT));
        List<BotEvent.OrderDenied> refusals = new CopyOnWriteArrayList<>();
        Strategy twoBids = (bar, ctx) -> {
            if (!ctx.openOrders().isEmpty()) return;
            // 6 x 90 = 540 (+0.54 fee) fits the 1000 budget; the second bid's 540.54 does not fit the 459.46 left.
            ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("6"), new BigDecimal("90")));
            ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("6"), new BigDecimal("90")));
        };
        try (TradingBot bot = TradeKit.bot("capped").exchange(account).symbol("BTCUSDT").timeframe(io.tradekit.api.Timeframe.M1)
                .strategy(twoBids).budget(Budget.quote(new BigDecimal("1000"))).dataClock()
                .onEvent(e -> {
                    if (e instanceof BotEvent.OrderDenied d) refusals.add(d);
                }).build()) {
            bot.start();
            ReplayDriver.of(bot).feed(PairBars.closes("BTCUSDT", "100").get(0));
            assertThat(bot.openOrders()).hasSize(1);
            assertThat(refusals).singleElement().satisfies(d -> {
                assertThat(d.deniedBy()).isEqualTo("budget");
                assertThat(d.reason()).isEqualTo("the order costs 540.54 USDT but the bot's budget (quote:1000, capital 1000) has 459.46 free");
            });
        }
    }

    private static TradingBot bot(String id, PaperExchange venue, Budget budget, List<BotEvent.OrderDenied> refusals) {
        return TradeKit.bot(id).exchange(venue).pairs(PAIRS).timeframe(io.tradekit.api.Timeframe.M1)
                .strategyPerPair("in-and-out", InAndOut::new).sizer(PositionSizers.percentOfEquity(new BigDecimal("0.4")))
                .budget(budget).dataClock()
                .onEvent(e -> {
                    if (e instanceof BotEvent.OrderDenied d && d.deniedBy().equals("budget")) refusals.add(d);
                }).build();
    }
}
