package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.Side;
import io.tradekit.api.store.AuditEvent;
import io.tradekit.core.ApprovalSettings;
import io.tradekit.core.BotApprovals;
import io.tradekit.core.ExpiryPolicy;
import io.tradekit.core.Plugins;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.store.Approval;
import io.tradekit.core.store.ApprovalBook;
import io.tradekit.core.store.ApprovalException;
import io.tradekit.core.store.ApprovalState;
import io.tradekit.core.store.ProposedChange;
import io.tradekit.core.store.SqliteStateStore;
import io.tradekit.core.store.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterChangeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(45);
    private static final ApprovalSettings FAST = ApprovalSettings.defaults().checkEvery(Duration.ofMillis(50));

    @TempDir
    Path dir;

    private final PaperSettings settings = PaperSettings.of(Bars.BTC, new BigDecimal("10000"));
    private final List<Bar> bars = Bars.closes("100", "100", "100", "100");

    private TradingBot bot(Path db, PaperExchange venue, ApprovalSettings approvals, Map<String, String> params) {
        return TradeKit.bot("band-bot").exchange(venue).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .plugins(Plugins.discover().register(BandStrategy.PROVIDER)).strategy("band", params)
                .store(StateStores.sqlite(db)).dataClock().approvals(approvals).build();
    }

    private static ProposedChange widen(String below, Duration expiresIn) {
        return new ProposedChange("band-bot", "test-rules", Map.of("below", below), "{\"winRate\":\"0.6\"}", Instant.now().plus(expiresIn));
    }

    @Test
    void anApprovedChangeIsAppliedOnTheLoopJournaledWithOldAndNewValuesAndARestartRunsWithIt() {
        Path db = dir.resolve("bot.db");
        Path book = dir.resolve("paper.book");
        long appliedId;
        try (TradingBot bot = bot(db, PaperExchange.durable(settings, book), FAST, Map.of("below", "2"))) {
            bot.start();
            ReplayDriver.of(bot).feed(bars.get(0));
            assertThat(bot.openOrders()).singleElement().satisfies(o -> assertThat(o.tag()).isEqualTo("band-2"));
            BotApprovals approvals = bot.approvals().orElseThrow();
            Approval proposed = approvals.submit(widen("5", Duration.ofMinutes(10)));
            assertThat(proposed.state()).isEqualTo(ApprovalState.PENDING);
            approvals.approve(proposed.id(), "alice", "wider band for a calmer week");
            waitFor(() -> approvals.get(proposed.id()).state() == ApprovalState.APPLIED, "the approved change is applied");
            appliedId = proposed.id();

            assertThat(approvals.parametersInForce()).isEqualTo(Map.of("below", "5"));
            assertThat(approvals.get(appliedId).previous()).isEqualTo(Map.of("below", "2"));
            // The new instance read back the audit lines the one it replaced wrote (a grid's round trips are such lines).
            assertThat(BandStrategy.lastCreated.linesReadBack()).as("bar lines the new strategy read back").isEqualTo(1);
            ReplayDriver.of(bot).feed(bars.get(1));
            // The new strategy instance bids 100 - 5 = 95 under its own tag; it took over the old one's state (2 bars seen).
            assertThat(bot.openOrders()).singleElement().satisfies(o -> {
                assertThat(o.tag()).isEqualTo("band-5");
                assertThat(o.limitPrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("95"));
            });
            List<AuditEvent> steps = bot.auditEvents(500).stream().filter(e -> e.type().equals("approval")).toList();
            assertThat(steps).extracting(AuditEvent::actor).containsExactly("test-rules", "alice", "engine");
            assertThat(steps.get(2).inputsJson()).contains("\"old\":{\"below\":\"2\"}").contains("\"new\":{\"below\":\"5\"}");
            assertThat(steps.get(1).reason()).contains("wider band for a calmer week");
        }

        // Started again as the host first configured it: the journal's applied change is no mismatch, and it is what runs.
        try (TradingBot bot = bot(db, PaperExchange.durable(settings, book), FAST, Map.of("below", "2"))) {
            bot.start();
            assertThat(bot.approvals().orElseThrow().parametersInForce()).isEqualTo(Map.of("below", "5"));
            ReplayDriver.of(bot).feed(bars.get(2));
            assertThat(bot.openOrders()).singleElement().satisfies(o -> assertThat(o.tag()).isEqualTo("band-5"));

            Approval rolledBack = bot.approvals().orElseThrow().rollback(appliedId, "bob", "back to the tested band").join();
            assertThat(rolledBack.state()).isEqualTo(ApprovalState.ROLLED_BACK);
            assertThat(bot.approvals().orElseThrow().parametersInForce()).isEqualTo(Map.of("below", "2"));
            ReplayDriver.of(bot).feed(bars.get(3));
            assertThat(bot.openOrders()).singleElement().satisfies(o -> assertThat(o.tag()).isEqualTo("band-2"));
            AuditEvent rollback = bot.auditEvents(500).stream().filter(e -> e.type().equals("approval")).toList().getLast();
            assertThat(rollback.actor()).isEqualTo("bob");
            assertThat(rollback.inputsJson()).contains("\"state\":\"ROLLED_BACK\"").contains("\"new\":{\"below\":\"2\"}");
        }
        // Started with the parameters in force is no mismatch either; parameters that are neither are refused, naming both.
        try (SqliteStateStore store = StateStores.sqlite(db)) {
            assertThat(ApprovalBook.appliedParameters(store)).hasValue(Map.of("below", "2"));
        }
        assertThatThrownBy(() -> bot(db, PaperExchange.durable(settings, book), FAST, Map.of("below", "9")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("strategy parameters are {below=2} in the journal but {below=9} now");
    }

    @Test
    void aBotStartedWithTheParametersAnAppliedChangePutInForceIsTheJournalsOwn() {
        Path db = dir.resolve("bot.db");
        Path book = dir.resolve("paper.book");
        try (TradingBot bot = bot(db, PaperExchange.durable(settings, book), FAST, Map.of("below", "2"))) {
            bot.start();
            BotApprovals approvals = bot.approvals().orElseThrow();
            Approval proposed = approvals.submit(widen("6", Duration.ofMinutes(10)));
            approvals.approve(proposed.id(), "alice", "wider");
            waitFor(() -> approvals.get(proposed.id()).state() == ApprovalState.APPLIED, "the change is applied");
        }
        // The host wrote the applied value into its own configuration: the journal recorded {below=2} but has {below=6} in force.
        try (TradingBot bot = bot(db, PaperExchange.durable(settings, book), FAST, Map.of("below", "6"))) {
            bot.start();
            assertThat(bot.approvals().orElseThrow().parametersInForce()).isEqualTo(Map.of("below", "6"));
        }
    }

    @Test
    void aChangeApprovedWhileAnOrderIsInFlightWaitsUntilTheVenueAnswers() throws Exception {
        CountDownLatch venueAnswers = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean();
        ForwardingVenue slow = new ForwardingVenue(new PaperExchange(settings)) {
            @Override
            public OrderAck place(OrderRequest request) {
                try {
                    if (holding.get()) venueAnswers.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return inner.place(request);
            }
        };
        Path db = dir.resolve("bot.db");
        try (TradingBot bot = TradeKit.bot("band-bot").exchange(slow).symbol("BTCUSDT").timeframe(Bars.BTC_TF)
                .plugins(Plugins.discover().register(BandStrategy.PROVIDER)).strategy("band", Map.of("below", "2"))
                .store(StateStores.sqlite(db)).dataClock().ackTimeout(Duration.ofMinutes(2)).approvals(FAST).build()) {
            bot.start();
            ReplayDriver.of(bot).feed(bars.get(0));
            holding.set(true);
            bot.submit("carol", "a bid by hand", OrderIntent.limit("BTCUSDT", Side.BUY, new BigDecimal("0.1"), new BigDecimal("90")));
            BotApprovals approvals = bot.approvals().orElseThrow();
            Approval proposed = approvals.submit(widen("7", Duration.ofMinutes(10)));
            approvals.approve(proposed.id(), "alice", "go");
            waitFor(() -> bot.auditEvents(200).stream().anyMatch(e -> e.reason().contains("waits for the bot's order in flight")),
                    "the change says it waits");
            assertThat(approvals.get(proposed.id()).state()).isEqualTo(ApprovalState.APPROVED);
            assertThat(approvals.parametersInForce()).isEqualTo(Map.of("below", "2"));

            venueAnswers.countDown();
            waitFor(() -> approvals.get(proposed.id()).state() == ApprovalState.APPLIED, "the change is applied once the order is answered");
            assertThat(bot.openOrders()).hasSize(2).allSatisfy(o -> assertThat(o.status()).isEqualTo(io.tradekit.api.OrderStatus.NEW));
        }
    }

    @Test
    void aProposalLeftUnansweredExpiresOnWallTimeAndThePolicyPausesTheBot() {
        Path db = dir.resolve("bot.db");
        try (TradingBot bot = bot(db, new PaperExchange(settings), FAST.onExpiry(ExpiryPolicy.PAUSE), Map.of())) {
            bot.start();
            ReplayDriver.of(bot).feed(bars.get(0));
            BotApprovals approvals = bot.approvals().orElseThrow();
            Approval proposed = approvals.submit(widen("3", Duration.ofMillis(300)));
            waitFor(() -> bot.state() == BotState.PAUSED, "the expiry pauses the bot");
            Approval expired = approvals.get(proposed.id());
            assertThat(expired.state()).isEqualTo(ApprovalState.EXPIRED);
            assertThat(expired.actor()).hasValue("expiry");
            assertThatThrownBy(() -> approvals.approve(proposed.id(), "alice", "too late"))
                    .isInstanceOf(ApprovalException.class).hasMessageContaining("is EXPIRED, not PENDING");
            assertThat(bot.auditEvents(200)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("state");
                assertThat(e.actor()).isEqualTo("approvals");
                assertThat(e.reason()).contains("RUNNING -> PAUSED").contains("proposal #" + proposed.id());
            });
        }
    }

    @Test
    void parametersTheStrategyRefusesAreRejectedByTheEngineAndTheBotKeepsItsOwn() {
        Path db = dir.resolve("bot.db");
        try (TradingBot bot = bot(db, new PaperExchange(settings), FAST, Map.of("below", "2"))) {
            bot.start();
            BotApprovals approvals = bot.approvals().orElseThrow();
            assertThatThrownBy(() -> approvals.submit(new ProposedChange("band-bot", "llm", Map.of("above", "1"), "{}", Instant.now().plusSeconds(60))))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no parameter 'above'");
            Approval proposed = approvals.submit(widen("-1", Duration.ofMinutes(10)));
            approvals.approve(proposed.id(), "alice", "try it");
            waitFor(() -> approvals.get(proposed.id()).state() == ApprovalState.REJECTED, "the engine refuses the parameters");
            assertThat(approvals.get(proposed.id()).actor()).hasValue("engine");
            assertThat(approvals.get(proposed.id()).reason()).hasValueSatisfying(r -> assertThat(r).contains("'below' must be positive"));
            assertThat(approvals.parametersInForce()).isEqualTo(Map.of("below", "2"));
        }
    }

    @Test
    void anOperatorDecidesFromASecondConnectionWhileTheBotHoldsItsJournal() {
        Path db = dir.resolve("bot.db");
        try (TradingBot bot = bot(db, new PaperExchange(settings), FAST, Map.of("below", "2"));
             ApprovalBook cli = ApprovalBook.open(db)) {
            bot.start();
            Approval proposed = bot.approvals().orElseThrow().submit(widen("4", Duration.ofMinutes(10)));
            assertThat(cli.list(ApprovalState.PENDING)).extracting(Approval::id).containsExactly(proposed.id());
            cli.approve(proposed.id(), "dave", "from the shell");
            assertThatThrownBy(() -> cli.reject(proposed.id(), "erin", "no"))
                    .isInstanceOf(ApprovalException.class).hasMessageContaining("not PENDING: it cannot be rejected");
            assertThatThrownBy(() -> cli.approve(999, "erin", "no")).isInstanceOfSatisfying(ApprovalException.class,
                    e -> assertThat(e.notFound()).isTrue());
            waitFor(() -> cli.get(proposed.id()).state() == ApprovalState.APPLIED, "the running bot applies what the shell approved");
            assertThat(bot.approvals().orElseThrow().parametersInForce()).isEqualTo(Map.of("below", "4"));
        }
    }

    static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
