package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.BookLevel;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderBook;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.Strategy;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a bot built with {@code .orderBook()} follows the venue's book and what {@code ctx.orderBook()} returns. */
class OrderBookThroughEngineTest {

    /** A paper venue with a depth stream that the test drives: books posted to the sink the bot connected. */
    static final class VenueWithBooks extends ForwardingVenue {
        final List<String> followed = new CopyOnWriteArrayList<>();
        volatile EventSink sink;

        VenueWithBooks() {
            super(new PaperExchange(LiveLoopTest.paper()));
        }

        @Override
        public void connect(EventSink target) {
            sink = target;
            super.connect(target);
        }

        @Override
        public void subscribeOrderBook(String symbol) {
            followed.add(symbol);
        }
    }

    private static OrderBook book(String symbol, long updateId, String bid, String ask) {
        return new OrderBook(symbol, updateId, Bars.T0, List.of(new BookLevel(new BigDecimal(bid), BigDecimal.ONE)),
                List.of(new BookLevel(new BigDecimal(ask), BigDecimal.ONE)));
    }

    @Test
    void theStrategyReadsTheLatestBookOfItsOwnSymbol() {
        VenueWithBooks venue = new VenueWithBooks();
        List<Optional<OrderBook>> seen = new CopyOnWriteArrayList<>();
        Strategy reader = (bar, ctx) -> seen.add(ctx.orderBook());
        List<Bar> bars = Bars.closes("100", "101", "102");
        try (TradingBot bot = TradeKit.bot("books").exchange(venue).symbol("BTCUSDT").timeframe(Bars.BTC_TF).strategy(reader)
                .orderBook().build()) {
            bot.start();
            ReplayDriver.of(bot).feed(bars.get(0));
            venue.sink.post(new Event.OrderBookUpdated(book("BTCUSDT", 7, "100.00", "100.02")));
            venue.sink.post(new Event.OrderBookUpdated(book("ETHUSDT", 9, "3000", "3001")));
            ReplayDriver.of(bot).feed(bars.get(1));
            venue.sink.post(new Event.OrderBookUpdated(book("BTCUSDT", 8, "101.00", "101.02")));
            ReplayDriver.of(bot).feed(bars.get(2));
        }

        assertThat(venue.followed).containsExactly("BTCUSDT");
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).as("no book before the venue sent one").isEmpty();
        assertThat(seen.get(1).orElseThrow().lastUpdateId()).as("the bot's symbol, not ETHUSDT's later book").isEqualTo(7);
        assertThat(seen.get(2).orElseThrow().mid()).isEqualByComparingTo("101.01");
    }

    @Test
    void aBookIsRefusedWhereNoDepthStreamExists() {
        assertThatThrownBy(() -> TradeKit.bot("replay-book").exchange(new VenueWithBooks()).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .strategy((bar, ctx) -> { }).dataClock().orderBook().build()).isInstanceOf(InvalidInputException.class)
                .hasMessage("bot 'replay-book': an order book needs a live venue's depth stream; a bot on a data clock replays bars only");
        try (TradingBot paper = TradeKit.bot("paper-book").exchange(new PaperExchange(LiveLoopTest.paper())).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy((bar, ctx) -> { }).orderBook().build()) {
            assertThatThrownBy(paper::start).isInstanceOf(ExchangeException.class)
                    .hasMessageContaining("paper streams no order book: cannot follow BTCUSDT's depth");
        }
    }
}
