package io.tradekit.core.perp;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.Position;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live bot on a perpetual asks its venue for its funding now and then, and applies a settlement its stream never
 * delivered, once. The venue is a real paper perpetual on quotes (as in {@link PerpetualTickerPaperTest}: 10 short at
 * 2000, funding +0.0001 at 08:00 settled at the 08:00:05 mark 2020, 2.02 received by the short); between it and the bot
 * the stream loses every funding message, as a stream that was down at 08:00 whose resync failed would.
 */
class FundingWatchTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** The paper venue, with every funding message of its stream lost and its first {@code failures} funding lists refused. */
    static final class LosesFundingMessages implements ExchangeAdapter {
        final PaperExchange paper;
        final AtomicInteger lists = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();
        private final AtomicInteger failures;

        LosesFundingMessages(PaperExchange paper, int failures) {
            this.paper = paper;
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public void connect(EventSink sink) {
            paper.connect(event -> {
                if (event instanceof Event.FundingSettled) lost.incrementAndGet();
                else sink.post(event);
            });
        }

        @Override
        public List<FundingPayment> fundingPayments(String symbol, Instant since) {
            lists.incrementAndGet();
            if (failures.getAndDecrement() > 0) {
                throw new ExchangeException("paper", ErrorCategory.VENUE_UNAVAILABLE, "", "the venue's funding list is down (503)");
            }
            return paper.fundingPayments(symbol, since);
        }

        @Override public String venue() { return paper.venue(); }
        @Override public Set<Capability> capabilities() { return paper.capabilities(); }
        @Override public Instrument instrument(String symbol) { return paper.instrument(symbol); }
        @Override public Instant serverTime() { return paper.serverTime(); }
        @Override public List<Bar> history(String s, Timeframe t, Instant f, Instant to) { return paper.history(s, t, f, to); }
        @Override public void subscribeBars(String s, Timeframe t) { paper.subscribeBars(s, t); }
        @Override public void subscribeTicker(String s) { paper.subscribeTicker(s); }
        @Override public OrderAck place(OrderRequest request) { return paper.place(request); }
        @Override public void cancel(String s, String id) { paper.cancel(s, id); }
        @Override public int cancelAll(String s) { return paper.cancelAll(s); }
        @Override public Optional<Order> lookup(String s, String id) { return paper.lookup(s, id); }
        @Override public List<Order> openOrders(String s) { return paper.openOrders(s); }
        @Override public List<Fill> fills(String s, Instant since) { return paper.fills(s, since); }
        @Override public List<Balance> balances() { return paper.balances(); }
        @Override public Optional<Position> position(String s) { return paper.position(s); }
        @Override public void setLeverage(String s, BigDecimal leverage) { paper.setLeverage(s, leverage); }
        @Override public void close() { paper.close(); }
    }

    private static PaperSettings settings() {
        return PaperSettings.of(PerpBars.ETH_PERP, new BigDecimal("10000")).withFees(new BigDecimal("2"), new BigDecimal("5"))
                .withFunding(FundingRates.constant(new BigDecimal("0.0001")));
    }

    private TradingBot shortAcrossEight(PerpetualTickerPaperTest.QuoteFeed feed, LosesFundingMessages venue, List<BotEvent.ErrorOccurred> errors) {
        TradingBot bot = TradeKit.bot("perp-watch").exchange(venue).symbol("ETHUSDT").timeframe(PerpBars.H4)
                .strategy("holder", new PerpetualTickerPaperTest.Holder()).store(StateStores.sqlite(dir.resolve("bot.db")))
                .leverage(new BigDecimal("5")).staleAfter(Duration.ofDays(365 * 100)).fundingCheckEvery(Duration.ofMillis(200))
                .onEvent(e -> {
                    if (e instanceof BotEvent.ErrorOccurred x) errors.add(x);
                }).build();
        bot.start();
        feed.quote("PT7H58M", "2000");
        assertThat(ReplayDriver.of(bot).awaitIdle(WAIT)).isTrue();
        assertThat(bot.submit("operator", "open a short", OrderIntent.market("ETHUSDT", Side.SELL, BigDecimal.TEN)).isSent()).isTrue();
        assertThat(ReplayDriver.of(bot).awaitIdle(WAIT)).isTrue();
        feed.quote("PT8H0M5S", "2020"); // the venue settles 08:00's funding; its message is lost
        assertThat(ReplayDriver.of(bot).awaitIdle(WAIT)).isTrue();
        return bot;
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 15 s: " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void aSettlementTheStreamNeverDeliveredIsAppliedFromTheVenuesListOnce() throws Exception {
        PerpetualTickerPaperTest.QuoteFeed feed = new PerpetualTickerPaperTest.QuoteFeed();
        LosesFundingMessages venue = new LosesFundingMessages(PaperExchange.overMarketData(feed, settings()), 0);
        List<BotEvent.ErrorOccurred> errors = new CopyOnWriteArrayList<>();
        try (TradingBot bot = shortAcrossEight(feed, venue, errors)) {
            assertThat(venue.lost.get()).as("the settlement's stream message was lost").isEqualTo(1);

            await("the funding applied", () -> bot.position().funding().signum() != 0);
            int listsWhenApplied = venue.lists.get();
            await("two more checks", () -> venue.lists.get() >= listsWhenApplied + 2);

            assertThat(bot.position().funding()).as("2.02 received by the short (funding counts as a cost), once through every later check").isEqualByComparingTo("-2.02");
            assertThat(venue.paper.position("ETHUSDT").orElseThrow().funding()).as("the venue's view").isEqualByComparingTo("-2.02");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void aCheckThatFailsIsReportedAndTheNextOneAppliesTheSettlement() throws Exception {
        PerpetualTickerPaperTest.QuoteFeed feed = new PerpetualTickerPaperTest.QuoteFeed();
        LosesFundingMessages venue = new LosesFundingMessages(PaperExchange.overMarketData(feed, settings()), 1);
        List<BotEvent.ErrorOccurred> errors = new CopyOnWriteArrayList<>();
        try (TradingBot bot = shortAcrossEight(feed, venue, errors)) {
            await("the funding applied", () -> bot.position().funding().signum() != 0);

            assertThat(bot.position().funding()).isEqualByComparingTo("-2.02");
            assertThat(venue.lists.get()).as("the failed check, then the one that applied it").isGreaterThanOrEqualTo(2);
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.VENUE_UNAVAILABLE);
                assertThat(e.message()).contains("funding check of ETHUSDT since").contains("503").contains("the next check, in PT0.2S, covers it");
            });
        }
    }

    @Test
    void aBacktestOrReplayOfAPerpetualNeverAsksTheVenueForItsFunding() {
        PerpetualTickerPaperTest.QuoteFeed feed = new PerpetualTickerPaperTest.QuoteFeed();
        LosesFundingMessages venue = new LosesFundingMessages(PaperExchange.overMarketData(feed, settings()), 0);
        try (TradingBot bot = TradeKit.bot("perp-replayed").exchange(venue).symbol("ETHUSDT").timeframe(PerpBars.H4)
                .strategy("holder", new PerpetualTickerPaperTest.Holder()).leverage(new BigDecimal("5")).dataClock()
                .fundingCheckEvery(Duration.ofMillis(50)).build()) {
            bot.start();
            feed.quote("PT7H58M", "2000");
            assertThat(ReplayDriver.of(bot).awaitIdle(WAIT)).isTrue();
            bot.submit("operator", "open a short", OrderIntent.market("ETHUSDT", Side.SELL, BigDecimal.TEN));
            assertThat(ReplayDriver.of(bot).awaitIdle(WAIT)).isTrue();
            feed.quote("PT8H0M5S", "2020");
            assertThat(ReplayDriver.of(bot).awaitIdle(WAIT)).isTrue();
            Thread.sleep(300);
            assertThat(venue.lists.get()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
