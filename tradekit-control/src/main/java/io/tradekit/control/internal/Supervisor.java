package io.tradekit.control.internal;

import io.tradekit.api.BotState;
import io.tradekit.api.Position;
import io.tradekit.api.event.BotEvent;
import io.tradekit.control.BotSpec;
import io.tradekit.control.BotStatus;
import io.tradekit.control.Fleet;
import io.tradekit.control.FleetEntry;
import io.tradekit.core.EquityPoint;
import io.tradekit.core.SafetyReport;
import io.tradekit.core.TradingBot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fleet's supervisor. Every bot starts and stops under its own lock and on its own thread, so a launcher
 * that hangs or throws holds up only its bot; bot events reach the listeners from the bot's loop, wrapped so
 * that a listener's fault never reaches a bot. A sampler asks every running bot for its figures at a fixed
 * interval, each bot on a virtual thread of its own, skipping a bot whose previous sample has not returned.
 */
public final class Supervisor implements Fleet, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final Map<String, ManagedBot> bots = new LinkedHashMap<>();
    private final List<FleetListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler;

    public Supervisor(List<BotSpec> specs, Duration sampleEvery) {
        for (BotSpec spec : specs) {
            if (bots.putIfAbsent(spec.id(), new ManagedBot(spec)) != null) {
                throw new IllegalArgumentException("two bots have the id '" + spec.id() + "'");
            }
        }
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradekit-control-sampler");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, sampleEvery.toMillis());
        sampler.scheduleAtFixedRate(this::sampleAll, every, every, TimeUnit.MILLISECONDS);
    }

    public void addListener(FleetListener listener) {
        listeners.add(listener);
    }

    /** Every managed bot, in the order added. */
    public List<ManagedBot> managed() {
        return List.copyOf(bots.values());
    }

    public Optional<ManagedBot> managed(String id) {
        return Optional.ofNullable(bots.get(id));
    }

    @Override
    public List<FleetEntry> list() {
        return bots.values().stream().map(ManagedBot::entry).toList();
    }

    @Override
    public Optional<FleetEntry> entry(String id) {
        return managed(id).map(ManagedBot::entry);
    }

    @Override
    public Optional<TradingBot> bot(String id) {
        return managed(id).flatMap(ManagedBot::bot);
    }

    @Override
    public FleetEntry start(String id) {
        ManagedBot m = require(id);
        synchronized (m) {
            if (m.status() == BotStatus.RUNNING) return m.entry();
            m.starting();
            tellStatus(m);
            TradingBot built = null;
            try {
                built = m.spec().launcher().launch();
                if (built == null) throw new IllegalStateException("its launcher returned no bot");
                built.onEvent(event -> dispatch(m, event));
                built.start();
                m.running(built, built.equity());
                log.info("bot '{}' of tenant '{}' started", id, m.tenant());
            } catch (Exception | LinkageError e) {
                String why = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.warn("bot '{}' failed to start: {}", id, why);
                if (built != null) closeQuietly(m, built);
                m.failed(why);
            }
            tellStatus(m);
        }
        sample(m);
        return m.entry();
    }

    @Override
    public FleetEntry stop(String id) {
        ManagedBot m = require(id);
        synchronized (m) {
            if (m.status() != BotStatus.RUNNING) return m.entry();
            TradingBot running = m.handle();
            m.stopping();
            tellStatus(m);
            try {
                m.spec().launcher().stop(running);
            } catch (RuntimeException e) {
                log.warn("bot '{}' did not stop cleanly: {}", id, e.toString());
            }
            m.stopped();
            tellStatus(m);
            log.info("bot '{}' stopped", id);
        }
        return m.entry();
    }

    @Override
    public List<FleetEntry> startAll() {
        runSideBySide(this::start);
        return list();
    }

    @Override
    public void stopAll() {
        runSideBySide(this::stop);
    }

    private void runSideBySide(java.util.function.Consumer<String> action) {
        List<Thread> threads = new ArrayList<>();
        for (String id : bots.keySet()) threads.add(Thread.ofVirtual().name("tradekit-control-" + id).start(() -> action.accept(id)));
        // Waits for every bot even when interrupted: a stop cut short would leave bots trading unsupervised.
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private ManagedBot require(String id) {
        ManagedBot m = bots.get(id);
        if (m == null) throw new NoSuchElementException("no bot '" + id + "' in the fleet");
        return m;
    }

    private void dispatch(ManagedBot m, BotEvent event) {
        try {
            if (event instanceof BotEvent.StateChanged change) m.stateChanged(change);
            for (FleetListener l : listeners) l.onEvent(m, event);
        } catch (RuntimeException e) {
            log.warn("control plane listener failed on an event of bot '{}': {}", m.id(), e.toString());
        }
    }

    private void tellStatus(ManagedBot m) {
        for (FleetListener l : listeners) {
            try {
                l.onStatus(m);
            } catch (RuntimeException e) {
                log.warn("control plane listener failed on the status of bot '{}': {}", m.id(), e.toString());
            }
        }
    }

    private void sampleAll() {
        for (ManagedBot m : bots.values()) {
            if (m.status() == BotStatus.RUNNING && m.sampling.compareAndSet(false, true)) {
                Thread.ofVirtual().name("tradekit-control-sample-" + m.id()).start(() -> {
                    try {
                        sample(m);
                    } finally {
                        m.sampling.set(false);
                    }
                });
            }
        }
    }

    private void sample(ManagedBot m) {
        Optional<TradingBot> running = m.bot();
        if (running.isEmpty()) return;
        TradingBot bot = running.get();
        try {
            long t0 = System.nanoTime();
            BigDecimal equity = bot.equity();
            long loopNanos = System.nanoTime() - t0;
            BigDecimal cash = bot.cash();
            Position position = bot.position();
            int open = bot.openOrders().size();
            SafetyReport safety = bot.safetyReport();
            // Read last, so that a state change during the sample is less likely to be overwritten by an older reading.
            BotState state = bot.state();
            if (m.status() != BotStatus.RUNNING) return;
            EquityPoint point = m.sampled(state, equity, cash, position, open, safety);
            for (FleetListener l : listeners) {
                l.onSample(m, loopNanos);
                l.onEquity(m, point);
            }
        } catch (RuntimeException e) {
            // A bot that stops between the status check and the calls, or whose loop does not answer.
            log.debug("could not sample bot '{}': {}", m.id(), e.toString());
        }
    }

    private static void closeQuietly(ManagedBot m, TradingBot bot) {
        try {
            m.spec().launcher().stop(bot);
        } catch (RuntimeException e) {
            log.warn("bot '{}' did not close after a failed start: {}", m.id(), e.toString());
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        stopAll();
    }
}
