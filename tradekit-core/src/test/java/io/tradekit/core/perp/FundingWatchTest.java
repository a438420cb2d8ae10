package io.tradekit.core.perp;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Position;
import io.tradekit.api.Side;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.Waits;
import io.tradekit.core.engine.ForwardingVenue;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live bot on a perpetual asks its venue for its funding now and then, and applies a settlement its stream never
 * delivered, once. The venue is a real paper perpetual on quotes (as in {@link PerpetualTickerPaperTest}: 10 short at
 * 2000, funding +0.0001 at 08:00 settled at the 08:00:05 mark 2020, 2.02 received by the short); between it and the bot
 * the stream loses every funding message, as a stream that was down at 08:00 whose resync failed would.
 */
class FundingWatchTest {

    /** How long a test waits for what another thread does. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** The paper venue, with every funding message of its stream lost and its first {@code failures} funding lists refused. */
    static final class LosesFundingMessages extends ForwardingVenue {
        final AtomicInteger lists = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();
        private final AtomicInteger failures;

        LosesFundingMessages(PaperExchange paper, int failures) {
            super(paper);
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public void connect(EventSink sink) {
            paper().connect(event -> {
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
            return paper().fundingPayments(symbol, since);
        }

        @Override public Optional<Position> position(String s) { return paper().position(s); }
        @Override public void setLeverage(String s, BigDecimal leverage) { paper().setLeverage(s, leverage); }
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

    @Test
    void aSettlementTheStreamNeverDeliveredIsAppliedFromTheVenuesListOnce() throws Exception {
        PerpetualTickerPaperTest.QuoteFeed feed = new PerpetualTickerPaperTest.QuoteFeed();
        LosesFundingMessages venue = new LosesFundingMessages(PaperExchange.overMarketData(feed, settings()), 0);
        List<BotEvent.ErrorOccurred> errors = new CopyOnWriteArrayList<>();
        try (TradingBot bot = shortAcrossEight(feed, venue, errors)) {
            assertThat(venue.lost.get()).as("the settlement's stream message was lost").isEqualTo(1);

            Waits.until("the funding applied", PATIENCE, () -> bot.position().funding().signum() != 0);
            int listsWhenApplied = venue.lists.get();
            Waits.until("two more checks", PATIENCE, () -> venue.lists.get() >= listsWhenApplied + 2);

            assertThat(bot.position().funding()).as("2.02 received by the short (funding counts as a cost), once through every later check").isEqualByComparingTo("-2.02");
            assertThat(venue.paper().position("ETHUSDT").orElseThrow().funding()).as("the venue's view").isEqualByComparingTo("-2.02");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void aCheckThatFailsIsReportedAndTheNextOneAppliesTheSettlement() throws Exception {
        PerpetualTickerPaperTest.QuoteFeed feed = new PerpetualTickerPaperTest.QuoteFeed();
        LosesFundingMessages venue = new LosesFundingMessages(PaperExchange.overMarketData(feed, settings()), 1);
        List<BotEvent.ErrorOccurred> errors = new CopyOnWriteArrayList<>();
        try (TradingBot bot = shortAcrossEight(feed, venue, errors)) {
            Waits.until("the funding applied", PATIENCE, () -> bot.position().funding().signum() != 0);

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
