package io.tradekit.binance;

import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.binance.sim.BinanceSimulator;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot built with {@code TradeKit.bot(...)} trading live through the Binance adapter against the
 * simulator over real sockets: once undisturbed, once with every connection dropped twice and an order
 * answered with a 5xx after the venue took it. Both runs must end in the same place.
 */
class BinanceLiveBotTest {

    private static final int STEPS = 16;

    /** Buys 0.1 (0.2 after a rising bar) when flat, sells it all on the next bar: one order at a time. */
    static final class InAndOut implements Strategy {
        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (!ctx.openOrders().isEmpty()) return;
            if (ctx.position().isFlat()) {
                BigDecimal size = bar.close().compareTo(bar.open()) > 0 ? new BigDecimal("0.2") : new BigDecimal("0.1");
                ctx.submit(OrderIntent.market(ctx.symbol(), Side.BUY, size));
            } else {
                ctx.submit(OrderIntent.market(ctx.symbol(), Side.SELL, ctx.position().quantity()));
            }
        }
    }

    /** What a run ends with. */
    record Outcome(BigDecimal position, BigDecimal venueBase, List<String> fills, Set<String> botOrders, Set<String> venueOrders,
                   int serverErrors, long unknownOutcomes) {
    }

    private Outcome run(boolean faults) throws Exception {
        List<Bar> bars = TestBars.wave("ETHUSDT", Timeframe.M1, 40);
        try (SimulatedBinance venue = new SimulatedBinance(bars, 12)) {
            Map<String, String> settings = new HashMap<>(venue.sim.adapterParams());
            settings.put("reconnectInitialMs", "50");
            settings.put("reconnectMaxMs", "300");
            List<BotEvent> events = new CopyOnWriteArrayList<>();
            TradingBot bot = TradeKit.bot("live-" + faults)
                    .exchange("binance", venue.credentials, settings)
                    .symbol("ETHUSDT")
                    .timeframe(Timeframe.M1)
                    .strategy(new InAndOut())
                    .staleAfter(Duration.ofDays(36_500)) // the data set's bars are from 2024
                    .onEvent(events::add)
                    .build();
            try (bot) {
                bot.start();
                awaitSettled(bot, events, bars.get(11)); // the bar before the stream took over
                for (int i = 0; i < STEPS; i++) {
                    if (faults && (i == 4 || i == 10)) venue.sim.dropAllConnections();
                    if (faults && i == 7) venue.sim.failNextOrders(1, BinanceSimulator.OrderFailure.AFTER_ACCEPTING);
                    venue.sim.step();
                    awaitSettled(bot, events, venue.sim.closedBars().getLast());
                }
                SimulatedBinance.awaitTrue("the bot's position matches the venue's balance", () -> bot.openOrders().isEmpty()
                        && bot.position().quantity().compareTo(baseBalance(venue.sim)) == 0);
                List<String> fills = events.stream().filter(e -> e instanceof BotEvent.FillApplied).map(e -> ((BotEvent.FillApplied) e).fill())
                        .map(f -> f.side() + " " + f.quantity().stripTrailingZeros().toPlainString() + " @ " + f.price().stripTrailingZeros().toPlainString())
                        .toList();
                return new Outcome(bot.position().quantity(), baseBalance(venue.sim), fills,
                        bot.orders().stream().filter(o -> o.status() != OrderStatus.REJECTED).map(Order::clientOrderId).collect(Collectors.toSet()),
                        venue.sim.orders().stream().map(Order::clientOrderId).collect(Collectors.toSet()),
                        venue.sim.errors(-1001),
                        events.stream().filter(e -> e instanceof BotEvent.ErrorOccurred o && o.category() == ErrorCategory.UNKNOWN_OUTCOME).count());
            }
        }
    }

    private static BigDecimal baseBalance(BinanceSimulator sim) {
        return sim.balances().stream().filter(b -> b.asset().equals("ETH")).map(b -> b.free().add(b.locked())).findFirst().orElse(BigDecimal.ZERO);
    }

    /** Waits until the bot handled {@code bar} and the order it sent for it (if any) is settled, so that every run steps alike. */
    private static void awaitSettled(TradingBot bot, List<BotEvent> events, Bar bar) {
        SimulatedBinance.awaitTrue("bar " + bar.openTime() + " processed", () -> events.stream()
                .anyMatch(e -> e instanceof BotEvent.BarProcessed p && p.bar().openTime().equals(bar.openTime())));
        assertThat(ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(10))).isTrue();
        // an order whose answer was a 5xx stays open until the engine's lookup settles it
        SimulatedBinance.awaitTrue("no order in flight", () -> bot.openOrders().isEmpty());
    }

    @Test
    void aRunWithDroppedConnectionsAndA5xxEndsLikeARunWithout() throws Exception {
        Outcome calm = run(false);
        Outcome stormy = run(true);

        assertThat(calm.fills()).as("the strategy traded on every bar").hasSizeGreaterThanOrEqualTo(STEPS);
        assertThat(calm.serverErrors()).isZero();
        assertThat(stormy.serverErrors()).as("the venue answered one order with a 5xx").isEqualTo(1);
        assertThat(stormy.unknownOutcomes()).as("which the bot treated as unknown and looked up").isGreaterThanOrEqualTo(1);
        assertThat(calm.position()).isEqualByComparingTo(calm.venueBase());
        assertThat(stormy.position()).isEqualByComparingTo(stormy.venueBase());
        assertThat(stormy.position()).isEqualByComparingTo(calm.position());
        assertThat(stormy.fills()).as("no fill missed or applied twice").containsExactlyElementsOf(calm.fills());
        assertThat(stormy.venueOrders()).as("no order sent twice").isEqualTo(stormy.botOrders());
        assertThat(stormy.venueOrders()).hasSameSizeAs(calm.venueOrders());
    }
}
