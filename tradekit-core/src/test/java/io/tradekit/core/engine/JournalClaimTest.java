package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.Replay;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.JournalClaim;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import io.tradekit.core.store.UnrecoverableStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A journal that vanished, or that belongs to another bot, is refused before the bot trades; a journal that merely missed a fill is not. */
class JournalClaimTest {

    @TempDir
    Path dir;

    private final List<Bar> bars = Bars.closes("100", "101", "99", "95", "96");

    /** Rests one bid at 97 once, while flat. */
    static final class RestsOneBid implements Strategy {
        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (ctx.openOrders().isEmpty() && ctx.position().isFlat()) {
                ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("97")));
            }
        }
    }

    /** Never trades. */
    static final class Idle implements Strategy {
        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
        }
    }

    private TradingBot bot(Path journal, String cash, Strategy strategy, boolean adopt) {
        PaperSettings settings = PaperSettings.of(Bars.BTC, new BigDecimal(cash));
        return TradeKit.bot("claim").exchange(PaperExchange.durable(settings, Replay.paperBookFor(journal))).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy(strategy).store(StateStores.sqlite(journal)).dataClock().adoptVenuePosition(adopt).build();
    }

    private Path firstRunRestingABid() {
        Path journal = dir.resolve("bot.db");
        try (TradingBot bot = bot(journal, "10000", new RestsOneBid(), false)) {
            bot.start();
            ReplayDriver.of(bot).feed(bars.get(0));
            assertThat(bot.openOrders()).hasSize(1);
        }
        return journal;
    }

    @Test
    void theIdentityIsRecordedInTheJournalAndBesideIt() throws Exception {
        Path journal = firstRunRestingABid();

        assertThat(JournalClaim.identityFileFor(journal)).exists();
        assertThat(Files.readString(JournalClaim.identityFileFor(journal))).contains("\"botId\" : \"claim\"")
                .contains("\"strategy\" : \"" + RestsOneBid.class.getName() + "\"").contains("\"initialCash\" : \"10000\"");
        try (SqliteStateStore store = StateStores.sqlite(journal)) {
            assertThat(store.config(JournalClaim.CONFIG_KEY)).hasValueSatisfying(v -> assertThat(v).contains("\"symbol\" : \"BTCUSDT\""));
        }
    }

    @Test
    void aRestartWithOtherCashOrAnotherStrategyIsRefusedNamingEachDifference() {
        Path journal = firstRunRestingABid();

        assertThatThrownBy(() -> bot(journal, "5000", new RestsOneBid(), false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("journal " + journal + " belongs to bot 'claim'")
                .hasMessageContaining("starting cash is 10000 in the journal but 5000 now");
        assertThatThrownBy(() -> bot(journal, "10000", new Idle(), false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("strategy is '" + RestsOneBid.class.getName() + "' in the journal but '" + Idle.class.getName() + "' now");
        // The refused builds closed the journal: the bot as the journal says still starts on it.
        try (TradingBot bot = bot(journal, "10000", new RestsOneBid(), false)) {
            bot.start();
            assertThat(bot.openOrders()).hasSize(1);
        }
    }

    @Test
    void aDeletedJournalBesideItsIdentityFileIsRefusedSayingTheJournalLostItsContents() throws Exception {
        Path journal = firstRunRestingABid();
        Files.delete(journal);

        assertThatThrownBy(() -> bot(journal, "10000", new RestsOneBid(), false)).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("journal " + journal + " is empty, but " + JournalClaim.identityFileFor(journal)
                        + " says it is the journal of bot 'claim'")
                .hasMessageContaining("lost its contents");
    }

    @Test
    void aJournalLostWithItsIdentityFileWhileTheVenueHoldsTheBotsOrderIsRefusedUnlessAdopted() throws Exception {
        Path journal = firstRunRestingABid();
        Files.delete(journal);
        Files.delete(JournalClaim.identityFileFor(journal));

        TradingBot refused = bot(journal, "10000", new RestsOneBid(), false);
        assertThatThrownBy(refused::start).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("its journal " + journal + " is empty, but the venue holds 1 open order(s) under this bot's "
                        + "client order id prefix 'claim-'");
        refused.close();

        try (TradingBot adopted = bot(journal, "10000", new RestsOneBid(), true)) {
            adopted.start();
            assertThat(adopted.orders()).isEmpty();
        }
    }

    /** Rests a bid at 50 and one at 97 on its first bar. */
    static final class TwoBids implements Strategy {
        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (ctx.openOrders().isEmpty() && ctx.position().isFlat()) {
                ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("50")));
                ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("97")));
            }
        }
    }

    @Test
    void aJournalThatLostTheBotsOwnOrderAndFillIsRefusedWithWordsThatBlameTheJournal() throws Exception {
        Path journal = dir.resolve("bot.db");
        try (TradingBot bot = bot(journal, "10000", new TwoBids(), false)) {
            bot.start();
            ReplayDriver.of(bot).feed(bars.get(0));
            ReplayDriver.of(bot).feed(bars.get(3));
            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
        }
        // The journal loses the filled order and its fill (a hand edit, a bad restore), and keeps the rest.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + journal);
             java.sql.Statement s = c.createStatement()) {
            s.execute("DELETE FROM fills");
            s.execute("DELETE FROM orders WHERE limit_price = '97'");
            s.execute("DELETE FROM positions");
            s.execute("DELETE FROM bot_snapshots");
        }

        TradingBot bot = bot(journal, "10000", new TwoBids(), false);
        assertThatThrownBy(bot::start).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("the venue holds 1 BTC but the journal " + journal + " explains 0")
                .hasMessageContaining("1 fill(s) of this bot's own orders (claim-B) that the journal does not hold: the journal lost data")
                .hasMessageNotContaining("something traded that this bot did not");
        bot.close();
    }

    @Test
    void aFillOfTheBotsOwnOrderThatTheJournalMissedIsAppliedAtTheFirstRestart() {
        Path journal = firstRunRestingABid();
        // The venue trades through the bid; the bot heard the order was filled but died before its fill was journaled.
        PaperExchange venue = PaperExchange.durable(PaperSettings.of(Bars.BTC, new BigDecimal("10000")), Replay.paperBookFor(journal));
        venue.onBar(bars.get(3));
        venue.close();
        try (SqliteStateStore store = StateStores.sqlite(journal)) {
            Order open = store.openOrders().getFirst();
            store.updateOrder(open.withFilled(BigDecimal.ONE, new BigDecimal("97"), OrderStatus.FILLED, open.updatedAt()));
        }

        try (TradingBot bot = bot(journal, "10000", new RestsOneBid(), false)) {
            bot.start();
            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
            assertThat(bot.orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
        }
        try (SqliteStateStore store = StateStores.sqlite(journal)) {
            assertThat(store.fills()).hasSize(1);
        }
    }
}
