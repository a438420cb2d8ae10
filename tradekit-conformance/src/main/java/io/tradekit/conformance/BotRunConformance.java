package io.tradekit.conformance;

import io.tradekit.api.Bar;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole bot, built with {@code TradeKit.bot(...)}, trading through the adapter against the simulator
 * while every connection is dropped twice and one order is answered with a 5xx after the venue took
 * it: at the end the bot's position equals the venue's (its balance, or its position on a derivatives
 * venue), every order the venue holds is one
 * the bot sent, and none was sent twice.
 */
public abstract class BotRunConformance extends ConformanceSupport {

    private static final int STEPS = 10;

    /** For a venue's test class, which extends this kit and supplies its harness. */
    protected BotRunConformance() {
    }

    /** Buys when flat, sells everything on the next bar: one order at a time. */
    private static final class InAndOut implements Strategy {
        private final BigDecimal size;

        InAndOut(BigDecimal size) {
            this.size = size;
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (!ctx.openOrders().isEmpty()) return;
            if (ctx.position().isFlat()) {
                ctx.submit(OrderIntent.market(ctx.symbol(), Side.BUY, size));
            } else {
                ctx.submit(OrderIntent.market(ctx.symbol(), Side.SELL, ctx.position().quantity()));
            }
        }
    }

    @Test
    void aBotRunThroughDropsAndAServerErrorEndsWithItsPositionEqualToTheVenuesAndNoOrderSentTwice() {
        BigDecimal before = venue.venuePosition();
        List<BotEvent> events = new CopyOnWriteArrayList<>();
        TradingBot bot = TradeKit.bot("conformance-run")
                .exchange(adapter())
                .symbol(venue.symbol())
                .timeframe(venue.timeframe())
                .strategy(new InAndOut(venue.orderQuantity()))
                .staleAfter(venue.staleAfter())
                .onEvent(events::add)
                .build();
        try (bot) {
            bot.start();
            for (int i = 0; i < STEPS; i++) {
                if (i == 3 || i == 7) fault(venue.faults()::dropConnections);
                if (i == 5) fault(venue.faults()::failNextOrderAfterAccepting);
                venue.closeNextBar();
                Bar bar = venue.closedBars().getLast();
                awaitTrue("the bot processed bar " + bar.openTime(), () -> events.stream()
                        .anyMatch(e -> e instanceof BotEvent.BarProcessed p && p.bar().openTime().equals(bar.openTime())));
                awaitTrue("no order of the bot in flight after bar " + bar.openTime(), () -> bot.openOrders().isEmpty());
            }
            awaitTrue("the bot's position equals the venue's (" + venue.baseAsset() + " balance or position)", () ->
                    bot.position().quantity().compareTo(venue.venuePosition().subtract(before)) == 0);
            Set<String> botOrders = bot.orders().stream().filter(o -> o.status() != OrderStatus.REJECTED).map(Order::clientOrderId)
                    .collect(Collectors.toSet());
            List<String> venueOrders = venue.venueOrderIds();
            assertThat(new HashSet<>(venueOrders)).as("client order ids at the venue, each sent once").hasSameSizeAs(venueOrders);
            assertThat(new HashSet<>(venueOrders)).as("orders at the venue are the bot's").isEqualTo(botOrders);
            assertThat(events.stream().filter(e -> e instanceof BotEvent.FillApplied).count()).as("fills applied").isGreaterThanOrEqualTo(STEPS / 2);
        }
    }
}
