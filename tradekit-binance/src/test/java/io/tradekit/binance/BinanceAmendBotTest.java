package io.tradekit.binance;

import io.tradekit.api.Bar;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A bot amends its resting order through the engine, the Binance adapter and the simulator over real sockets. */
class BinanceAmendBotTest {

    @TempDir
    Path dir;

    /** Rests a buy of 0.5 at 80 (below the wave) on the first bar it sees, and lowers it to 0.2 on the next. */
    static final class RestThenAmend implements Strategy {
        final List<Submission> amends = new CopyOnWriteArrayList<>();
        volatile String clientOrderId;

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (clientOrderId == null) {
                clientOrderId = ctx.submit(OrderIntent.limit(ctx.symbol(), Side.BUY, new BigDecimal("0.5"), new BigDecimal("80"))).clientOrderId();
            } else if (amends.isEmpty() && !ctx.openOrders().isEmpty() && ctx.openOrders().getFirst().status() == OrderStatus.NEW) {
                amends.add(ctx.amendQuantity(clientOrderId, new BigDecimal("0.2")));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "websocket"})
    void aStrategyAmendsItsOrderAndTheBotTheVenueAndTheJournalAgree(String orderChannel) {
        List<Bar> bars = TestBars.wave("ETHUSDT", Timeframe.M1, 30);
        try (SimulatedBinance venue = new SimulatedBinance(bars, 12)) {
            Map<String, String> settings = new HashMap<>(venue.sim.adapterParams());
            settings.put("orderChannel", orderChannel);
            settings.put("requestTimeoutMs", "15000");
            RestThenAmend strategy = new RestThenAmend();
            List<BotEvent> events = new CopyOnWriteArrayList<>();
            try (TradingBot bot = TradeKit.bot("amend-" + orderChannel).exchange("binance", venue.credentials, settings).symbol("ETHUSDT")
                    .timeframe(Timeframe.M1).strategy(strategy).staleAfter(Duration.ofDays(36_500)) // the data set's bars are from 2024
                    .store(StateStores.sqlite(dir.resolve("bot.db"))).onEvent(events::add).build()) {
                bot.start();
                SimulatedBinance.awaitTrue("the order rests", () -> !bot.openOrders().isEmpty() && bot.openOrders().getFirst().status() == OrderStatus.NEW);
                for (int i = 0; i < 5 && strategy.amends.isEmpty(); i++) {
                    venue.sim.step();
                    assertThat(ReplayDriver.of(bot).awaitIdle(Duration.ofSeconds(30))).isTrue();
                }
                SimulatedBinance.awaitTrue("the amend is answered", () -> bot.openOrders().stream()
                        .anyMatch(o -> o.quantity().compareTo(new BigDecimal("0.2")) == 0));

                assertThat(strategy.amends).singleElement().satisfies(s -> assertThat(s.isSent()).isTrue());
                Order atVenue = venue.sim.orders().stream().filter(o -> o.clientOrderId().equals(strategy.clientOrderId)).findFirst().orElseThrow();
                assertThat(atVenue.quantity()).isEqualByComparingTo("0.2");
                assertThat(atVenue.status()).isEqualTo(OrderStatus.NEW);
                assertThat(bot.auditEvents(100)).filteredOn(e -> e.type().equals("amend")).singleElement()
                        .satisfies(e -> assertThat(e.inputsJson()).contains("\"to\":\"0.2\""));
                assertThat(venue.sim.orders()).hasSize(1); // amended in place, nothing new placed
            }
        }
    }
}
