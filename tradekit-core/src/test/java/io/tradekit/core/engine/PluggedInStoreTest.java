package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.UnrecoverableStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store a host wrote against the {@link io.tradekit.api.spi.StateStore} contract alone: refused, accepted, and resumed from. */
class PluggedInStoreTest {

    private static final PaperSettings SETTINGS = PaperSettings.of(Bars.BTC, new BigDecimal("10000"));
    private static final List<Bar> BARS = Bars.closes("100", "101", "99", "95", "96");

    @TempDir
    Path dir;

    @Test
    void aStoreThatForgetsIsRefusedAtBuildForABotOnARealTimeClockNamingTheStoreAndWhatItLacks() {
        ListJournal forgetful = new ListJournal("scratch", false, new ListJournal.Records());
        assertThatThrownBy(() -> TradeKit.bot("live-ish").exchange(new PaperExchange(SETTINGS)).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .strategy(new RestsOneBid()).store(forgetful).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bot 'live-ish': store list journal 'scratch' is not durable")
                .hasMessageContaining("StateStores.sqlite(file)");
    }

    @Test
    void aStoreThatForgetsServesABotOnADataClockAndHoldsItsJournal() {
        ListJournal.Records records = new ListJournal.Records();
        try (TradingBot bot = TradeKit.bot("replayed").exchange(new PaperExchange(SETTINGS)).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .strategy(new RestsOneBid()).store(new ListJournal("scratch", false, records)).dataClock().build()) {
            bot.start();
            ReplayDriver.of(bot).feed(BARS.get(0));
            ReplayDriver.of(bot).feed(BARS.get(3)); // low of 95 trades through the bid at 97
            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
        }
        assertThat(records.fills).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("97"));
        assertThat(records.orders.values()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
    }

    @Test
    void aBotResumesFromAPluggedInStoreAndAppliesAFillMissedWhileDownOnce() {
        ListJournal.Records records = new ListJournal.Records();
        Path book = dir.resolve("venue.paper.db");
        try (TradingBot bot = bot(records, book, new RestsOneBid())) {
            bot.start();
            ReplayDriver.of(bot).feed(BARS.get(0));
            assertThat(bot.openOrders()).hasSize(1);
        }
        tradeThroughTheBidWhileDown(book);

        try (TradingBot bot = bot(records, book, new RestsOneBid())) {
            bot.start();
            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
            assertThat(bot.orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
            assertThat(bot.cash()).isEqualByComparingTo("9902.903"); // 10000 - 97 - 0.097 fee (10 bps)
        }
        assertThat(records.fills).hasSize(1);
        // The venue's holding when the bot began, kept through the contract's config: what later restarts check against.
        assertThat(records.config).containsEntry("baseline.base.BTC", "0");
    }

    @Test
    void aRestartWithAnotherStrategyOnAPluggedInStoreIsRefusedNamingTheDifference() {
        ListJournal.Records records = new ListJournal.Records();
        Path book = dir.resolve("venue.paper.db");
        try (TradingBot bot = bot(records, book, new RestsOneBid())) {
            bot.start();
            ReplayDriver.of(bot).feed(BARS.get(0));
        }
        assertThatThrownBy(() -> TradeKit.bot("plugged").exchange(PaperExchange.durable(SETTINGS, book)).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy("other", new RestsOneBid(), Map.of("level", "90"))
                .store(new ListJournal("host db", true, records)).dataClock().build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("strategy parameters are {} in the journal but {level=90} now");
    }

    @Test
    void aPluggedInJournalThatLostTheBotsFillIsRefusedAtRestartBecauseTheVenueHoldsWhatItCannotExplain() {
        ListJournal.Records records = new ListJournal.Records();
        Path book = dir.resolve("venue.paper.db");
        try (TradingBot bot = bot(records, book, new RestsOneBid())) {
            bot.start();
            ReplayDriver.of(bot).feed(BARS.get(0));
            ReplayDriver.of(bot).feed(BARS.get(3));
            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
        }
        // The host's database loses the filled order and its fill (a bad restore), and keeps the rest.
        records.fills.clear();
        records.orders.clear();
        records.snapshots.clear();

        TradingBot bot = bot(records, book, new RestsOneBid());
        assertThatThrownBy(bot::start).isInstanceOf(UnrecoverableStateException.class)
                // baseline 0 (kept in the store's config at the first start) + 0 from the fills left = 0, against the venue's 1
                .hasMessageContaining("the venue holds 1 BTC but the journal explains 0 (0 before the bot plus 0 from its fills)");
        bot.close();
    }

    private static TradingBot bot(ListJournal.Records records, Path book, Strategy strategy) {
        return TradeKit.bot("plugged").exchange(PaperExchange.durable(SETTINGS, book)).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .strategy(strategy).store(new ListJournal("host db", true, records)).dataClock().build();
    }

    private static void tradeThroughTheBidWhileDown(Path book) {
        PaperExchange venue = PaperExchange.durable(SETTINGS, book);
        venue.onBar(BARS.get(3));
        venue.close();
    }

    /** Rests one bid at 97 while flat with nothing open. */
    private static final class RestsOneBid implements Strategy {
        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (ctx.openOrders().isEmpty() && ctx.position().isFlat()) {
                ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("97")));
            }
        }
    }
}
