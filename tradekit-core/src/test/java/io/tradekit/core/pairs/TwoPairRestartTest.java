package io.tradekit.core.pairs;

import io.tradekit.api.Bar;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.Replay;
import io.tradekit.core.ReplayDriver;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwoPairRestartTest {

    @TempDir
    Path dir;

    /** Rests one bid 3 below the close while flat, and counts the bars it saw (its saved state). */
    static final class RestsOneBid implements Strategy {
        int barsSeen;

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            barsSeen++;
            if (ctx.openOrders().isEmpty() && ctx.position().isFlat()) {
                ctx.submit(OrderIntent.limit(ctx.symbol(), Side.BUY, BigDecimal.ONE, bar.close().subtract(new BigDecimal("3"))));
            }
        }

        @Override
        public String saveState() {
            return "{\"barsSeen\":" + barsSeen + "}";
        }

        @Override
        public void restoreState(String json) {
            barsSeen = Integer.parseInt(json.replaceAll("\\D", ""));
        }
    }

    @Test
    void aRestartOfATwoPairBotRecoversBothPairsAndAFillThatHappenedWhileDown() {
        Path db = dir.resolve("bot.db");
        Path book = Replay.paperBookFor(db);
        PaperSettings settings = PaperSettings.of(List.of(PairBars.BTC, PairBars.ETH), Map.of("USDT", new BigDecimal("10000")));
        List<Bar> btc = PairBars.closes("BTCUSDT", "100", "95");
        List<Bar> eth = PairBars.closes("ETHUSDT", "50", "45");
        List<RestsOneBid> firstRun = new ArrayList<>();
        try (TradingBot bot = twoPairBot(PaperExchange.durable(settings, book), db, firstRun)) {
            bot.start();
            ReplayDriver.of(bot).feed(List.of(btc.get(0), eth.get(0)));
            assertThat(bot.openOrders()).extracting(o -> o.symbol() + " " + o.limitPrice().orElseThrow().toPlainString())
                    .containsExactly("BTCUSDT 97", "ETHUSDT 47");
            ReplayDriver.of(bot).feed(List.of(btc.get(1))); // its low, 94.5, reaches the BTC bid
            assertThat(bot.position("BTCUSDT").quantity()).isEqualByComparingTo("1");
        }
        // While the bot is down, ETH trades through its bid.
        PaperExchange venue = PaperExchange.durable(settings, book);
        venue.onBar(eth.get(1));
        venue.close();

        List<RestsOneBid> secondRun = new ArrayList<>();
        try (TradingBot bot = twoPairBot(PaperExchange.durable(settings, book), db, secondRun)) {
            bot.start();
            assertThat(bot.pairs()).containsExactly("BTCUSDT", "ETHUSDT");
            assertThat(bot.position("BTCUSDT").quantity()).isEqualByComparingTo("1");
            assertThat(bot.position("ETHUSDT").quantity()).isEqualByComparingTo("1");
            assertThat(bot.orders()).hasSize(2).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
            assertThat(bot.cash()).isEqualByComparingTo("9855.856"); // 10000 - (97 + 0.097) - (47 + 0.047)
            // Each pair's strategy got its own state back: BTC saw two bars, ETH one.
            assertThat(secondRun).extracting(s -> s.barsSeen).containsExactly(2, 1);
        }
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            assertThat(store.fills()).hasSize(2);
        }
    }

    @Test
    void aPairWhoseBarOfAClosedTimeWasNotActedOnWhenTheBotStoppedIsHandedItAtTheRestartAndNoPairGetsABarTwice() throws Exception {
        Path db = dir.resolve("bot.db");
        PaperSettings settings = PaperSettings.of(List.of(PairBars.BTC, PairBars.ETH), Map.of("USDT", new BigDecimal("10000")));
        List<Bar> btc = PairBars.closes("BTCUSDT", "100", "101", "102", "103");
        List<Bar> eth = PairBars.closes("ETHUSDT", "50", "51", "52", "53");
        List<RestsOneBid> firstRun = new ArrayList<>();
        try (TradingBot bot = twoPairBot(PaperExchange.durable(settings, Replay.paperBookFor(db)), db, firstRun)) {
            bot.start();
            ReplayDriver.of(bot).feed(List.of(btc.get(0), eth.get(0)));
            ReplayDriver.of(bot).feed(List.of(btc.get(1), eth.get(1)));
            // The third close: BTC's bar is acted on and committed; the process ends before ETH's bar of that close.
            ReplayDriver.of(bot).feed(List.of(btc.get(2)));
            assertThat(firstRun).extracting(s -> s.barsSeen).containsExactly(3, 2);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.PreparedStatement unmark = c.prepareStatement("UPDATE config SET value = ? WHERE key = 'bot.lastBarActedOn'")) {
            unmark.setString(1, btc.get(1).closeTime().toString()); // the driver marks a close once all its pairs are done
            assertThat(unmark.executeUpdate()).isEqualTo(1);
        }

        List<RestsOneBid> secondRun = new ArrayList<>();
        List<Bar> history = new ArrayList<>();
        for (int i = 0; i < 3; i++) history.addAll(List.of(btc.get(i), eth.get(i)));
        try (TradingBot bot = twoPairBot(PaperExchange.durable(settings, Replay.paperBookFor(db)), db, secondRun)) {
            bot.start(lastBar -> history.stream().filter(b -> lastBar.isPresent() && !b.closeTime().isAfter(lastBar.get())).toList());
            // ETH's strategy acts on the bar it missed; BTC's is not handed its third bar again.
            assertThat(secondRun).extracting(s -> s.barsSeen).containsExactly(3, 3);
            ReplayDriver.of(bot).feed(List.of(btc.get(3), eth.get(3)));
            assertThat(secondRun).extracting(s -> s.barsSeen).containsExactly(4, 4);
        }
        // A third start finds both pairs at the fourth close: nothing to catch up, nothing handed twice.
        List<RestsOneBid> thirdRun = new ArrayList<>();
        history.addAll(List.of(btc.get(3), eth.get(3)));
        try (TradingBot bot = twoPairBot(PaperExchange.durable(settings, Replay.paperBookFor(db)), db, thirdRun)) {
            bot.start(lastBar -> history.stream().filter(b -> lastBar.isPresent() && !b.closeTime().isAfter(lastBar.get())).toList());
            assertThat(thirdRun).extracting(s -> s.barsSeen).containsExactly(4, 4);
        }
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            assertThat(store.config("bot.strategyStateBarByPair")).contains(
                    "BTCUSDT=" + btc.get(3).closeTime() + ",ETHUSDT=" + eth.get(3).closeTime());
        }
    }

    @Test
    void aJournalOfTwoPairsRefusesABotWithOtherPairs() {
        Path db = dir.resolve("bot.db");
        PaperSettings settings = PaperSettings.of(List.of(PairBars.BTC, PairBars.ETH, PairBars.SOL), Map.of("USDT", new BigDecimal("10000")));
        try (TradingBot bot = twoPairBot(new PaperExchange(settings), db, new ArrayList<>())) {
            bot.start();
        }
        assertThatThrownBy(() -> TradeKit.bot("pairs").exchange(new PaperExchange(settings)).pairs(List.of("BTCUSDT", "SOLUSDT"))
                .timeframe(Timeframe.M1).strategyPerPair("rests-one-bid", RestsOneBid::new).store(StateStores.sqlite(db)).dataClock().build())
                .hasMessageContaining("BTCUSDT,ETHUSDT").hasMessageContaining("BTCUSDT,SOLUSDT");
    }

    private static TradingBot twoPairBot(PaperExchange venue, Path db, List<RestsOneBid> made) {
        return TradeKit.bot("pairs").exchange(venue).pairs(List.of("BTCUSDT", "ETHUSDT")).timeframe(Timeframe.M1)
                .strategyPerPair("rests-one-bid", () -> {
                    RestsOneBid s = new RestsOneBid();
                    made.add(s);
                    return s;
                })
                .store(StateStores.sqlite(db)).dataClock().build();
    }
}
