package io.tradekit.kraken.sim;

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
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot built with {@code TradeKit.bot(...)}, its adapter found through ServiceLoader as {@code kraken},
 * trading live against the simulator over real sockets: once undisturbed, once with every connection
 * dropped twice, an order answered with a 5xx after the venue took it, and a refused nonce. Both runs
 * must end with the same position and fills, each order accepted once.
 */
class KrakenLiveBotTest {

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

    record Outcome(BigDecimal position, BigDecimal venueBase, List<String> fills, Set<String> botOrders, List<String> venueOrders,
                   int serverErrors, int refusedNonces, long unknownOutcomes) {
    }

    private Outcome run(boolean faults) {
        List<Bar> bars = TestBars.wave(40);
        try (SimulatedKraken venue = new SimulatedKraken(bars, 12)) {
            List<BotEvent> events = new CopyOnWriteArrayList<>();
            TradingBot bot = TradeKit.bot("kraken-" + faults)
                    .exchange("kraken", venue.credentials, venue.params(java.util.Map.of("cancelAfterSeconds", "600")))
                    .symbol("ETHUSD")
                    .timeframe(Timeframe.M1)
                    .strategy(new InAndOut())
                    .staleAfter(Duration.ofDays(36_500)) // the bars are from 2024
                    .onEvent(events::add)
                    .build();
            try (bot) {
                bot.start();
                awaitSettled(bot, events, bars.get(11)); // the bar before the stream took over
                for (int i = 0; i < STEPS; i++) {
                    if (faults && (i == 4 || i == 10)) venue.sim.dropAllConnections();
                    if (faults && i == 7) venue.sim.failNextOrders(1, FaultInjection.OrderFailure.AFTER_ACCEPTING);
                    if (faults && i == 12) venue.sim.refuseAuthenticationNext(1);
                    venue.sim.step();
                    awaitSettled(bot, events, venue.sim.closedBars().getLast());
                }
                SimulatedKraken.awaitTrue("the bot's position matches the venue's balance", () -> bot.openOrders().isEmpty()
                        && bot.position().quantity().compareTo(venue.base()) == 0);
                List<String> fills = events.stream().filter(e -> e instanceof BotEvent.FillApplied).map(e -> ((BotEvent.FillApplied) e).fill())
                        .map(f -> f.side() + " " + f.quantity().stripTrailingZeros().toPlainString() + " @ " + f.price().stripTrailingZeros().toPlainString())
                        .toList();
                return new Outcome(bot.position().quantity(), venue.base(), fills,
                        bot.orders().stream().filter(o -> o.status() != OrderStatus.REJECTED).map(Order::clientOrderId).collect(Collectors.toSet()),
                        venue.sim.acceptedClientOrderIds(), venue.sim.serverErrors(), venue.sim.errors("EAPI:Invalid nonce"),
                        events.stream().filter(e -> e instanceof BotEvent.ErrorOccurred o && o.category() == ErrorCategory.UNKNOWN_OUTCOME).count());
            }
        }
    }

    /** Waits until the bot handled {@code bar} and the order it sent for it (if any) is settled, so that every run steps alike. */
    private static void awaitSettled(TradingBot bot, List<BotEvent> events, Bar bar) {
        SimulatedKraken.awaitTrue("bar " + bar.openTime() + " processed", () -> events.stream()
                .anyMatch(e -> e instanceof BotEvent.BarProcessed p && p.bar().openTime().equals(bar.openTime())));
        assertThat(ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(10))).isTrue();
        SimulatedKraken.awaitTrue("no order in flight", () -> bot.openOrders().isEmpty());
    }

    @Test
    void aRunThroughDropsA5xxAfterAcceptAndARefusedNonceEndsLikeACalmRun() {
        Outcome calm = run(false);
        Outcome stormy = run(true);

        assertThat(calm.fills()).as("the strategy traded on every bar").hasSizeGreaterThanOrEqualTo(STEPS);
        assertThat(calm.serverErrors()).isZero();
        assertThat(stormy.serverErrors()).as("the venue answered one order with a 5xx").isEqualTo(1);
        assertThat(stormy.refusedNonces()).as("and refused one nonce").isEqualTo(1);
        assertThat(stormy.unknownOutcomes()).as("which the bot treated as unknown and looked up").isGreaterThanOrEqualTo(1);
        assertThat(calm.position()).isEqualByComparingTo(calm.venueBase());
        assertThat(stormy.position()).isEqualByComparingTo(stormy.venueBase());
        assertThat(stormy.position()).isEqualByComparingTo(calm.position());
        assertThat(stormy.fills()).as("no fill missed or applied twice").containsExactlyElementsOf(calm.fills());
        assertThat(stormy.venueOrders()).as("each order accepted once").doesNotHaveDuplicates();
        assertThat(Set.copyOf(stormy.venueOrders())).as("no order the bot does not know").isEqualTo(stormy.botOrders());
        assertThat(stormy.venueOrders()).hasSameSizeAs(calm.venueOrders());
    }
}
