package io.tradekit.kraken.sim;

import com.sun.net.httpserver.HttpServer;
import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.core.paper.FillModel;
import io.tradekit.core.paper.PaperSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Kraken spot venue on loopback, for tests and for running bots without real money (Kraken has no spot
 * testnet). One HTTP port serves REST ({@code /0/public/Time}, {@code AssetPairs}, {@code OHLC};
 * {@code /0/private/AddOrder}, {@code CancelOrder}, {@code CancelAll}, {@code CancelAllOrdersAfter},
 * {@code OpenOrders}, {@code ClosedOrders}, {@code QueryOrders}, {@code TradesHistory}, {@code BalanceEx},
 * {@code GetWebSocketsToken}); one WebSocket port serves v2 at {@code /v2} (public) and {@code /auth/v2}
 * (authenticated). Private calls are checked as Kraken checks them: {@code API-Key}, {@code API-Sign}
 * over the exact body, nonces above the key's last one, the key's call counter. Orders are matched by
 * core's {@link io.tradekit.core.paper.MatchingEngine}.
 *
 * <pre>{@code
 * try (KrakenSimulator sim = KrakenSimulator.start(KrakenSimulator.Options.of(bars))) {
 *     ExchangeAdapter kraken = provider.create(new ExchangeSettings(Params.of("kraken", sim.adapterParams()), Optional.of(sim.credentials())));
 *     sim.step();
 * }}</pre>
 *
 * Market data is a list of bars of one pair: {@link #step()} closes the next one. Faults for tests come
 * through {@link FaultInjection}.
 */
public final class KrakenSimulator implements FaultInjection, AutoCloseable {

    /** The account the simulator serves unless told otherwise; the secret is base64, as Kraken's are. */
    public static final Credentials TEST_CREDENTIALS = new Credentials("tradekitKrakenSimulatorKey0000000000000000000001",
            "dHJhZGVraXQta3Jha2VuLXNpbXVsYXRvci10ZXN0LXNlY3JldC1ub3QtZm9yLXJlYWwtdXNlLTAwMDAwMDAwMDAwMA==");

    /**
     * What to simulate. The compact constructor copies the lists and the map and checks the bars, the initial bars
     * and the timeframe; it throws {@link InvalidInputException} otherwise.
     *
     * @param httpPort     REST port, 0 for any free one (the WebSocket port is always a free one)
     * @param bars         the market, oldest first, one timeframe Kraken serves (1, 5, 15, 30, 60, 240, 1440, 10080 or
     *                     21600 minutes); their symbol is ignored (the pair's altname is used)
     * @param pair         the one pair listed
     * @param credentials  the one API key and (base64) secret the account accepts
     * @param balances     the account's starting balances by Kraken asset code, e.g. {@code ZUSD}
     * @param makerFeeBps  the fee on fills of resting orders, in basis points of the cost (16 = 0.16 %)
     * @param takerFeeBps  the fee on fills of orders that take liquidity, in basis points of the cost
     * @param initialBars  how many bars have closed before the start, 1..the number of bars
     * @param counterMax   the key's REST call counter maximum (Kraken intermediate tier: 20)
     * @param counterDecay how fast it drains per second (intermediate: 0.5)
     */
    public record Options(int httpPort, List<Bar> bars, PairSpec pair, Credentials credentials, Map<String, BigDecimal> balances,
                          BigDecimal makerFeeBps, BigDecimal takerFeeBps, int initialBars, double counterMax, double counterDecay) {
        /**
         * Checks and copies the components as described above.
         *
         * @throws InvalidInputException when the bars are empty, the initial bars are out of range or the timeframe
         *         is not one Kraken serves
         * @throws NullPointerException when the pair or the credentials are null
         */
        public Options {
            bars = List.copyOf(bars);
            Objects.requireNonNull(pair, "pair");
            Objects.requireNonNull(credentials, "credentials");
            balances = Map.copyOf(balances);
            if (bars.isEmpty()) throw new InvalidInputException("kraken simulator: bars must not be empty");
            if (initialBars < 1 || initialBars > bars.size()) {
                throw new InvalidInputException("kraken simulator: initial bars must be within 1.." + bars.size() + ", got " + initialBars);
            }
            long minutes = bars.getFirst().timeframe().millis() / 60_000;
            if (!List.of(1L, 5L, 15L, 30L, 60L, 240L, 1440L, 10080L, 21600L).contains(minutes)
                    || bars.getFirst().timeframe().millis() % 60_000 != 0) {
                throw new InvalidInputException("kraken simulator: timeframe " + bars.getFirst().timeframe() + " is not one Kraken serves");
            }
        }

        /**
         * XBT/USD over {@code bars} on any free port: 10 000 ZUSD, 16 bps maker and 26 bps taker fees, one bar closed
         * before the start, {@link #TEST_CREDENTIALS}, the intermediate tier's call counter.
         *
         * @param bars the market, oldest first, one timeframe
         * @return the options
         * @throws InvalidInputException when the bars cannot be simulated (see above)
         */
        public static Options of(List<Bar> bars) {
            return new Options(0, bars, PairSpec.xbtUsd(), TEST_CREDENTIALS, Map.of("ZUSD", new BigDecimal("10000")),
                    new BigDecimal("16"), new BigDecimal("26"), 1, 20, 0.5);
        }

        /**
         * A copy that lists another pair.
         *
         * @param newPair the pair, e.g. {@link PairSpec#ethUsd()}
         * @return the copy
         */
        public Options withPair(PairSpec newPair) {
            return new Options(httpPort, bars, newPair, credentials, balances, makerFeeBps, takerFeeBps, initialBars, counterMax, counterDecay);
        }

        /**
         * A copy whose account accepts other credentials.
         *
         * @param newCredentials the API key and base64 secret the account accepts
         * @return the copy
         */
        public Options withCredentials(Credentials newCredentials) {
            return new Options(httpPort, bars, pair, newCredentials, balances, makerFeeBps, takerFeeBps, initialBars, counterMax, counterDecay);
        }

        /**
         * A copy with other starting balances.
         *
         * @param newBalances the balances by Kraken asset code
         * @return the copy
         */
        public Options withBalances(Map<String, BigDecimal> newBalances) {
            return new Options(httpPort, bars, pair, credentials, newBalances, makerFeeBps, takerFeeBps, initialBars, counterMax, counterDecay);
        }

        /**
         * A copy in which {@code count} bars have closed before the start.
         *
         * @param count 1..the number of bars
         * @return the copy
         * @throws InvalidInputException when {@code count} is out of range
         */
        public Options withInitialBars(int count) {
            return new Options(httpPort, bars, pair, credentials, balances, makerFeeBps, takerFeeBps, count, counterMax, counterDecay);
        }

        /**
         * A copy that listens for REST on another port.
         *
         * @param port the REST port, 0 for any free one
         * @return the copy
         */
        public Options withPort(int port) {
            return new Options(port, bars, pair, credentials, balances, makerFeeBps, takerFeeBps, initialBars, counterMax, counterDecay);
        }

        /**
         * A copy with another REST call counter, e.g. a small one to provoke rate-limit errors.
         *
         * @param max the counter's maximum
         * @param decayPerSecond how fast it drains, per second
         * @return the copy
         */
        public Options withCounter(double max, double decayPerSecond) {
            return new Options(httpPort, bars, pair, credentials, balances, makerFeeBps, takerFeeBps, initialBars, max, decayPerSecond);
        }
    }

    private final Options options;
    private final Faults faults = new Faults();
    private final VenueClock clock = new VenueClock();
    private final Gate gate;
    private final StreamServer streams;
    private final SimVenue venue;
    private final RestHandler rest;
    private final HttpServer http;
    private final ScheduledExecutorService housekeeping;
    private ScheduledExecutorService stepper;

    private KrakenSimulator(Options options) throws IOException, InterruptedException {
        this.options = options;
        this.gate = new Gate(options.credentials(), clock, options.counterMax(), options.counterDecay());
        this.streams = new StreamServer(gate, faults);
        List<Bar> bars = options.bars().stream().map(b -> new Bar(options.pair().altname(), b.timeframe(), b.openTime(), b.open(), b.high(),
                b.low(), b.close(), b.volume())).toList();
        PaperSettings settings = new PaperSettings(Map.of(options.pair().altname(), options.pair().instrument()), options.balances(),
                options.makerFeeBps(), options.takerFeeBps(), BigDecimal.ZERO, FillModel.CLOSE);
        this.venue = new SimVenue(settings, options.pair(), bars, options.initialBars(), clock, streams::publishExecution);
        streams.attach(venue);
        this.rest = new RestHandler(venue, gate, faults, clock);
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.httpPort()), 100);
        http.createContext("/", rest);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        streams.start();
        streams.awaitStarted();
        http.start();
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kraken-sim-heartbeat");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleAtFixedRate(() -> {
            streams.heartbeat();
            venue.checkDeadMansSwitch();
        }, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Starts a simulator: binds the REST port and a WebSocket port on loopback and starts the one-second heartbeat
     * (which also fires the dead man's switch). No bar closes until {@link #step()} or {@link #stepEvery}.
     *
     * @param options what to simulate
     * @return the running simulator; close it to free the ports and its threads
     * @throws UncheckedIOException when a port cannot be bound
     * @throws IllegalStateException when the starting thread is interrupted
     */
    public static KrakenSimulator start(Options options) {
        try {
            return new KrakenSimulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("kraken simulator: could not listen on port " + options.httpPort(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("kraken simulator: interrupted while starting", e);
        }
    }

    /**
     * The REST base URL, for the adapter's {@code restUrl}.
     *
     * @return {@code http://127.0.0.1:PORT}
     */
    public String restUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /**
     * The public WebSocket v2 URL, for the adapter's {@code wsUrl}.
     *
     * @return {@code ws://127.0.0.1:PORT/v2}
     */
    public String wsUrl() {
        return "ws://127.0.0.1:" + streams.getPort() + "/v2";
    }

    /**
     * The authenticated WebSocket v2 URL, for the adapter's {@code wsAuthUrl}.
     *
     * @return {@code ws://127.0.0.1:PORT/auth/v2}
     */
    public String wsAuthUrl() {
        return "ws://127.0.0.1:" + streams.getPort() + "/auth/v2";
    }

    /**
     * The API key and secret the account accepts (secret-bearing: keep out of logs).
     *
     * @return the options' credentials
     */
    public Credentials credentials() {
        return options.credentials();
    }

    /**
     * The pair the simulator lists.
     *
     * @return the options' pair
     */
    public PairSpec pair() {
        return options.pair();
    }

    /**
     * The adapter parameters that point it here: {@code restUrl}, {@code wsUrl}, {@code wsAuthUrl}.
     *
     * @return a new mutable map of the three parameters, in that order
     */
    public Map<String, String> adapterParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("restUrl", restUrl());
        p.put("wsUrl", wsUrl());
        p.put("wsAuthUrl", wsAuthUrl());
        return p;
    }

    /**
     * Closes the next bar: resting orders it crosses fill (their executions go out first), then the
     * {@code ohlc} channel sends the closed period and the one now forming, then a ticker at its close.
     *
     * @return true when a bar closed, false when the data is used up
     */
    public boolean step() {
        synchronized (venue.lock()) {
            Optional<Bar> next = venue.advance();
            if (next.isEmpty()) return false;
            streams.publishBar(next.get(), venue.forming());
            streams.publishTicker(venue.quote(next.get()));
            return true;
        }
    }

    /**
     * Steps on a timer (a daemon thread) until the data is used up or {@link #close()}; a second call replaces the
     * first timer.
     *
     * @param interval the wall time between two steps, positive
     */
    public synchronized void stepEvery(Duration interval) {
        if (stepper != null) stepper.shutdownNow();
        stepper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kraken-sim-stepper");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService s = stepper;
        s.scheduleAtFixedRate(() -> {
            if (!step()) s.shutdown();
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whether a bar is left for {@link #step()} to close.
     *
     * @return true while the data is not used up
     */
    public boolean hasNextBar() {
        return venue.hasNextBar();
    }

    /**
     * The bars closed so far, named by the pair's altname.
     *
     * @return the closed bars, oldest first
     */
    public List<Bar> closedBars() {
        return venue.closedBars();
    }

    // ---- faults -----------------------------------------------------------------------------------

    @Override
    public void dropAllConnections() {
        streams.dropAll();
    }

    @Override
    public void failNextOrders(int count, OrderFailure failure) {
        faults.failNextOrders(count, failure);
    }

    @Override
    public void delayResponses(Duration delay) {
        faults.delayResponses(delay);
    }

    /** Answers the next authenticated requests with {@code EAPI:Rate limit exceeded}, unprocessed. */
    @Override
    public void rateLimitNext(int requests) {
        faults.rateLimitNext(requests);
    }

    /** Answers the next authenticated requests with {@code EAPI:Invalid nonce}, unprocessed. */
    @Override
    public void refuseAuthenticationNext(int requests) {
        faults.refuseNoncesNext(requests);
    }

    @Override
    public void refuseConnections(int httpStatus, Duration retryAfter) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new InvalidInputException("kraken simulator: a refusal's HTTP status must be 4xx or 5xx, got " + httpStatus);
        }
        faults.refuse(new Faults.Refusal(httpStatus, retryAfter));
    }

    @Override
    public void acceptConnections() {
        faults.refuse(null);
    }

    @Override
    public void followNewPublicConnectionsAfter(Duration delay) {
        faults.followNewPublicConnectionsAfter(delay);
    }

    @Override
    public int ohlcReadsWhileUnfollowed() {
        return faults.ohlcReadsWhileUnfollowed();
    }

    @Override
    public void stallNextAnswer(Duration stall) {
        faults.stallNextAnswer(stall);
    }

    /** Answers the next authenticated request with {@code EService:Throttled: <unix time>}, {@code retryAfter} from now, unprocessed. */
    @Override
    public void throttleNext(Duration retryAfter) {
        faults.throttleNext(1, retryAfter);
    }

    @Override
    public void skewClock(Duration skew) {
        clock.skew(skew);
    }

    @Override
    public void silenceStreams(boolean silent) {
        faults.silence(silent);
    }

    @Override
    public void sendToStreams(String frame) {
        streams.sendToAll(frame);
    }

    // ---- what happened ----------------------------------------------------------------------------

    /**
     * How many requests arrived for a path, e.g. {@code /0/private/AddOrder}.
     *
     * @param path the request path
     * @return the count since start
     */
    public int requests(String path) {
        return rest.requests(path);
    }

    /**
     * How many requests arrived, of every kind, refused ones included.
     *
     * @return the count since start
     */
    public int requests() {
        return rest.requests();
    }

    /**
     * WebSocket handshakes attempted, on both endpoints, refused ones included.
     *
     * @return the count since start
     */
    public int streamConnectionAttempts() {
        return streams.handshakes();
    }

    /**
     * How many answers carried the Kraken error, e.g. {@code EAPI:Invalid nonce}.
     *
     * @param krakenError the error text as Kraken writes it
     * @return the count since start
     */
    public int errors(String krakenError) {
        return rest.errors(krakenError);
    }

    /**
     * How many requests were answered with a 5xx or cut on purpose.
     *
     * @return the count since start
     */
    public int serverErrors() {
        return rest.serverErrors();
    }

    /**
     * The highest nonce accepted so far.
     *
     * @return the nonce, 0 before any private call
     */
    public long lastNonce() {
        return gate.lastNonce();
    }

    /**
     * How many {@code executions} subscriptions were accepted, over all connections.
     *
     * @return the count since start
     */
    public int executionSubscriptions() {
        return streams.executionSubscriptions();
    }

    /**
     * Open connections subscribed to {@code ohlc}, {@code ticker} or {@code executions}.
     *
     * @param channel the channel name
     * @return the number of open subscribed connections
     */
    public int subscribers(String channel) {
        return streams.subscribers(channel);
    }

    /**
     * Whether a {@code CancelAllOrdersAfter} timer is armed (a non-zero timeout that has not fired).
     *
     * @return true while armed
     */
    public boolean deadMansSwitchArmed() {
        return venue.deadMansSwitchArmed();
    }

    /**
     * Every order the venue accepted, in arrival order (the engine's view; ids are the engine's).
     *
     * @return the orders in their current state
     */
    public List<Order> orders() {
        return venue.allOrders();
    }

    /**
     * The {@code cl_ord_id} of every order accepted, in arrival order.
     *
     * @return the ids, in arrival order
     */
    public List<String> acceptedClientOrderIds() {
        return venue.acceptedClientOrderIds();
    }

    /**
     * The account's balances now, by Kraken asset code, free and held.
     *
     * @return one balance per asset
     */
    public List<Balance> balances() {
        return venue.balances();
    }

    /**
     * Total (free plus held) of an asset, by Kraken code, e.g. {@code XXBT}.
     *
     * @param asset the Kraken asset code
     * @return the total, zero for an asset the account does not hold
     */
    public BigDecimal total(String asset) {
        return venue.balanceTotals().getOrDefault(asset, BigDecimal.ZERO);
    }

    /**
     * Stops the step timer, the heartbeat and both servers; open connections are cut. The ports are free afterwards.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (stepper != null) stepper.shutdownNow();
        }
        housekeeping.shutdownNow();
        http.stop(0);
        try {
            streams.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
