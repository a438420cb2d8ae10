package io.tradekit.binance;

import io.tradekit.api.Bar;
import io.tradekit.api.OrderBook;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BotBuilder;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live bot, and a paper bot on Binance data, built with {@code .orderBook()} read the Binance depth stream's book
 * through {@code ctx.orderBook()}, over real sockets.
 */
class BinanceOrderBookBotTest {

    /** Notes the book it sees at every bar; never trades. */
    static final class BookWatcher implements Strategy {
        final List<OrderBook> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            ctx.orderBook().ifPresent(seen::add);
        }
    }

    @Test
    void aLiveBotsStrategySeesTheBookMoveWithTheMarket() {
        seesTheBookMove(false);
    }

    @Test
    void aPaperBotOnBinanceDataSeesTheVenuesBookToo() {
        seesTheBookMove(true);
    }

    private void seesTheBookMove(boolean paper) {
        List<Bar> bars = TestBars.wave("ETHUSDT", Timeframe.M1, 30);
        try (SimulatedBinance venue = new SimulatedBinance(bars, 12)) {
            Map<String, String> settings = new HashMap<>(venue.sim.adapterParams());
            settings.put("reconnectInitialMs", "50");
            settings.put("reconnectMaxMs", "300");
            BookWatcher watcher = new BookWatcher();
            List<BotEvent> events = new CopyOnWriteArrayList<>();
            BotBuilder builder = TradeKit.bot("book-watcher-" + paper);
            if (paper) {
                builder.exchange(PaperExchange.overMarketData(venue.adapter(settings), PaperSettings.of(venue.sim.instrument(), new BigDecimal("10000"))));
            } else {
                builder.exchange("binance", venue.credentials, settings);
            }
            TradingBot bot = builder
                    .symbol("ETHUSDT")
                    .timeframe(Timeframe.M1)
                    .strategy(watcher)
                    .staleAfter(Duration.ofDays(36_500)) // the data set's bars are from 2024
                    .orderBook()
                    .onEvent(events::add)
                    .build();
            try (bot) {
                bot.start();
                SimulatedBinance.awaitTrue("the bot asked for a depth snapshot", () -> venue.sim.requests("GET", "/api/v3/depth") >= 1);
                for (int i = 0; i < 8; i++) {
                    venue.sim.step();
                    Bar closed = venue.sim.closedBars().getLast();
                    SimulatedBinance.awaitTrue("bar " + closed.openTime() + " processed", () -> events.stream()
                            .anyMatch(e -> e instanceof BotEvent.BarProcessed p && p.bar().openTime().equals(closed.openTime())));
                }
            }
            List<BigDecimal> closes = venue.sim.closedBars().stream().map(Bar::close).toList();
            List<Long> ids = watcher.seen.stream().map(OrderBook::lastUpdateId).distinct().toList();
            // the bar and the depth diff of one step travel on two connections: a bar may see the book of the step before
            assertThat(ids).as("the book moved from bar to bar").hasSizeGreaterThanOrEqualTo(3).isSorted();
            // the simulator's touch after a bar: bid at its close, ask 0.01 above, so mid = close + 0.005; never a made-up price
            for (OrderBook book : watcher.seen) {
                BigDecimal closeBehind = book.mid().subtract(new BigDecimal("0.005"));
                assertThat(closes).as("mid %s of book %d", book.mid(), book.lastUpdateId()).anyMatch(c -> c.compareTo(closeBehind) == 0);
            }
        }
    }
}
