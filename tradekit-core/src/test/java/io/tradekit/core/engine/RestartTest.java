package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.Side;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.Replay;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import io.tradekit.core.store.UnrecoverableStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestartTest {

    @TempDir
    Path dir;

    @Test
    void aReplayStoppedHalfwayAndRunAgainEndsExactlyLikeAnUninterruptedOne() {
        List<Bar> bars = Bars.walk(600, 3);
        BacktestResult whole = Replay.over(bars).strategy("alternating", new BacktestEngineTest.Alternating()).instrument(Bars.BTC)
                .database(dir.resolve("whole/bot.db")).run();

        Path db = dir.resolve("halves/bot.db");
        Replay.over(bars.subList(0, 300)).strategy("alternating", new BacktestEngineTest.Alternating()).instrument(Bars.BTC)
                .database(db).run();
        BacktestResult resumed = Replay.over(bars).strategy("alternating", new ResumedAlternating(300)).instrument(Bars.BTC)
                .database(db).run();

        assertThat(whole.fills()).hasSizeGreaterThan(40);
        assertThat(resumed.fills()).hasSameSizeAs(whole.fills());
        for (int i = 0; i < whole.fills().size(); i++) {
            Fill a = whole.fills().get(i);
            Fill b = resumed.fills().get(i);
            assertThat(b.price()).isEqualByComparingTo(a.price());
            assertThat(b.quantity()).isEqualByComparingTo(a.quantity());
            assertThat(b.side()).isEqualTo(a.side());
            assertThat(b.time()).isEqualTo(a.time());
        }
        assertThat(resumed.finalEquity()).isEqualByComparingTo(whole.finalEquity());
        assertThat(resumed.realizedPnl()).isEqualByComparingTo(whole.realizedPnl());
        Set<String> ids = new HashSet<>();
        for (Order o : resumed.orders()) assertThat(ids.add(o.clientOrderId())).as("client id sent once: " + o.clientOrderId()).isTrue();
        assertThat(ids).allMatch(id -> id.matches(OrderRequest.CLIENT_ORDER_ID_PATTERN));
    }

    @Test
    void aFillThatHappenedWhileTheBotWasDownIsAppliedOnceOnRestart() {
        Path db = dir.resolve("bot.db");
        Path book = Replay.paperBookFor(db);
        PaperSettings settings = PaperSettings.of(Bars.BTC, new BigDecimal("10000"));
        List<Bar> bars = Bars.closes("100", "101", "99", "95", "96");
        Strategy restsOneBid = new Strategy() {
            @Override
            public void onBar(Bar bar, StrategyContext ctx) {
                if (ctx.openOrders().isEmpty() && ctx.position().isFlat()) {
                    ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("97")));
                }
            }
        };
        try (TradingBot bot = TradeKit.bot("down").exchange(PaperExchange.durable(settings, book)).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy(restsOneBid).store(StateStores.sqlite(db)).dataClock().build()) {
            bot.start();
            ReplayDriver.of(bot).feed(bars.get(0));
            assertThat(bot.openOrders()).hasSize(1);
        }
        // While the bot is down the venue trades through the bid.
        PaperExchange venue = PaperExchange.durable(settings, book);
        venue.onBar(bars.get(3));
        venue.close();

        try (TradingBot bot = TradeKit.bot("down").exchange(PaperExchange.durable(settings, book)).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy(restsOneBid).store(StateStores.sqlite(db)).dataClock().build()) {
            bot.start();
            assertThat(bot.position().quantity()).isEqualByComparingTo("1");
            assertThat(bot.orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
            assertThat(bot.cash()).isEqualByComparingTo("9902.903"); // 10000 - 97 - 0.097
        }
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            assertThat(store.fills()).hasSize(1);
        }
    }

    @Test
    void aFillMissedWhileDownReachesTheStrategyAfterItsStartAndItsAnswerGoesToTheVenue() {
        Path db = dir.resolve("bot.db");
        Path book = Replay.paperBookFor(db);
        PaperSettings settings = PaperSettings.of(Bars.BTC, new BigDecimal("10000"));
        List<Bar> bars = Bars.closes("100", "101", "99", "95", "96");
        try (TradingBot bot = TradeKit.bot("down").exchange(PaperExchange.durable(settings, book)).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy(new BidThenAsk(new java.util.ArrayList<>())).store(StateStores.sqlite(db)).dataClock().build()) {
            bot.start();
            ReplayDriver.of(bot).feed(bars.get(0));
        }
        PaperExchange down = PaperExchange.durable(settings, book);
        down.onBar(bars.get(3)); // while the bot is down the venue trades through its bid at 97
        down.close();

        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        PaperExchange venue = PaperExchange.durable(settings, book);
        try (TradingBot bot = TradeKit.bot("down").exchange(venue).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .strategy(new BidThenAsk(heard)).store(StateStores.sqlite(db)).dataClock().build()) {
            bot.start(lastBar -> bars.subList(0, 4)); // as a replay does: the bars it saw, so that it answers with prices at hand
            assertThat(ReplayDriver.of(bot).awaitIdle(java.time.Duration.ofSeconds(30))).isTrue();
            // It starts on the journal's view (its bid still open, nothing held, the cash before the fill: 10000), then hears the
            // fill and the order's end as a bot that stayed up would have, and answers with its ask.
            assertThat(heard).containsExactly("start: 1 open, position 0, cash 10000", "fill BUY 1 @ 97", "order FILLED");
            assertThat(bot.cash()).isEqualByComparingTo("9902.903"); // 10000 - 97 - 0.097 fee
            assertThat(venue.openOrders("BTCUSDT")).singleElement().satisfies(o -> {
                assertThat(o.side()).isEqualTo(Side.SELL);
                assertThat(o.limitPrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("99"));
            });
        }
    }

    /** Rests a bid at 97 on its first bar and answers its fill with an ask at 99; says what it hears. */
    private record BidThenAsk(List<String> heard) implements Strategy {
        @Override
        public void onStart(StrategyContext ctx) {
            heard.add("start: " + ctx.openOrders().size() + " open, position " + ctx.position().quantity().stripTrailingZeros().toPlainString()
                    + ", cash " + ctx.cash().stripTrailingZeros().toPlainString());
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (ctx.openOrders().isEmpty() && ctx.position().isFlat()) {
                ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("97")));
            }
        }

        @Override
        public void onFill(Fill fill, StrategyContext ctx) {
            heard.add("fill " + fill.side() + " " + fill.quantity().stripTrailingZeros().toPlainString() + " @ "
                    + fill.price().stripTrailingZeros().toPlainString());
            if (fill.side() == Side.BUY) ctx.submit(OrderIntent.limit("BTCUSDT", Side.SELL, fill.quantity(), new BigDecimal("99")));
        }

        @Override
        public void onOrderUpdate(Order order, StrategyContext ctx) {
            if (order.status().isTerminal()) heard.add("order " + order.status());
        }
    }

    @Test
    void anOrderCancelledAtTheVenueWhileDownIsClosedOnRestartAndAnUnknownVenueOrderIsReported() {
        Path db = dir.resolve("bot.db");
        Path book = Replay.paperBookFor(db);
        PaperSettings settings = PaperSettings.of(Bars.BTC, new BigDecimal("10000"));
        List<Bar> bars = Bars.closes("100", "101");
        Strategy oneBid = new Strategy() {
            boolean sent;

            @Override
            public void onBar(Bar bar, StrategyContext ctx) {
                if (!sent) {
                    sent = true;
                    ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, BigDecimal.ONE, new BigDecimal("90")));
                }
            }
        };
        String mine;
        try (TradingBot bot = TradeKit.bot("cx").exchange(PaperExchange.durable(settings, book)).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy(oneBid).store(StateStores.sqlite(db)).dataClock().build()) {
            bot.start();
            ReplayDriver.of(bot).feed(bars.get(0));
            mine = bot.openOrders().get(0).clientOrderId();
        }
        PaperExchange venue = PaperExchange.durable(settings, book);
        venue.cancel("BTCUSDT", mine);
        venue.place(new OrderRequest("someone-else-1", "BTCUSDT", Side.BUY, io.tradekit.api.OrderType.LIMIT, BigDecimal.ONE,
                java.util.Optional.of(new BigDecimal("80")), io.tradekit.api.TimeInForce.GTC, false));
        venue.close();

        PaperExchange again = PaperExchange.durable(settings, book);
        try (TradingBot bot = TradeKit.bot("cx").exchange(again).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .strategy(oneBid).store(StateStores.sqlite(db)).dataClock().cancelUnknownOrders(true).build()) {
            bot.start();
            assertThat(bot.orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELED));
            assertThat(again.openOrders("BTCUSDT")).isEmpty(); // the unknown order was cancelled as configured
        }
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            assertThat(store.events(100)).anySatisfy(e -> assertThat(e.reason()).contains("someone-else-1").contains("not this bot's"));
        }
    }

    @Test
    void aRunningBotSavesSnapshotsAtItsIntervalWithTheStrategyState() throws Exception {
        Path db = dir.resolve("bot.db");
        Strategy remembers = new Strategy() {
            int bars;

            @Override
            public void onBar(Bar bar, StrategyContext ctx) {
                bars++;
            }

            @Override
            public String saveState() {
                return "{\"bars\":" + bars + "}";
            }
        };
        try (TradingBot bot = TradeKit.bot("snap").exchange(new PaperExchange(PaperSettings.of(Bars.BTC, new BigDecimal("10000"))))
                .symbol("BTCUSDT").timeframe(Bars.BTC_TF).strategy(remembers).store(StateStores.sqlite(db)).dataClock()
                .snapshotInterval(java.time.Duration.ofMillis(100)).build()) {
            bot.start();
            for (Bar bar : Bars.closes("100", "101", "102")) ReplayDriver.of(bot).feed(bar);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            boolean saved = false;
            while (!saved && System.nanoTime() < deadline) {
                Thread.sleep(50);
                // Read from outside, as another process would: the running bot holds the journal's lock.
                try (java.sql.Connection peek = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                     java.sql.ResultSet rs = peek.createStatement().executeQuery("SELECT payload FROM bot_snapshots ORDER BY id DESC LIMIT 1")) {
                    saved = rs.next() && io.tradekit.core.store.internal.SnapshotCodec.decode(rs.getString(1)).strategyState()
                            .contains("\"bars\":3");
                }
            }
            assertThat(saved).as("a snapshot with the strategy's state was saved while the bot ran").isTrue();
        }
    }

    @Test
    void aPositionTheJournalCannotExplainStopsTheStart() {
        Path db = dir.resolve("bot.db");
        Path book = Replay.paperBookFor(db);
        PaperSettings settings = PaperSettings.of(Bars.BTC, new BigDecimal("10000"));
        Strategy idle = (bar, ctx) -> { };
        try (TradingBot bot = TradeKit.bot("pos").exchange(PaperExchange.durable(settings, book)).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy(idle).store(StateStores.sqlite(db)).dataClock().build()) {
            bot.start();
            ReplayDriver.of(bot).feed(Bars.closes("100").get(0));
        }
        // Someone buys on the same account while the bot is down.
        PaperExchange venue = PaperExchange.durable(settings, book);
        venue.onBar(Bars.closes("100").get(0));
        venue.place(new OrderRequest("manual-1", "BTCUSDT", Side.BUY, io.tradekit.api.OrderType.MARKET, BigDecimal.ONE,
                java.util.Optional.empty(), io.tradekit.api.TimeInForce.GTC, false));
        venue.close();

        TradingBot bot = TradeKit.bot("pos").exchange(PaperExchange.durable(settings, book)).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy(idle).store(StateStores.sqlite(db)).dataClock().build();
        assertThatThrownBy(bot::start).isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("venue holds 1").hasMessageContaining("journal explains 0");
        bot.close();
    }

    @Test
    void aBarTheStrategyActedOnButTheDriverNeverMarkedWarmsTheRestartedBotAndIsNotFedAgain() throws Exception {
        Path db = dir.resolve("bot.db");
        PaperSettings settings = PaperSettings.of(Bars.BTC, new BigDecimal("10000"));
        List<Bar> bars = Bars.closes("100", "101", "102", "103");
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TradingBot bot = TradeKit.bot("unmarked").exchange(PaperExchange.durable(settings, Replay.paperBookFor(db))).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy(new CountsBars(seen)).store(StateStores.sqlite(db)).dataClock().build()) {
            bot.start();
            for (Bar bar : bars.subList(0, 3)) ReplayDriver.of(bot).feed(bar);
        }
        // As if killed after the third bar's commit (its equity, the strategy's state) but before the driver marked it.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.PreparedStatement unmark = c.prepareStatement("UPDATE config SET value = ? WHERE key = 'bot.lastBarActedOn'")) {
            unmark.setString(1, bars.get(1).closeTime().toString());
            assertThat(unmark.executeUpdate()).isEqualTo(1);
        }
        seen.clear();
        List<java.util.Optional<java.time.Instant>> asked = new java.util.ArrayList<>();
        try (TradingBot bot = TradeKit.bot("unmarked").exchange(PaperExchange.durable(settings, Replay.paperBookFor(db))).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy(new CountsBars(seen)).store(StateStores.sqlite(db)).dataClock().build()) {
            bot.start(lastBar -> {
                asked.add(lastBar);
                return bars.stream().filter(b -> lastBar.isPresent() && !b.closeTime().isAfter(lastBar.get())).toList();
            });
            // The driver is asked for the bars up to the third (the strategy's state holds it), so it goes on with the fourth.
            assertThat(asked).containsExactly(java.util.Optional.of(bars.get(2).closeTime()));
            ReplayDriver.of(bot).feed(bars.get(3));
            assertThat(seen).containsExactly(4);
        }
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            assertThat(store.equitySince(java.time.Instant.EPOCH)).as("one equity point per bar").hasSize(4);
        }
    }

    /**
     * The durable paper venue commits every step of a bar's path; the journal commits on a writer thread of its own.
     * Were the driver to hand the venue the next bar before the journal held this one, a crash could leave the venue
     * bars ahead of the journal, and the restart would mark those bars again with their later fills already applied.
     * So when {@code feed} returns, the journal's file (read by a connection of its own, as a restarted process reads
     * it) holds the bar's mark, its equity point and every fill the venue made up to it, here fills the strategy does
     * not answer (whose commits nothing else waits for).
     */
    @Test
    void whenFeedReturnsTheJournalFileHoldsTheBarItsEquityAndEveryFillTheVenueMadeUpToIt() throws Exception {
        Path db = dir.resolve("bot.db");
        Path book = Replay.paperBookFor(db);
        PaperSettings settings = PaperSettings.of(Bars.BTC, new BigDecimal("10000"));
        List<Bar> bars = Bars.walk(120, 7);
        try (TradingBot bot = TradeKit.bot("lag").exchange(PaperExchange.durable(settings, book)).symbol("BTCUSDT")
                .timeframe(Bars.BTC_TF).strategy(new QuietLadder()).store(StateStores.sqlite(db)).dataClock().build();
             java.sql.Connection journal = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Connection venue = java.sql.DriverManager.getConnection("jdbc:sqlite:" + book)) {
            bot.start();
            int fillsSeen = 0;
            for (int i = 0; i < bars.size(); i++) {
                ReplayDriver.of(bot).feed(bars.get(i));
                String where = "after bar " + i + " (" + bars.get(i).closeTime() + ")";
                assertThat(scalar(journal, "SELECT value FROM config WHERE key = 'bot.lastBarActedOn'")).as(where)
                        .isEqualTo(bars.get(i).closeTime().toString());
                assertThat(scalar(journal, "SELECT COUNT(*) FROM equity_snapshots")).as(where).isEqualTo(Integer.toString(i + 1));
                String venueFills = scalar(venue, "SELECT COUNT(*) FROM fills");
                assertThat(scalar(journal, "SELECT COUNT(*) FROM fills")).as(where).isEqualTo(venueFills);
                fillsSeen = Integer.parseInt(venueFills);
            }
            assertThat(fillsSeen).as("the walk reaches the ladder's bids; the journal's orders: %s",
                    scalar(journal, "SELECT group_concat(side || ' ' || limit_price || ' ' || status, '; ') FROM orders")).isGreaterThan(5);
        }
    }

    private static String scalar(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** On its first bar, rests a ladder of bids below the close, half a dollar apart; it never answers a fill. */
    private static final class QuietLadder implements Strategy {
        private boolean laid;

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (laid) return;
            laid = true;
            for (int step = 1; step <= 12; step++) {
                BigDecimal price = bar.close().subtract(new BigDecimal("0.5").multiply(new BigDecimal(step))).setScale(1, java.math.RoundingMode.FLOOR);
                ctx.submit(OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("0.1"), price));
            }
        }

        @Override
        public String saveState() {
            return "{\"laid\":" + laid + "}";
        }

        @Override
        public void restoreState(String json) {
            laid = json.contains("true");
        }
    }

    /** Counts the bars it acts on (its state), and says which one each was. */
    private static final class CountsBars implements Strategy {
        private final List<Integer> seen;
        private int bars;

        CountsBars(List<Integer> seen) {
            this.seen = seen;
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            seen.add(++bars);
        }

        @Override
        public String saveState() {
            return "{\"bars\":" + bars + "}";
        }

        @Override
        public void restoreState(String json) {
            bars = Integer.parseInt(json.replaceAll("[^0-9]", ""));
        }
    }

    /** The same strategy, told how many bars it already saw before the restart (its state is its bar count). */
    static final class ResumedAlternating implements Strategy {
        final BacktestEngineTest.Alternating inner = new BacktestEngineTest.Alternating();

        ResumedAlternating(int alreadySeen) {
            inner.n = alreadySeen;
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            inner.onBar(bar, ctx);
        }
    }
}
