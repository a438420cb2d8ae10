package io.tradekit.examples.modes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.Order;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.event.BotEvent;
import io.tradekit.bybit.sim.BybitSimulator;
import io.tradekit.core.Plugins;
import io.tradekit.config.BotConfig;
import io.tradekit.config.BotConfigReader;
import io.tradekit.config.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMA and grid bots in live mode, run by the same session the {@code live} command runs, trading
 * through the real Bybit adapter against the simulator over real sockets, on spot and on linear (a perp bot
 * at 3x that pays funding): once undisturbed, once with every connection dropped three times and orders
 * answered with a 5xx after the venue took them. Both runs must end in the same place, with every fill
 * applied once and no order sent twice.
 */
class BybitLiveModeTest {

    @TempDir
    Path dir;

    /** Drops every connection before these steps (the bar closes while the bot is cut off). */
    private static final Set<Integer> DROPS = Set.of(6, 13, 21);

    /** What a run ends with. */
    record Outcome(BigDecimal position, BigDecimal venueBase, List<String> fills, Set<String> botOrders, Set<String> venueOrders,
                   int ordersPosted, int rateLimited, int serverErrors, long unknownOutcomes, int catchUps, int reportedFills,
                   BigDecimal reportedNetFunding, BigDecimal venueFundingPaid, int settlements, BigDecimal lowestPosition,
                   int leverageSets) {
    }

    private Outcome run(String name, String strategy, Map<String, Object> params, int first, int steps, boolean faults, int faultStep) {
        return run(name, strategy, params, first, steps, faults, faultStep, false);
    }

    private Outcome run(String name, String strategy, Map<String, Object> params, int first, int steps, boolean faults, int faultStep,
                        boolean linear) {
        try (BybitOnLoopback venue = linear ? BybitOnLoopback.linear(first, 12 + steps, 12) : new BybitOnLoopback(first, 12 + steps, 12)) {
            BotConfig config = new BotConfigReader(venue.environment())
                    .parse(venue.config(name, dir.resolve(name + (faults ? "-stormy" : "-calm")), strategy, params,
                            Map.of("sizing", Map.of("fractionOfEquity", 0.5))), name);
            List<BotEvent> events = new CopyOnWriteArrayList<>();
            try (TradingSession session = TradingSession.open(config, Mode.LIVE, Plugins.discover(), false, name)) {
                session.onEvent(events::add);
                session.start();
                venue.settle(session.bot(), venue.bars.get(11));
                for (int i = 0; i < steps; i++) {
                    if (faults && DROPS.contains(i)) venue.sim.dropAllConnections();
                    if (faults && i == faultStep) venue.sim.failNextOrders(2, BybitSimulator.OrderFailure.SERVER_ERROR_AFTER_ACCEPTING);
                    venue.step(session.bot());
                    // Sized from equity, the next entry must see the same funding in every run, and the report all of it.
                    venue.awaitFundingHeard(session.bot());
                }
                BybitOnLoopback.await("the bot's position matches the venue's",
                        () -> session.bot().position().quantity().compareTo(venue.venuePosition()) == 0);
                BigDecimal position = session.bot().position().quantity();
                Set<String> botOrders = session.bot().orders().stream().filter(o -> o.status() != OrderStatus.REJECTED)
                        .map(Order::clientOrderId).collect(Collectors.toSet());
                SessionResult result = session.stop();
                List<String> fills = events.stream().filter(e -> e instanceof BotEvent.FillApplied).map(e -> ((BotEvent.FillApplied) e).fill())
                        .map(f -> f.side() + " " + f.quantity().stripTrailingZeros().toPlainString() + " @ " + f.price().stripTrailingZeros().toPlainString())
                        .toList();
                return new Outcome(position, venue.venuePosition(), fills, botOrders,
                        venue.sim.orders().stream().map(Order::clientOrderId).collect(Collectors.toSet()),
                        venue.sim.requests("POST", "/v5/order/create"), venue.sim.answers(10006) + venue.sim.answers(403), venue.sim.answers(502),
                        events.stream().filter(e -> e instanceof BotEvent.ErrorOccurred o && o.category() == ErrorCategory.UNKNOWN_OUTCOME).count(),
                        venue.sim.requests("GET", "/v5/market/kline") + venue.sim.requests("GET", "/v5/order/realtime"),
                        summaryFills(result.files().summaryJson()), summaryNetFunding(result.files().summaryJson()),
                        venue.venueFundingPaid(),
                        venue.sim.fundingPayments().size(),
                        events.stream().filter(e -> e instanceof BotEvent.FillApplied).map(e -> ((BotEvent.FillApplied) e).position().quantity())
                                .reduce(BigDecimal.ZERO, BigDecimal::min),
                        venue.sim.requests("POST", "/v5/position/set-leverage"));
            }
        }
    }

    private static int summaryFills(Path summaryJson) {
        return summary(summaryJson).get("fills").asInt();
    }

    /** The report's net funding (received less paid); zero for a spot run, which has no perpetual section. */
    private static BigDecimal summaryNetFunding(Path summaryJson) {
        JsonNode perpetual = summary(summaryJson).get("perpetual");
        return perpetual == null ? BigDecimal.ZERO : new BigDecimal(perpetual.get("netFunding").asText());
    }

    private static JsonNode summary(Path summaryJson) {
        try {
            return new ObjectMapper().readTree(summaryJson.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLinearSmaCrossBotAt3xShortsPaysFundingShowsItInItsReportAndEndsTheSameThroughDropsAndServerErrors() {
        Map<String, Object> params = Map.of("fast", 2, "slow", 5, "allowShort", true);

        Outcome calm = run("bybit-lin-sma", "sma-cross", params, 300, 29, false, 8, true);
        Outcome stormy = run("bybit-lin-sma", "sma-cross", params, 300, 29, true, 8, true);

        assertThat(calm.fills()).as("the strategy traded several times").hasSizeGreaterThanOrEqualTo(6);
        assertThat(calm.lowestPosition()).as("it went short after a fill").isNegative();
        assertThat(calm.leverageSets()).as("the bot set its 3x at the venue when it started").isEqualTo(1);
        assertThat(calm.settlements()).as("funding settled while the bot held positions").isPositive();
        // The venue books what the account paid (positive) or received; the report's net funding is received less paid.
        assertThat(calm.reportedNetFunding()).as("the report's net funding is the venue's, negated").isEqualByComparingTo(calm.venueFundingPaid().negate());
        assertThat(calm.reportedNetFunding()).as("funding was paid or received").isNotZero();
        assertSameEnd(calm, stormy);
        assertThat(stormy.venueFundingPaid()).as("the venue booked the same funding in both runs (the same positions at each settlement)")
                .isEqualByComparingTo(calm.venueFundingPaid());
        assertThat(stormy.reportedNetFunding()).as("the same funding through drops: each settlement counted once")
                .isEqualByComparingTo(calm.reportedNetFunding());
    }

    @Test
    void aLinearBotRestartedAfterASettlementItMissedWhileDownJournalsItFromTheVenue() {
        Map<String, Object> params = Map.of("fast", 2, "slow", 5, "allowShort", true);
        try (BybitOnLoopback venue = BybitOnLoopback.linear(300, 12 + 40, 12)) {
            BotConfig config = new BotConfigReader(venue.environment()).parse(venue.config("bybit-lin-down", dir.resolve("down"), "sma-cross",
                    params, Map.of("sizing", Map.of("fractionOfEquity", 0.5))), "bybit-lin-down");
            BigDecimal heldAtStop;
            try (TradingSession session = TradingSession.open(config, Mode.LIVE, Plugins.discover(), false, "bybit-lin-down")) {
                session.start();
                venue.settle(session.bot(), venue.bars.get(11));
                int steps = 0;
                while (session.bot().position().quantity().signum() == 0) {
                    assertThat(++steps).as("the strategy opened a position within 20 bars").isLessThanOrEqualTo(20);
                    venue.step(session.bot());
                    venue.awaitFundingHeard(session.bot());
                }
                heldAtStop = session.bot().position().quantity();
                session.stop();
            }
            int bookedBefore = venue.sim.fundingPayments().size();
            // Down for 8 bars (40 minutes of market time): the venue settles funding on the position at least once.
            for (int i = 0; i < 8; i++) assertThat(venue.sim.step()).isTrue();
            assertThat(venue.sim.fundingPayments()).as("a settlement while the bot was down").hasSizeGreaterThan(bookedBefore);
            assertThat(venue.venuePosition()).as("nothing traded while the bot was down").isEqualByComparingTo(heldAtStop);

            try (TradingSession session = TradingSession.open(config, Mode.LIVE, Plugins.discover(), false, "bybit-lin-down")) {
                session.start();
                // It acts on the bars that closed while it was down, and may trade on them: wait until it agrees with the venue.
                BybitOnLoopback.await("the restarted bot agrees with the venue", () -> venue.agrees(session.bot())
                        && session.bot().position().quantity().compareTo(venue.venuePosition()) == 0);
                assertThat(session.bot().position().funding()).as("every settlement the venue booked, the missed one included, once")
                        .isEqualByComparingTo(venue.venueFundingPaid());
                session.stop();
            }
        }
    }

    @Test
    void aLinearNeutralGridEndsTheSameWithDroppedConnectionsAndServerErrorsAsWithout() {
        Map<String, Object> params = Map.of("levels", 3, "spacing", 0.3, "budget", 3000, "perp-mode", "neutral");

        Outcome calm = run("bybit-lin-grid", "grid", params, 300, 30, false, 8, true);
        Outcome stormy = run("bybit-lin-grid", "grid", params, 300, 30, true, 8, true);

        assertThat(calm.fills()).as("resting grid orders filled as the price crossed them").hasSizeGreaterThanOrEqualTo(10);
        assertSameEnd(calm, stormy);
        assertThat(stormy.venueFundingPaid()).as("the venue booked the same funding in both runs (the same positions at each settlement)")
                .isEqualByComparingTo(calm.venueFundingPaid());
        assertThat(stormy.reportedNetFunding()).as("the report's funding is the venue's, each settlement counted once through drops")
                .isEqualByComparingTo(stormy.venueFundingPaid().negate()).isEqualByComparingTo(calm.reportedNetFunding());
    }

    @Test
    void smaCrossEndsTheSameWithDroppedConnectionsAndServerErrorsAsWithout() {
        Map<String, Object> params = Map.of("fast", 2, "slow", 5);

        Outcome calm = run("bybit-sma", "sma-cross", params, 300, 29, false, 8);
        Outcome stormy = run("bybit-sma", "sma-cross", params, 300, 29, true, 8);

        assertThat(calm.fills()).as("the strategy traded several times").hasSizeGreaterThanOrEqualTo(6);
        assertSameEnd(calm, stormy);
    }

    @Test
    void gridEndsTheSameWithDroppedConnectionsAndServerErrorsAsWithout() {
        Map<String, Object> params = Map.of("levels", 3, "spacing", 0.3, "budget", 3000);

        Outcome calm = run("bybit-grid", "grid", params, 300, 30, false, 8);
        Outcome stormy = run("bybit-grid", "grid", params, 300, 30, true, 8);

        assertThat(calm.fills()).as("resting grid orders filled as the price crossed them").hasSizeGreaterThanOrEqualTo(10);
        assertThat(calm.position()).as("the grid ends holding inventory").isPositive();
        assertSameEnd(calm, stormy);
    }

    private static void assertSameEnd(Outcome calm, Outcome stormy) {
        assertThat(calm.serverErrors()).isZero();
        assertThat(stormy.serverErrors()).as("the venue answered two orders with a 5xx after taking them").isEqualTo(2);
        assertThat(stormy.unknownOutcomes()).as("which the bot treated as unknown and looked up").isEqualTo(2);
        assertThat(stormy.catchUps()).as("after each drop the adapter caught up over REST").isGreaterThan(calm.catchUps());
        assertThat(calm.position()).isEqualByComparingTo(calm.venueBase());
        assertThat(stormy.position()).isEqualByComparingTo(stormy.venueBase());
        assertThat(stormy.position()).as("the same final position").isEqualByComparingTo(calm.position());
        // Fills of one bar may arrive in another order when they come over REST after a reconnect.
        assertThat(stormy.fills()).as("no fill missed or applied twice").containsExactlyInAnyOrderElementsOf(calm.fills());
        assertThat(stormy.venueOrders()).as("the venue has exactly the bot's orders").isEqualTo(stormy.botOrders());
        assertThat(calm.rateLimited() + stormy.rateLimited()).as("no request was refused for rate, so every POST is one order").isZero();
        assertThat(stormy.ordersPosted()).as("no order sent twice").isEqualTo(calm.ordersPosted());
        assertThat(stormy.reportedFills()).as("the session's summary.json counts the same fills").isEqualTo(stormy.fills().size());
    }
}
