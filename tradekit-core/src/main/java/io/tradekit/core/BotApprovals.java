package io.tradekit.core;

import io.tradekit.api.BotState;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyProvider;
import io.tradekit.core.internal.BotEngine;
import io.tradekit.core.store.Approval;
import io.tradekit.core.store.ApprovalBook;
import io.tradekit.core.store.ApprovalException;
import io.tradekit.core.store.ApprovalState;
import io.tradekit.core.store.ProposedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running bot's proposed parameter changes ({@link TradingBot#approvals()}): submit, list, approve, reject and
 * roll back, each journaled with its actor in the bot's {@link ApprovalBook}. A checker on wall time (never the
 * market clock) expires proposals unanswered past their expiry, applying the bot's {@link ExpiryPolicy}, and applies
 * approved ones on the bot's loop at a safe point: while an order of the bot is in flight the change waits (journaled
 * once) and is tried again at the next check. Applying builds the strategy anew with the changed parameters, hands it
 * the old one's state, and records the old and new parameters; a restarted bot runs with them.
 *
 * <pre>{@code BotApprovals approvals = bot.approvals().orElseThrow();
 * Approval a = approvals.submit(new ProposedChange(bot.id(), "desk", Map.of("levels", "12"), "{}", Instant.now().plusSeconds(600)));
 * approvals.approve(a.id(), "alice", "looks right");}</pre>
 */
public final class BotApprovals implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotApprovals.class);

    private record Rollback(long id, String actor, String reason, CompletableFuture<Approval> done) {
    }

    private final TradingBot bot;
    private final ApprovalBook book;
    private final StrategyProvider provider;
    private final String strategyName;
    private final ApprovalSettings settings;
    private final List<Consumer<Approval>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Rollback> rollbacks = new ConcurrentHashMap<>();
    /** Owned by the loop: the parameters the strategy runs with, and the approved changes already said to be waiting. */
    private Map<String, String> inForce;
    private final Set<Long> announcedWaiting = new HashSet<>();
    private ScheduledExecutorService checker;
    private boolean closed;

    BotApprovals(TradingBot bot, ApprovalBook book, StrategyProvider provider, String strategyName, Map<String, String> inForce,
                 ApprovalSettings settings) {
        this.bot = bot;
        this.book = book;
        this.provider = provider;
        this.strategyName = strategyName;
        this.inForce = Map.copyOf(inForce);
        this.settings = settings;
    }

    /**
     * Records a PENDING proposal for this bot; a parameter the strategy does not know is refused here, naming it.
     *
     * @param change the proposal; its bot id must be this bot's
     * @return the journaled proposal, PENDING, with its id
     * @throws InvalidInputException if the proposal is for another bot, names a parameter the strategy does not have, or
     *         its expiry has already passed (checked by {@link ApprovalBook#submit})
     */
    public Approval submit(ProposedChange change) {
        if (!change.botId().equals(bot.id())) {
            throw new InvalidInputException("proposal for bot '" + change.botId() + "' submitted to bot '" + bot.id() + "'");
        }
        Set<String> known = provider.parameters();
        for (String name : change.changes().keySet()) {
            if (!known.isEmpty() && !known.contains(name)) {
                throw new InvalidInputException("proposal from " + change.source() + ": strategy '" + strategyName + "' has no parameter '"
                        + name + "'; its parameters are " + new java.util.TreeSet<>(known));
            }
        }
        return told(book.submit(change));
    }

    /**
     * Every proposal of the journal, newest first.
     *
     * @return every proposal of the journal, newest first; an empty list if there are none
     */
    public List<Approval> list() {
        return book.list();
    }

    /**
     * The proposals in {@code state}, oldest first.
     *
     * @param state the state to list
     * @return the proposals in that state, oldest first
     */
    public List<Approval> list(ApprovalState state) {
        return book.list(state);
    }

    /**
     * The proposal {@code id}; an {@link ApprovalException} if there is none.
     *
     * @param id the proposal's id
     * @return the proposal as the journal has it now
     * @throws ApprovalException if there is no proposal {@code id}
     */
    public Approval get(long id) {
        return book.get(id);
    }

    /**
     * Approves a PENDING proposal; the bot applies it at its next safe point (look for APPLIED).
     *
     * @param id the proposal's id
     * @param actor who approves, non-blank; journaled
     * @param reason why, non-blank; journaled
     * @return the APPROVED proposal
     * @throws InvalidInputException if {@code actor} or {@code reason} is blank
     * @throws ApprovalException if there is no such proposal, or it is not PENDING, or it has expired
     */
    public Approval approve(long id, String actor, String reason) {
        Approval approved = told(book.approve(id, actor, reason));
        wake();
        return approved;
    }

    /**
     * Rejects a PENDING proposal; it never takes effect.
     *
     * @param id the proposal's id
     * @param actor who rejects, non-blank; journaled
     * @param reason why, non-blank; journaled
     * @return the REJECTED proposal
     * @throws InvalidInputException if {@code actor} or {@code reason} is blank
     * @throws ApprovalException if there is no such proposal, or it is not PENDING, or it has expired
     */
    public Approval reject(long id, String actor, String reason) {
        return told(book.reject(id, actor, reason));
    }

    /**
     * Puts back the parameters the bot ran with before the APPLIED proposal {@code id}, at the next safe point; the
     * future completes with the ROLLED_BACK row, or fails with the reason it could not be rolled back.
     *
     * @param id the APPLIED proposal to undo
     * @param actor who rolls back, non-blank; journaled
     * @param reason why, non-blank; journaled
     * @return a future of the ROLLED_BACK proposal; asking again while a rollback of the same id waits returns its future
     * @throws InvalidInputException if {@code actor} or {@code reason} is blank
     * @throws ApprovalException if there is no such proposal or it is not APPLIED
     */
    public CompletableFuture<Approval> rollback(long id, String actor, String reason) {
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            throw new InvalidInputException("a rollback needs a non-blank actor and reason");
        }
        Approval applied = book.get(id);
        if (applied.state() != ApprovalState.APPLIED) {
            throw new ApprovalException("proposal #" + id + " is " + applied.state() + ", not APPLIED: there is nothing to roll back", false);
        }
        Rollback request = new Rollback(id, actor, reason, new CompletableFuture<>());
        Rollback earlier = rollbacks.putIfAbsent(id, request);
        wake();
        return earlier != null ? earlier.done() : request.done();
    }

    /**
     * The parameters the bot's strategy runs with now.
     *
     * @return a sorted copy of the parameter names and values in force, read on the bot's loop
     */
    public Map<String, String> parametersInForce() {
        return bot.onLoop(() -> new TreeMap<>(inForce));
    }

    /**
     * Tells {@code listener} of every step (proposed, approved, rejected, expired, applied, refused, rolled back), on the thread that made it.
     *
     * @param listener called with each step; an exception it throws is logged and does not stop the others
     */
    public void onStep(Consumer<Approval> listener) {
        listeners.add(listener);
    }

    /**
     * The approvals table this bot's steps are written to.
     *
     * @return the book this bot journals its proposals in; closed with this object
     */
    public ApprovalBook book() {
        return book;
    }

    // ------------------------------------------------------------------ the checker (wall time)

    void start() {
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradekit-approvals-" + bot.id());
            t.setDaemon(true);
            return t;
        });
        long every = settings.checkEvery().toMillis();
        checker.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.MILLISECONDS);
    }

    private void wake() {
        ScheduledExecutorService c = checker;
        if (c != null && !c.isShutdown()) c.execute(this::check);
    }

    private void check() {
        try {
            for (Approval expired : book.expireDue(bot.id(), Instant.now())) {
                told(expired);
                bot.onLoop(() -> onExpired(expired));
            }
            for (Approval approved : book.list(ApprovalState.APPROVED)) {
                if (approved.botId().equals(bot.id())) bot.onLoop(() -> tryApply(approved));
            }
            for (Rollback r : rollbacks.values()) bot.onLoop(() -> tryRollback(r));
        } catch (RuntimeException e) {
            log.warn("bot '{}': approvals check failed; trying again in {}: {}", bot.id(), settings.checkEvery(), e.toString());
        }
    }

    private Void onExpired(Approval expired) {
        BotEngine engine = bot.engine();
        String why = "proposal #" + expired.id() + " from " + expired.source() + " expired unanswered at " + expired.expiresAt();
        BotState state = engine.state();
        switch (settings.onExpiry()) {
            case NOTHING -> {
            }
            case PAUSE -> {
                if (state == BotState.RUNNING || state == BotState.REDUCE_ONLY) engine.safety().pause("approvals", why);
            }
            case EMERGENCY_STOP -> {
                if (state != BotState.EMERGENCY_STOP && state != BotState.STOPPED) engine.safety().emergencyStop("approvals", why);
            }
        }
        return null;
    }

    private Void tryApply(Approval approved) {
        BotEngine engine = bot.engine();
        if (engine.orderInFlight()) {
            if (announcedWaiting.add(approved.id())) {
                bot.journal("approval", "engine", "#" + approved.id() + " waits for the bot's order in flight before it is applied",
                        "{\"id\":" + approved.id() + "}");
            }
            return null;
        }
        Map<String, String> next = new TreeMap<>(inForce);
        next.putAll(approved.changes());
        Strategy strategy;
        try {
            strategy = provider.create(Params.of(strategyName, next));
        } catch (RuntimeException e) {
            told(book.refuseApproved(approved.id(), "strategy '" + strategyName + "' refused the parameters: " + e.getMessage()));
            return null;
        }
        Approval applied = book.markApplied(approved.id(), inForce, next);
        engine.replaceStrategy(strategy);
        inForce = Map.copyOf(next);
        announcedWaiting.remove(approved.id());
        log.info("bot '{}': applied {}", bot.id(), applied.describe());
        told(applied);
        return null;
    }

    private Void tryRollback(Rollback request) {
        BotEngine engine = bot.engine();
        if (engine.orderInFlight()) return null;
        rollbacks.remove(request.id());
        try {
            Approval applied = book.get(request.id());
            Strategy strategy = provider.create(Params.of(strategyName, applied.previous()));
            Approval rolledBack = book.markRolledBack(request.id(), request.actor(), request.reason());
            engine.replaceStrategy(strategy);
            inForce = Map.copyOf(applied.previous());
            told(rolledBack);
            request.done().complete(rolledBack);
        } catch (RuntimeException e) {
            request.done().completeExceptionally(e);
        }
        return null;
    }

    private Approval told(Approval step) {
        for (Consumer<Approval> l : listeners) {
            try {
                l.accept(step);
            } catch (RuntimeException e) {
                log.warn("bot '{}': an approvals listener failed on {}: {}", bot.id(), step.describe(), e.toString());
            }
        }
        return step;
    }

    /** Stops the checker and closes the book; the bot calls it when it shuts down. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (checker != null) {
            checker.shutdownNow();
            try {
                checker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        book.close();
    }
}
