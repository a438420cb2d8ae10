package io.tradekit.core.perp;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.Position;
import io.tradekit.api.PositionSide;
import io.tradekit.api.Side;
import io.tradekit.api.Ticker;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.ExitReason;
import io.tradekit.core.PerpetualFigures;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paper trading a perpetual on a venue's live tickers (no bar paths): the paper venue settles funding at the first
 * quote at or after each funding time and liquidates where a quote's mark reaches the liquidation price; a bot
 * restarted on its journal and the venue's book keeps the position, funding and liquidation figures exactly.
 *
 * <pre>
 * ETHUSDT perpetual: max 50x, maintenance margin 0.5 %, liquidation fee 0.06 %, funding every 8 h at +0.0001.
 * Cash 10000 USDT, taker fee 5 bps, leverage 5. A market sell of 10 at the quote 2000:
 *   notional 20000, fee 20000 × 0.0005 = 10, margin 20000 / 5 = 4000, maintenance 20000 × 0.005 = 100,
 *   liquidation (short) = 2000 + (4000 − 100) / 10 = 2390; wallet 10000 − 10 = 9990
 * 08:00 funding at the first quote after it (08:00:05, mark 2020): 10 × 2020 × 0.0001 = 2.02, received by the short
 *   wallet 9990 + 2.02 = 9992.02
 * a quote at 2389.99 leaves it; a quote at 2400 liquidates it at 2400: gross (2000 − 2400) × 10 = −4000,
 *   fee 24000 × 0.0006 = 14.40; wallet 9992.02 − 4000 − 14.40 = 5977.62
 * </pre>
 */
class PerpetualTickerPaperTest {

    private static final Instant DAY = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** A venue's market data only: the test posts its quotes. */
    static final class QuoteFeed implements ExchangeAdapter {
        private volatile EventSink sink = e -> { };

        void quote(String time, String price) {
            BigDecimal p = new BigDecimal(price);
            sink.post(new Event.TickerUpdated(new Ticker("ETHUSDT", DAY.plus(Duration.parse(time)), p, p, p)));
        }

        @Override public String venue() { return "quotes"; }
        @Override public void connect(EventSink target) { this.sink = target; }
        @Override public Instrument instrument(String symbol) { return PerpBars.ETH_PERP; }
        @Override public Instant serverTime() { return Instant.now(); }
        @Override public List<Bar> history(String s, Timeframe t, Instant from, Instant to) { return List.of(); }
        @Override public void subscribeBars(String symbol, Timeframe timeframe) { }
        @Override public void subscribeTicker(String symbol) { }
        @Override public OrderAck place(OrderRequest request) { throw new UnsupportedOperationException("a data feed takes no orders"); }
        @Override public void cancel(String symbol, String clientOrderId) { throw new UnsupportedOperationException(); }
        @Override public int cancelAll(String symbol) { throw new UnsupportedOperationException(); }
        @Override public Optional<Order> lookup(String symbol, String clientOrderId) { return Optional.empty(); }
        @Override public List<Order> openOrders(String symbol) { return List.of(); }
        @Override public List<Fill> fills(String symbol, Instant since) { return List.of(); }
        @Override public List<Balance> balances() { return List.of(); }
        @Override public void close() { }
    }

    /** Trades nothing itself; shorts are allowed. */
    static final class Holder implements Strategy {
        @Override
        public boolean allowsShort() {
            return true;
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
        }
    }

    private static PaperSettings settings() {
        return PaperSettings.of(PerpBars.ETH_PERP, new BigDecimal("10000")).withFees(new BigDecimal("2"), new BigDecimal("5"))
                .withFunding(FundingRates.constant(new BigDecimal("0.0001")));
    }

    private TradingBot bot(ExchangeAdapter venue) {
        TradingBot bot = TradeKit.bot("perp-quotes").exchange(venue).symbol("ETHUSDT").timeframe(PerpBars.H4).strategy("holder", new Holder())
                .store(StateStores.sqlite(dir.resolve("bot.db"))).leverage(new BigDecimal("5")).staleAfter(Duration.ofDays(365 * 100)).build();
        bot.start();
        return bot;
    }

    private static void quote(QuoteFeed feed, TradingBot bot, String time, String price) {
        feed.quote(time, price);
        assertThat(ReplayDriver.of(bot).awaitIdle(WAIT)).isTrue();
    }

    private static PerpetualFigures figures(TradingBot bot) {
        return ReplayDriver.of(bot).stopWithResult("holder", 0, System.nanoTime(), new BigDecimal("10000")).perpetual().orElseThrow();
    }

    @Test
    void quotesSettleFundingAtTheIntervalAndLiquidateAtTheMarkAndARestartKeepsEveryFigure() {
        QuoteFeed feed = new QuoteFeed();
        PaperExchange paper = PaperExchange.overMarketData(feed, settings(), dir.resolve("book.db"));
        TradingBot bot = bot(paper);
        quote(feed, bot, "PT7H58M", "2000");
        assertThat(bot.submit("operator", "open a short", OrderIntent.market("ETHUSDT", Side.SELL, BigDecimal.TEN)).isSent()).isTrue();
        assertThat(ReplayDriver.of(bot).awaitIdle(WAIT)).isTrue();
        quote(feed, bot, "PT7H59M30S", "2010");
        assertThat(bot.position().funding()).as("no funding before 08:00").isEqualByComparingTo("0");
        quote(feed, bot, "PT8H0M5S", "2020");

        Position shortAfterFunding = bot.position();
        assertThat(shortAfterFunding.side()).isEqualTo(PositionSide.SHORT);
        assertThat(shortAfterFunding.quantity()).isEqualByComparingTo("-10");
        assertThat(shortAfterFunding.entryPrice()).isEqualByComparingTo("2000");
        assertThat(shortAfterFunding.margin()).isEqualByComparingTo("4000");
        assertThat(shortAfterFunding.liquidationPrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("2390"));
        assertThat(shortAfterFunding.funding()).isEqualByComparingTo("-2.02");
        assertThat(bot.cash()).isEqualByComparingTo("9992.02");
        assertThat(paper.position("ETHUSDT").orElseThrow().funding()).as("the venue's view").isEqualByComparingTo("-2.02");
        quote(feed, bot, "PT8H30M", "2389.99");
        assertThat(bot.position().quantity()).as("2389.99 is short of 2390").isEqualByComparingTo("-10");
        quote(feed, bot, "PT8H31M", "2400");

        assertThat(bot.position().isFlat()).isTrue();
        RoundTrip liquidated = bot.roundTrips().getLast();
        assertThat(liquidated.exitReason()).isEqualTo(ExitReason.LIQUIDATION);
        assertThat(liquidated.exitPrice()).isEqualByComparingTo("2400");
        Fill closing = bot.fills().getLast();
        assertThat(closing.fee()).isEqualByComparingTo("14.40");
        assertThat(bot.cash()).isEqualByComparingTo("5977.62");
        quote(feed, bot, "PT16H0M1S", "2300");
        assertThat(bot.cash()).as("a flat account owes no funding at 16:00").isEqualByComparingTo("5977.62");
        PerpetualFigures before = figures(bot);
        assertThat(before.fundingReceived()).isEqualByComparingTo("2.02");
        assertThat(before.fundingPaid()).isEqualByComparingTo("0");
        assertThat(before.liquidations()).isEqualTo(1);
        assertThat(before.liquidationFees()).isEqualByComparingTo("14.40");
        bot.close();

        PaperExchange reopened = PaperExchange.overMarketData(new QuoteFeed(), settings(), dir.resolve("book.db"));
        TradingBot restarted = bot(reopened);
        assertThat(restarted.cash()).isEqualByComparingTo("5977.62");
        PerpetualFigures after = figures(restarted);
        assertThat(after).as("funding, liquidations and margin extremes come from the journal, not from zero").isEqualTo(before);
        restarted.close();
    }

    @Test
    void aShortRestartedOnItsJournalHasEveryFigureOfItsPositionAsTheVenueHasIt() {
        QuoteFeed feed = new QuoteFeed();
        PaperExchange paper = PaperExchange.overMarketData(feed, settings(), dir.resolve("book.db"));
        TradingBot bot = bot(paper);
        quote(feed, bot, "PT7H58M", "2000");
        assertThat(bot.submit("operator", "open a short", OrderIntent.market("ETHUSDT", Side.SELL, BigDecimal.TEN)).isSent()).isTrue();
        assertThat(ReplayDriver.of(bot).awaitIdle(WAIT)).isTrue();
        quote(feed, bot, "PT8H0M5S", "2020");
        Position held = bot.position();
        BigDecimal cash = bot.cash();
        bot.close();

        QuoteFeed next = new QuoteFeed();
        PaperExchange reopened = PaperExchange.overMarketData(next, settings(), dir.resolve("book.db"));
        assertThat(reopened.position("ETHUSDT")).as("the venue's book after its restart").contains(held);
        TradingBot restarted = bot(reopened);
        assertThat(restarted.position()).isEqualTo(held);
        assertThat(restarted.cash()).isEqualByComparingTo(cash);
        // The schedule goes on from the journal: 16:00 is the next settlement, not 08:00 again. 10 × 2100 × 0.0001 = 2.10 received.
        quote(next, restarted, "PT8H10M", "2050");
        assertThat(restarted.position().funding()).isEqualByComparingTo("-2.02");
        quote(next, restarted, "PT16H0M2S", "2100");
        assertThat(restarted.position().funding()).isEqualByComparingTo("-4.12");
        assertThat(restarted.cash()).isEqualByComparingTo(cash.add(new BigDecimal("2.10")));
        restarted.close();
    }

    /** The paper venue, but reporting its position at another entry price: a venue that averages its entries its own way. */
    static final class OtherEntryVenue implements ExchangeAdapter {
        private final PaperExchange inner;

        OtherEntryVenue(PaperExchange inner) {
            this.inner = inner;
        }

        @Override public Optional<Position> position(String symbol) {
            return inner.position(symbol).map(p -> new Position(p.symbol(), p.quantity(), p.entryPrice().add(BigDecimal.ONE), p.realizedPnl(),
                    p.fees(), p.funding(), p.leverage(), p.margin(), p.liquidationPrice(), p.contractSize()));
        }
        @Override public void setLeverage(String symbol, BigDecimal leverage) { inner.setLeverage(symbol, leverage); }
        @Override public List<io.tradekit.api.FundingPayment> fundingPayments(String symbol, Instant since) { return inner.fundingPayments(symbol, since); }
        @Override public String venue() { return inner.venue(); }
        @Override public void connect(EventSink target) { inner.connect(target); }
        @Override public Instrument instrument(String symbol) { return inner.instrument(symbol); }
        @Override public Instant serverTime() { return inner.serverTime(); }
        @Override public List<Bar> history(String s, Timeframe t, Instant from, Instant to) { return inner.history(s, t, from, to); }
        @Override public void subscribeBars(String symbol, Timeframe timeframe) { inner.subscribeBars(symbol, timeframe); }
        @Override public void subscribeTicker(String symbol) { inner.subscribeTicker(symbol); }
        @Override public OrderAck place(OrderRequest request) { return inner.place(request); }
        @Override public void cancel(String symbol, String clientOrderId) { inner.cancel(symbol, clientOrderId); }
        @Override public int cancelAll(String symbol) { return inner.cancelAll(symbol); }
        @Override public Optional<Order> lookup(String symbol, String clientOrderId) { return inner.lookup(symbol, clientOrderId); }
        @Override public List<Order> openOrders(String symbol) { return inner.openOrders(symbol); }
        @Override public List<Fill> fills(String symbol, Instant since) { return inner.fills(symbol, since); }
        @Override public List<Balance> balances() { return inner.balances(); }
        @Override public void close() { inner.close(); }
    }

    @Test
    void aRestartNamesAnEntryPriceTheVenueReportsOtherwiseAndKeepsItsOwn() {
        QuoteFeed feed = new QuoteFeed();
        TradingBot bot = bot(new OtherEntryVenue(PaperExchange.overMarketData(feed, settings(), dir.resolve("book.db"))));
        quote(feed, bot, "PT7H58M", "2000");
        assertThat(bot.submit("operator", "open a short", OrderIntent.market("ETHUSDT", Side.SELL, BigDecimal.TEN)).isSent()).isTrue();
        assertThat(ReplayDriver.of(bot).awaitIdle(WAIT)).isTrue();
        bot.close();

        TradingBot restarted = bot(new OtherEntryVenue(PaperExchange.overMarketData(new QuoteFeed(), settings(), dir.resolve("book.db"))));
        assertThat(restarted.position().entryPrice()).isEqualByComparingTo("2000");
        assertThat(restarted.auditEvents(50)).filteredOn(e -> e.type().equals("recovery")).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("the venue holds -10 ETHUSDT at entry 2001 and leverage 5, the journal's fills at entry 2000"));
        restarted.close();
    }

    @Test
    void fundingAndALiquidationTheVenueMadeWhileTheBotWasDownAreJournaledOnceOnRestart() {
        QuoteFeed feed = new QuoteFeed();
        PaperExchange paper = PaperExchange.overMarketData(feed, settings(), dir.resolve("book.db"));
        TradingBot bot = bot(paper);
        quote(feed, bot, "PT7H58M", "2000");
        assertThat(bot.submit("operator", "open a short", OrderIntent.market("ETHUSDT", Side.SELL, BigDecimal.TEN)).isSent()).isTrue();
        assertThat(ReplayDriver.of(bot).awaitIdle(WAIT)).isTrue();
        bot.close();

        // The venue outlives the bot: its quotes go on, it settles 08:00 and liquidates at 2400 with nobody listening.
        PaperExchange alone = PaperExchange.overMarketData(new QuoteFeed(), settings(), dir.resolve("book.db"));
        alone.onTicker(new Ticker("ETHUSDT", DAY.plus(Duration.parse("PT8H0M5S")), new BigDecimal("2020"), new BigDecimal("2020"), new BigDecimal("2020")));
        alone.onTicker(new Ticker("ETHUSDT", DAY.plus(Duration.parse("PT8H31M")), new BigDecimal("2400"), new BigDecimal("2400"), new BigDecimal("2400")));
        alone.close();

        TradingBot restarted = bot(PaperExchange.overMarketData(new QuoteFeed(), settings(), dir.resolve("book.db")));
        assertThat(restarted.position().isFlat()).isTrue();
        assertThat(restarted.cash()).isEqualByComparingTo("5977.62");
        assertThat(restarted.roundTrips()).extracting(RoundTrip::exitReason).containsExactly(ExitReason.LIQUIDATION);
        PerpetualFigures figures = figures(restarted);
        assertThat(figures.fundingReceived()).isEqualByComparingTo("2.02");
        assertThat(figures.liquidations()).isEqualTo(1);
        assertThat(figures.liquidationFees()).isEqualByComparingTo("14.40");
        restarted.close();
        try (SqliteStateStore journal = StateStores.sqlite(dir.resolve("bot.db"))) {
            assertThat(journal.fundingPayments()).hasSize(1);
            assertThat(journal.fills()).hasSize(2);
        }
        // A second restart finds nothing new: each settlement and fill counted once.
        TradingBot again = bot(PaperExchange.overMarketData(new QuoteFeed(), settings(), dir.resolve("book.db")));
        assertThat(figures(again)).isEqualTo(figures);
        again.close();
    }
}
