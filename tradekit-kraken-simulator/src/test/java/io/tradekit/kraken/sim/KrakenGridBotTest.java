package io.tradekit.kraken.sim;

import io.tradekit.api.Bar;
import io.tradekit.api.Order;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code grid} strategy (post-only limit orders resting at the venue, fills reported over the
 * executions stream) live against the simulator: a calm run, and one through two dropped connections,
 * a 5xx after the venue took an order and a refused nonce. Same fills, same position, no order twice.
 */
class KrakenGridBotTest {

    private static final int STEPS = 24;

    record Outcome(BigDecimal position, BigDecimal venueBase, List<String> fills, Set<String> botOrders, List<String> venueOrders,
                   int serverErrors, int refusedNonces) {
    }

    private Outcome run(boolean faults) {
        List<Bar> bars = TestBars.wave(60);
        // Kraken's pro tier (counter 20, draining 1/s): each resync after a drop costs a few points
        try (SimulatedKraken venue = new SimulatedKraken(bars, 12, o -> o.withCounter(20, 1.0))) {
            List<BotEvent> events = new CopyOnWriteArrayList<>();
            TradingBot bot = TradeKit.bot("grid-" + faults)
                    .exchange("kraken", venue.credentials, venue.params(Map.of("cancelAfterSeconds", "600", "tier", "pro")))
                    .symbol("ETHUSD")
                    .timeframe(Timeframe.M1)
                    .strategy("grid", Map.of("center", "100", "spacing", "2", "spacing-unit", "absolute", "levels", "3",
                            "size-per-level", "0.1", "size-mode", "base", "post-only", "true", "rebalance", "hold"))
                    .staleAfter(Duration.ofDays(36_500))
                    .onEvent(events::add)
                    .build();
            try (bot) {
                bot.start();
                awaitSettled(bot, venue, events, bars.get(11));
                for (int i = 0; i < STEPS; i++) {
                    if (faults && (i == 3 || i == 11)) venue.sim.dropAllConnections();
                    if (faults && i == 6) venue.sim.failNextOrders(1, FaultInjection.OrderFailure.AFTER_ACCEPTING);
                    if (faults && i == 15) venue.sim.refuseAuthenticationNext(1);
                    venue.sim.step();
                    awaitSettled(bot, venue, events, venue.sim.closedBars().getLast());
                }
                SimulatedKraken.awaitTrue("the bot's position matches the venue's balance",
                        () -> bot.position().quantity().compareTo(venue.base()) == 0);
                List<String> fills = events.stream().filter(e -> e instanceof BotEvent.FillApplied).map(e -> ((BotEvent.FillApplied) e).fill())
                        .map(f -> f.side() + " " + f.quantity().stripTrailingZeros().toPlainString() + " @ " + f.price().stripTrailingZeros().toPlainString())
                        .toList();
                return new Outcome(bot.position().quantity(), venue.base(), fills,
                        bot.orders().stream().filter(o -> o.status() != OrderStatus.REJECTED).map(Order::clientOrderId).collect(Collectors.toSet()),
                        venue.sim.acceptedClientOrderIds(), venue.sim.serverErrors(), venue.sim.errors("EAPI:Invalid nonce"));
            }
        }
    }

    /** Waits until the bot handled {@code bar} and its open orders are the venue's. */
    private static void awaitSettled(TradingBot bot, SimulatedKraken venue, List<BotEvent> events, Bar bar) {
        SimulatedKraken.awaitTrue("bar " + bar.openTime() + " processed", () -> events.stream()
                .anyMatch(e -> e instanceof BotEvent.BarProcessed p && p.bar().openTime().equals(bar.openTime())));
        assertThat(ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(10))).isTrue();
        try {
            SimulatedKraken.awaitTrue("the bot's open orders are the venue's", () -> venueOpen(venue).equals(botOpen(bot)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " after bar " + bar.openTime() + ": venue " + venueOpen(venue) + ", bot " + botOpen(bot)
                    + ", errors " + events.stream().filter(x -> x instanceof BotEvent.ErrorOccurred).toList()
                    + ", venue requests " + venue.sim.requests("/0/private/TradesHistory") + " TradesHistory, "
                    + venue.sim.errors("EAPI:Rate limit exceeded") + " rate limited; private requests " + privateRequests(venue), e);
        }
        assertThat(ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private static String privateRequests(SimulatedKraken venue) {
        return java.util.stream.Stream.of("OpenOrders", "ClosedOrders", "QueryOrders", "TradesHistory", "BalanceEx", "GetWebSocketsToken",
                "CancelAllOrdersAfter").map(m -> m + "=" + venue.sim.requests("/0/private/" + m)).collect(Collectors.joining(" "));
    }

    private static Set<String> venueOpen(SimulatedKraken venue) {
        return venue.sim.orders().stream().filter(o -> o.status().isOpen()).map(Order::clientOrderId).collect(Collectors.toSet());
    }

    private static Set<String> botOpen(TradingBot bot) {
        return bot.openOrders().stream().map(Order::clientOrderId).collect(Collectors.toSet());
    }

    @Test
    void aGridThroughDropsA5xxAfterAcceptAndARefusedNonceEndsLikeACalmRun() {
        Outcome calm = run(false);
        Outcome stormy = run(true);

        assertThat(calm.fills()).as("the grid traded").hasSizeGreaterThanOrEqualTo(4);
        assertThat(stormy.serverErrors()).isEqualTo(1);
        assertThat(stormy.refusedNonces()).isEqualTo(1);
        assertThat(calm.position()).isEqualByComparingTo(calm.venueBase());
        assertThat(stormy.position()).isEqualByComparingTo(stormy.venueBase());
        assertThat(stormy.position()).isEqualByComparingTo(calm.position());
        assertThat(stormy.fills()).as("no fill missed or applied twice").containsExactlyElementsOf(calm.fills());
        assertThat(stormy.venueOrders()).as("each order accepted once").doesNotHaveDuplicates();
        assertThat(Set.copyOf(stormy.venueOrders())).isEqualTo(stormy.botOrders());
        assertThat(stormy.venueOrders()).hasSameSizeAs(calm.venueOrders());
    }
}
