package io.tradekit.binance.sim;

import com.sun.net.httpserver.HttpServer;
import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.Timeframe;
import io.tradekit.core.paper.FillModel;
import io.tradekit.core.paper.PaperSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Binance spot venue on loopback, for tests and for running bots without real money. One port serves
 * the REST API ({@code /api/v3/...}), the market streams ({@code /ws/...}, {@code /stream?streams=...})
 * and the WebSocket API ({@code /ws-api/v3}) with Binance's paths, payloads, headers, error codes and
 * messages: API keys (-2014/-2015), signatures (-1022), timestamps and recvWindow (-1021), filters
 * (-1013 {@code Filter failure: ...}), duplicate client order ids, balances (-2010), unknown orders
 * (-2011/-2013), request weight ({@code X-MBX-USED-WEIGHT-1M}, 429 with {@code Retry-After}).
 *
 * <p>Market data is a list of bars: {@link #step()} closes the next one (klines, then a book ticker at
 * its close), on command or on a timer. Orders are matched by core's
 * {@link io.tradekit.core.paper.MatchingEngine}, the same engine as the paper exchange, and reported as
 * {@code executionReport}s to WebSocket API subscribers. Serves only the data set's kline interval. Further
 * symbols ({@link Options#withMarket}) are listed, streamed and traded beside the main one, their bars
 * closing on the same steps. Each symbol has an L2 book (the resting orders plus synthetic levels around the
 * touch, {@link #depthLiquidity}) served by {@code GET /api/v3/depth} and the diff streams {@code <symbol>@depth}
 * and {@code <symbol>@depth@100ms} with Binance's {@code lastUpdateId}, {@code U} and {@code u}.
 *
 * <pre>{@code
 * try (BinanceSimulator sim = BinanceSimulator.start(0, bars)) {
 *     BinanceAdapter adapter = new BinanceAdapter(BinanceConfig.local(sim.restUrl(), sim.streamUrl(), sim.wsApiUrl(), sim.credentials()));
 *     sim.step();
 * }}</pre>
 *
 * For tests it can drop, reorder or delay depth diffs and refuse depth snapshots, drop every connection, answer new orders with 5xx before or after accepting them,
 * delay answers, rate-limit, and skew its clock.
 */
public final class BinanceSimulator implements AutoCloseable {

    /** The account the simulator serves unless told otherwise. */
    public static final Credentials TEST_CREDENTIALS = new Credentials("tradekitSimulatorKey000000000001", "tradekitSimulatorSecret00000000001");

    /**
     * How a failed new order fails ({@link #failNextOrders}): a 5xx before the order reached the book, or after (the order exists).
     */
    public enum OrderFailure {
        /** The 5xx comes before the order reaches the book: no order exists. */
        BEFORE_ACCEPTING,
        /** The 5xx comes after the order reached the book: it rests or has filled, and the client does not know. */
        AFTER_ACCEPTING
    }

    /**
     * What to simulate. The compact constructor copies the lists and the map and checks that the bars are not empty,
     * all of one symbol and timeframe, that the instrument is that symbol and that the timeframe is a Binance kline
     * interval; it throws {@link InvalidInputException} otherwise.
     *
     * @param port        the port to listen on, 0 for any free one
     * @param bars        the market, oldest first, one symbol and timeframe
     * @param instrument  the symbol's filters
     * @param credentials the one API key and secret the account accepts
     * @param balances    the account's starting balances by asset
     * @param makerFeeBps the fee on fills of resting orders, in basis points of the notional (10 = 0.1%)
     * @param takerFeeBps the fee on fills of orders that take liquidity, in basis points of the notional
     * @param initialBars how many bars have closed before the simulator starts (served by klines at once)
     * @param weightLimit REST request weight per minute; past it requests are answered with 429 (-1003) and {@code Retry-After}
     * @param orderLimit  new orders per 10 seconds; past it new orders are answered with 429 (-1015)
     * @param retimeToNow shift the bars' times so that the last initial bar closes at the start of the
     *                    current period: stepped once per timeframe, bars then close on the wall clock, as a
     *                    live bot expects (stepped faster, their times run ahead of it)
     * @param accountKey  HMAC (the credentials' secret) or an Ed25519 public key that verifies signatures
     * @param moreMarkets further symbols listed and traded beside the main one ({@link #withMarket})
     */
    public record Options(int port, List<Bar> bars, Instrument instrument, Credentials credentials, Map<String, BigDecimal> balances,
                          BigDecimal makerFeeBps, BigDecimal takerFeeBps, int initialBars, long weightLimit, long orderLimit,
                          boolean retimeToNow, AccountKey accountKey, List<Market> moreMarkets) {
        /**
         * Checks and copies the components as described above.
         *
         * @throws InvalidInputException when the bars are empty, mixed, or do not match the instrument or a kline interval
         * @throws NullPointerException when the instrument, credentials or account key is null
         */
        public Options {
            Objects.requireNonNull(accountKey, "accountKey");
            moreMarkets = List.copyOf(moreMarkets);
            bars = List.copyOf(bars);
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(credentials, "credentials");
            balances = Map.copyOf(balances);
            if (bars.isEmpty()) throw new InvalidInputException("binance simulator: bars must not be empty");
            Bar first = bars.getFirst();
            for (Bar b : bars) {
                if (!b.symbol().equals(first.symbol()) || !b.timeframe().equals(first.timeframe())) {
                    throw new InvalidInputException("binance simulator: every bar must be " + first.symbol() + " " + first.timeframe()
                            + ", found " + b.symbol() + " " + b.timeframe() + " at " + b.openTime());
                }
            }
            if (!instrument.symbol().equals(first.symbol())) {
                throw new InvalidInputException("binance simulator: instrument " + instrument.symbol() + " does not match the bars' symbol " + first.symbol());
            }
            Payloads.interval(first.timeframe());
        }

        /**
         * Defaults for {@code bars}: tick 0.01, step 0.0001, minimum notional 5, 10 000 of the quote asset,
         * 10 bps fees, one bar closed before start, Binance's default limits (weight 6000 a minute, 50 orders per
         * 10 seconds), {@link #TEST_CREDENTIALS} with an HMAC key, no further markets.
         *
         * @param port the port to listen on, 0 for any free one
         * @param bars the market, oldest first; the symbol must end in a common quote asset (USDT, USDC, BTC, ...)
         * @return the options
         * @throws InvalidInputException when {@code bars} is empty or the quote asset cannot be told from the symbol
         */
        public static Options of(int port, List<Bar> bars) {
            if (bars.isEmpty()) throw new InvalidInputException("binance simulator: bars must not be empty");
            Instrument instrument = defaultInstrument(bars.getFirst().symbol());
            return new Options(port, bars, instrument, TEST_CREDENTIALS, Map.of(instrument.quoteAsset(), new BigDecimal("10000")),
                    BigDecimal.TEN, BigDecimal.TEN, 1, 6000, 50, false, AccountKey.HMAC, List.of());
        }

        /**
         * A copy in which {@code count} bars have closed before the simulator starts.
         *
         * @param count bars served by klines at once
         * @return the copy
         */
        public Options withInitialBars(int count) {
            return new Options(port, bars, instrument, credentials, balances, makerFeeBps, takerFeeBps, count, weightLimit, orderLimit, retimeToNow, accountKey, moreMarkets);
        }

        /**
         * A copy with other starting balances.
         *
         * @param newBalances the account's starting balances by asset
         * @return the copy
         */
        public Options withBalances(Map<String, BigDecimal> newBalances) {
            return new Options(port, bars, instrument, credentials, newBalances, makerFeeBps, takerFeeBps, initialBars, weightLimit, orderLimit, retimeToNow, accountKey, moreMarkets);
        }

        /**
         * A copy with other filters for the main symbol.
         *
         * @param newInstrument the main symbol's filters; its symbol must be the bars' symbol
         * @return the copy
         * @throws InvalidInputException when the instrument's symbol is not the bars' symbol
         */
        public Options withInstrument(Instrument newInstrument) {
            return new Options(port, bars, newInstrument, credentials, balances, makerFeeBps, takerFeeBps, initialBars, weightLimit, orderLimit, retimeToNow, accountKey, moreMarkets);
        }

        /**
         * A copy with another REST request-weight limit.
         *
         * @param limit request weight per minute before the simulator answers 429 (-1003)
         * @return the copy
         */
        public Options withWeightLimit(long limit) {
            return new Options(port, bars, instrument, credentials, balances, makerFeeBps, takerFeeBps, initialBars, limit, orderLimit, retimeToNow, accountKey, moreMarkets);
        }

        /**
         * A copy that does or does not move the bars to the current time (see {@code retimeToNow} above).
         *
         * @param retime whether to retime the bars at start
         * @return the copy
         */
        public Options withRetimeToNow(boolean retime) {
            return new Options(port, bars, instrument, credentials, balances, makerFeeBps, takerFeeBps, initialBars, weightLimit, orderLimit, retime, accountKey, moreMarkets);
        }

        /**
         * A copy whose account accepts other credentials.
         *
         * @param newCredentials the API key and secret the account accepts
         * @return the copy
         */
        public Options withCredentials(Credentials newCredentials) {
            return new Options(port, bars, instrument, newCredentials, balances, makerFeeBps, takerFeeBps, initialBars, weightLimit, orderLimit,
                    retimeToNow, accountKey, moreMarkets);
        }

        /**
         * The account's API key is an Ed25519 key: SIGNED requests must carry the base64 Ed25519 signature that
         * {@code publicKeyPem} (X.509 {@code -----BEGIN PUBLIC KEY-----}) verifies, and the WebSocket API
         * accepts {@code session.logon}. The credentials' secret is then not used by the simulator.
         *
         * @param publicKeyPem the public half of the client's Ed25519 key, in PEM
         * @return the copy
         * @throws InvalidInputException when {@code publicKeyPem} is blank
         */
        public Options withEd25519Key(String publicKeyPem) {
            return new Options(port, bars, instrument, credentials, balances, makerFeeBps, takerFeeBps, initialBars, weightLimit, orderLimit,
                    retimeToNow, AccountKey.ed25519(publicKeyPem), moreMarkets);
        }

        /**
         * The venue also lists and trades {@code market}; its bars close with the main symbol's.
         *
         * @param market the further symbol and its bars, of the main symbol's timeframe
         * @return the copy, with {@code market} after the markets already added
         * @throws InvalidInputException when the market's timeframe differs from the main symbol's
         */
        public Options withMarket(Market market) {
            if (!market.bars().isEmpty() && !market.bars().getFirst().timeframe().equals(bars.getFirst().timeframe())) {
                throw new InvalidInputException("binance simulator: market " + market.instrument().symbol() + " is "
                        + market.bars().getFirst().timeframe() + ", the main symbol " + bars.getFirst().timeframe());
            }
            List<Market> all = new ArrayList<>(moreMarkets);
            all.add(market);
            return new Options(port, bars, instrument, credentials, balances, makerFeeBps, takerFeeBps, initialBars, weightLimit, orderLimit,
                    retimeToNow, accountKey, all);
        }

        /**
         * A copy with other fees.
         *
         * @param makerBps fee on fills of resting orders, in basis points of the notional
         * @param takerBps fee on fills of orders that take liquidity, in basis points of the notional
         * @return the copy
         */
        public Options withFees(BigDecimal makerBps, BigDecimal takerBps) {
            return new Options(port, bars, instrument, credentials, balances, makerBps, takerBps, initialBars, weightLimit, orderLimit, retimeToNow, accountKey, moreMarkets);
        }
    }

    /**
     * Another symbol the venue lists and trades beside the main one: its filters and bars (same timeframe,
     * as many bars as the main symbol's, closing together).
     *
     * @param instrument the symbol's filters
     * @param bars       the symbol's bars, oldest first; copied
     */
    public record Market(Instrument instrument, List<Bar> bars) {
        /**
         * Copies the bars and checks that each is of the instrument's symbol.
         *
         * @throws InvalidInputException when a bar is of another symbol
         * @throws NullPointerException when {@code instrument} is null
         */
        public Market {
            Objects.requireNonNull(instrument, "instrument");
            bars = List.copyOf(bars);
            for (Bar b : bars) {
                if (!b.symbol().equals(instrument.symbol())) {
                    throw new InvalidInputException("binance simulator: market " + instrument.symbol() + " holds a bar of " + b.symbol()
                            + " at " + b.openTime());
                }
            }
        }
    }

    private final Options options;
    private final SkewedClock clock = new SkewedClock();
    private final Faults faults = new Faults();
    private final DepthFaults depthFaults = new DepthFaults();
    private final DepthBook depth;
    private final StreamServer streams;
    private final HttpServer http;
    private final RestHandler rest;
    private final SimulatedVenue venue;
    private final FrontDoor frontDoor;
    private final String klineStream;
    private final String interval;
    private final Timeframe timeframe;
    private ScheduledExecutorService timer;
    /** Bars {@link #fillNextBar()} played through the book whose close is not streamed yet; guarded by the venue's lock. */
    private List<Bar> filledNotClosed = List.of();

    private BinanceSimulator(Options options) throws IOException, InterruptedException {
        this.options = options;
        Gatekeeper gatekeeper = new Gatekeeper(options.credentials(), options.accountKey(), clock);
        this.streams = new StreamServer(gatekeeper, clock, faults);
        Map<Instrument, List<Bar>> markets = new LinkedHashMap<>();
        markets.put(options.instrument(), options.bars());
        options.moreMarkets().forEach(m -> markets.put(m.instrument(), m.bars()));
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        markets.keySet().forEach(i -> instruments.put(i.symbol(), i));
        if (options.retimeToNow()) {
            long now = clock.millis();
            markets.replaceAll((i, bars) -> retime(bars, options.initialBars(), now));
        }
        PaperSettings settings = new PaperSettings(instruments, options.balances(),
                options.makerFeeBps(), options.takerFeeBps(), BigDecimal.ZERO, FillModel.CLOSE);
        this.venue = new SimulatedVenue(settings, markets, options.initialBars(), clock, streams::publishUserEvent);
        this.depth = new DepthBook(venue, clock, depthFaults, streams::publish);
        this.rest = new RestHandler(venue, depth, gatekeeper, faults, clock, options.weightLimit(), options.orderLimit());
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        http.createContext("/", rest);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        streams.start();
        streams.awaitStarted();
        http.start();
        this.frontDoor = new FrontDoor(options.port(), http.getAddress().getPort(), streams.getPort());
        frontDoor.start();
        streams.serveOrders(venue, frontDoor::dropAll);
        depth.start();
        this.timeframe = options.bars().getFirst().timeframe();
        this.interval = Payloads.interval(timeframe);
        this.klineStream = Payloads.klineStream(options.instrument().symbol(), timeframe);
    }

    /**
     * Starts a simulator for {@code bars} on {@code port} (0: any free port) with the default options.
     *
     * @param port the port to listen on, 0 for any free one
     * @param bars the market, oldest first, one symbol and timeframe
     * @return the running simulator; close it to free the port and its threads
     * @throws InvalidInputException when the bars cannot be simulated (see {@link Options#of})
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static BinanceSimulator start(int port, List<Bar> bars) {
        return start(Options.of(port, bars));
    }

    /**
     * Starts a simulator: binds the port on loopback and serves REST, the market streams and the WebSocket API on it.
     * No bar closes until {@link #step()} or {@link #stepEvery}.
     *
     * @param options what to simulate
     * @return the running simulator; close it to free the port and its threads
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalStateException when the starting thread is interrupted
     */
    public static BinanceSimulator start(Options options) {
        try {
            return new BinanceSimulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("binance simulator: could not listen on port " + options.port(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("binance simulator: interrupted while starting", e);
        }
    }

    /**
     * The port REST and both WebSocket APIs are served on.
     *
     * @return the bound port (the one chosen when the options asked for 0)
     */
    public int port() {
        return frontDoor.port();
    }

    /**
     * The REST base URL, for the adapter's {@code restUrl} ({@code BinanceConfig.local}).
     *
     * @return {@code http://127.0.0.1:PORT}
     */
    public String restUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The market streams base URL, for the adapter's {@code streamUrl}.
     *
     * @return {@code ws://127.0.0.1:PORT}
     */
    public String streamUrl() {
        return "ws://127.0.0.1:" + port();
    }

    /**
     * The WebSocket API URL, for the adapter's {@code wsApiUrl}.
     *
     * @return {@code ws://127.0.0.1:PORT/ws-api/v3}
     */
    public String wsApiUrl() {
        return "ws://127.0.0.1:" + port() + "/ws-api/v3";
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
     * The adapter parameters that point it here: {@code restUrl}, {@code streamUrl}, {@code wsApiUrl}.
     *
     * @return a new mutable map of the three parameters, in that order
     */
    public Map<String, String> adapterParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("restUrl", restUrl());
        params.put("streamUrl", streamUrl());
        params.put("wsApiUrl", wsApiUrl());
        return params;
    }

    /**
     * The main symbol's filters, as listed by {@code exchangeInfo}.
     *
     * @return the options' instrument
     */
    public Instrument instrument() {
        return options.instrument();
    }

    /**
     * Closes the next bar of every market: resting orders it crosses fill (their execution reports go out
     * first), then each symbol's kline stream sends the bar forming ({@code x} false) and closed ({@code x}
     * true), then its book ticker at the close, then the depth book is refreshed.
     *
     * @return true when a bar closed, false when the data is used up
     */
    public boolean step() {
        synchronized (venue.lock()) {
            return fillNextBar() && closeFilledBar();
        }
    }

    /**
     * The first half of {@link #step()}: the next bar's path fills the resting orders it crosses (their execution reports
     * go out, and the klines history holds the bar), but its kline and book ticker wait for {@link #closeFilledBar()}. A
     * test that lets its client answer the fills before the bar closes gets one order of events however its sockets
     * race.
     *
     * @return false when the data is used up or a filled bar waits to be closed
     */
    public boolean fillNextBar() {
        synchronized (venue.lock()) {
            if (!filledNotClosed.isEmpty()) return false;
            filledNotClosed = venue.advance();
            return !filledNotClosed.isEmpty();
        }
    }

    /**
     * The second half of {@link #step()}: the bar {@link #fillNextBar()} filled is streamed as closed.
     *
     * @return false when no filled bar waits
     */
    public boolean closeFilledBar() {
        synchronized (venue.lock()) {
            if (filledNotClosed.isEmpty()) return false;
            long now = clock.millis();
            for (Bar bar : filledNotClosed) {
                String stream = Payloads.klineStream(bar.symbol(), timeframe);
                streams.publish(stream, Payloads.klineEvent(Payloads.opening(bar), false, now, interval));
                streams.publish(stream, Payloads.klineEvent(bar, true, now, interval));
                streams.publish(Payloads.bookTickerStream(bar.symbol()), venue.bookTickerFor(bar));
            }
            filledNotClosed = List.of();
            depth.refresh();
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
        if (timer != null) timer.shutdownNow();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "binance-sim-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            if (!step()) timer.shutdown();
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
     * The bars closed so far, of the main symbol.
     *
     * @return a copy, oldest first
     */
    public List<Bar> closedBars() {
        return List.copyOf(venue.closedBars());
    }

    /**
     * A venue under load: each new market-data connection is followed only {@code delay} after its handshake. Until
     * then its streams' messages are not sent to it (they are lost to it, as on a venue that has not yet subscribed it),
     * and the answer to a {@code SUBSCRIBE} it sends waits. {@link Duration#ZERO} follows new connections at once again.
     *
     * @param delay how long after its handshake a market-data connection is followed
     */
    public void followNewMarketConnectionsAfter(Duration delay) {
        faults.followNewMarketConnectionsAfter(delay);
    }

    /**
     * Kline history reads ({@code GET /api/v3/klines}) that came while a market-data connection was open but not yet
     * followed: a bar closing then is neither in what the read returned nor sent on the stream.
     *
     * @return the count since start
     */
    public int klineReadsWhileUnfollowed() {
        return faults.klineReadsWhileUnfollowed();
    }

    /** Cuts every connection, REST keep-alives and WebSockets alike, as a network failure would. */
    public void dropAllConnections() {
        frontDoor.dropAll();
    }

    /**
     * The next {@code count} WebSocket API {@code order.place} requests are executed (the order rests or fills),
     * then every connection is cut before the answer goes out: the client cannot know the outcome.
     *
     * @param count how many order requests to execute without an answer
     */
    public void dropAfterNextWebSocketOrders(int count) {
        faults.dropAfterNextWebSocketOrders(count);
    }

    /**
     * Answers the next {@code count} WebSocket API order requests with 429 (-1003) and {@code data.retryAfter}
     * {@code retryAfter} from now.
     *
     * @param count how many order requests to refuse
     * @param retryAfter how long from now the answers tell the client to wait
     */
    public void rateLimitNextWebSocketOrders(int count, Duration retryAfter) {
        faults.rateLimitNextWebSocketOrders(count, retryAfter);
    }

    /**
     * Adds {@code weight} to the WebSocket API's request weight of the current minute, as other clients on the
     * same IP would: the next answers' {@code rateLimits} report it.
     *
     * @param weight the request weight to add
     */
    public void chargeWebSocketWeight(long weight) {
        streams.chargeWebSocketWeight(weight);
    }

    /**
     * The self-trade-prevention modes the symbol allows from now on (exchangeInfo and new orders); {@code NONE}
     * only by default.
     *
     * @param modes Binance's mode names, e.g. {@code EXPIRE_TAKER}
     */
    public void allowSelfTradePrevention(java.util.Set<String> modes) {
        venue.allowSelfTradePrevention(modes);
    }

    /**
     * Answers the next {@code count} new orders with HTTP 500, before or after the order reaches the book.
     *
     * @param count how many new orders fail
     * @param failure whether the failed order was accepted (it rests or fills) or not
     */
    public void failNextOrders(int count, OrderFailure failure) {
        faults.failNextOrders(count, failure == OrderFailure.AFTER_ACCEPTING ? Faults.OrderFault.FAIL_AFTER_ACCEPTING
                : Faults.OrderFault.FAIL_BEFORE_ACCEPTING);
    }

    /**
     * Holds every REST answer back by {@code delay} (zero to stop).
     *
     * @param delay how long each answer waits before it goes out
     */
    public void delayResponses(Duration delay) {
        faults.delayResponses(delay);
    }

    /**
     * Answers the next {@code requests} REST requests with 429 (-1003) and {@code Retry-After}.
     *
     * @param requests how many requests to refuse
     * @param retryAfter the {@code Retry-After} the answers carry, in whole seconds (at least 1)
     */
    public void rateLimitNext(int requests, Duration retryAfter) {
        faults.rateLimitNext(requests, retryAfter);
    }

    /**
     * Answers every new connection, REST and WebSocket handshakes alike, with HTTP {@code status} (418 a
     * ban, 429 a rate limit, 503 the venue down) and {@code Retry-After}, until {@link #acceptConnections()}.
     * Connections already open stay open.
     *
     * @param status the HTTP status of the refusal
     * @param retryAfter the {@code Retry-After} the refusals carry, in whole seconds
     */
    public void refuseConnections(int status, Duration retryAfter) {
        frontDoor.refuseNewConnections(status, retryAfter.toSeconds(), false);
    }

    /**
     * As {@link #refuseConnections} for REST only: WebSocket handshakes still succeed (a REST ban, REST down).
     *
     * @param status the HTTP status of the refusal
     * @param retryAfter the {@code Retry-After} the refusals carry, in whole seconds
     */
    public void refuseRestConnections(int status, Duration retryAfter) {
        frontDoor.refuseNewConnections(status, retryAfter.toSeconds(), true);
    }

    /** Stops refusing new connections. */
    public void acceptConnections() {
        frontDoor.refuseNewConnections(0, 0, false);
    }

    /**
     * While {@code silent}, WebSocket clients receive nothing at all (no data, no pongs), as on a half-dead link.
     *
     * @param silent true to silence every WebSocket connection, false to let frames through again
     */
    public void silenceStreams(boolean silent) {
        frontDoor.silenceStreams(silent);
    }

    /**
     * Connections accepted so far (refused ones included), REST and WebSocket.
     *
     * @return the count since start
     */
    public int connections() {
        return frontDoor.connections();
    }

    /**
     * WebSocket handshakes attempted so far (refused ones included).
     *
     * @return the count since start
     */
    public int webSocketAttempts() {
        return frontDoor.webSocketAttempts();
    }

    /**
     * Refuses the next {@code count} user-data subscriptions with WebSocket API {@code status} and Binance {@code code}.
     *
     * @param count how many subscriptions to refuse
     * @param status the WebSocket API status of the answer, e.g. 400
     * @param code the Binance error code of the answer, e.g. -2015
     */
    public void refuseUserDataSubscriptions(int count, int status, int code) {
        faults.refuseNextSubscriptions(count, status, code);
    }

    /**
     * Answers the next request to {@code method path} with {@code status} and {@code body} as they are
     * (a firewall's page, a proxy's garbage); the venue never sees that request.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param path the request path, e.g. {@code /api/v3/order}
     * @param status the HTTP status to answer with
     * @param contentType the {@code Content-Type} of the answer
     * @param body the answer's body, sent unchanged
     */
    public void answerNext(String method, String path, int status, String contentType, String body) {
        faults.answerNext(method, path, new Faults.CannedAnswer(status, contentType, body));
    }

    /**
     * The next {@code count} REST answers send their headers and half their body, then stall for {@code stall}.
     *
     * @param count how many answers stall
     * @param stall how long each stalls before the rest of its body
     */
    public void stallNextBodies(int count, Duration stall) {
        faults.stallNextBodies(count, stall);
    }

    /**
     * Synthetic depth from now on: {@code levels} a side around the touch (0 for none, leaving only resting orders),
     * {@code quantity × n} at the n-th level from the touch. Default 10 levels of 1, 2, 3, ...
     *
     * @param levels synthetic levels per side, 0 for none
     * @param quantity the quantity at the first level; the n-th level has n times as much
     */
    public void depthLiquidity(int levels, BigDecimal quantity) {
        depth.liquidity(levels, quantity);
    }

    /**
     * The order book of {@code symbol} as the depth stream and {@code GET /api/v3/depth} last showed it, with its update id.
     *
     * @param symbol a listed symbol, e.g. {@code BTCUSDT}
     * @return the book as last published
     */
    public io.tradekit.api.OrderBook depthBook(String symbol) {
        return depth.published(symbol);
    }

    /**
     * The next {@code count} depth diffs are not sent: a gap in the update ids of every client.
     *
     * @param count how many diffs to drop
     */
    public void dropNextDepthUpdates(int count) {
        depthFaults.dropNext(count);
    }

    /** The next depth diff is sent after the one that follows it. */
    public void reorderNextDepthUpdate() {
        depthFaults.reorderNext();
    }

    /**
     * Every depth diff goes out {@code delay} late, in order (zero to stop).
     *
     * @param delay how late each diff goes out
     */
    public void delayDepthUpdates(Duration delay) {
        depthFaults.delay(delay);
    }

    /**
     * Refuses the next {@code count} depth snapshots ({@code GET /api/v3/depth}) with HTTP 503 and Binance's
     * -1001 internal error, as a venue under load does.
     *
     * @param count how many snapshot requests to refuse
     */
    public void refuseDepthSnapshots(int count) {
        for (int i = 0; i < count; i++) {
            faults.answerNext("GET", "/api/v3/depth", new Faults.CannedAnswer(503, "application/json;charset=UTF-8",
                    new VenueError(503, -1001, VenueMessages.INTERNAL_ERROR).json()));
        }
    }

    /**
     * Sends {@code text} as it is to every market-stream connection.
     *
     * @param text the frame's text, not checked (malformed input for the adapter is the point)
     */
    public void sendToMarketStreams(String text) {
        streams.sendRawToMarketStreams(text);
    }

    /**
     * Sends {@code text} as it is to every WebSocket API connection.
     *
     * @param text the frame's text, not checked
     */
    public void sendToUserStreams(String text) {
        streams.sendRawToApiConnections(text);
    }

    /**
     * Moves the server's clock away from the wall clock: server time, timestamps and recvWindow checks all read it.
     *
     * @param skew the offset from the wall clock (negative: behind); replaces the previous skew
     */
    public void skewClock(Duration skew) {
        clock.skew(skew);
    }

    /**
     * How many REST requests arrived, of any kind.
     *
     * @return the count since start
     */
    public int requests() {
        return rest.requests();
    }

    /**
     * How many REST requests arrived for a method and path, e.g. {@code ("POST", "/api/v3/order")}.
     *
     * @param method the HTTP method
     * @param path the request path
     * @return the count since start
     */
    public int requests(String method, String path) {
        return rest.requests(method, path);
    }

    /**
     * How many REST answers carried the Binance error {@code code}, e.g. -1021.
     *
     * @param code the Binance error code
     * @return the count since start
     */
    public int errors(int code) {
        return rest.errors(code);
    }

    /**
     * Open connections following the symbol's kline stream.
     *
     * @return the number of open subscribers of the main symbol's kline stream
     */
    public int klineSubscribers() {
        return streams.subscribers(klineStream);
    }

    /**
     * Open WebSocket API connections with a user-data subscription.
     *
     * @return the number of such connections
     */
    public int userDataSubscribers() {
        return streams.userDataSubscribers();
    }

    /**
     * How many new-order requests (REST, WebSocket API, the new half of a cancel-replace) named each client order id,
     * accepted or refused alike, in the order the ids first arrived: a client that sends an order twice shows a 2.
     *
     * @return the request count by client order id
     */
    public Map<String, Integer> newOrderRequests() {
        return venue.newOrderRequests();
    }

    /**
     * How many trades (fills) the venue has made for the account so far.
     *
     * @return the trade count
     */
    public int trades() {
        return venue.tradeCount();
    }

    /**
     * Every order the venue has seen, in the order they arrived.
     *
     * @return the orders in their current state
     */
    public List<Order> orders() {
        return venue.allOrders();
    }

    /**
     * The account's balances now, free and locked.
     *
     * @return one balance per asset
     */
    public List<Balance> balances() {
        return venue.balances();
    }

    /**
     * Stops the step timer, the depth book and every server; open connections are cut. The port is free afterwards.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (timer != null) timer.shutdownNow();
        }
        depth.close();
        frontDoor.close();
        http.stop(0);
        try {
            streams.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The bars moved in time so that bar {@code initialBars - 1} closes at the start of the period that holds {@code nowMillis}.
     *
     * @param bars the bars, oldest first, one timeframe
     * @param initialBars how many bars count as closed at {@code nowMillis}, at least 1
     * @param nowMillis the time to move to, in epoch milliseconds
     * @return new bars with the same prices, every open time shifted by the same amount
     */
    public static List<Bar> retime(List<Bar> bars, int initialBars, long nowMillis) {
        long period = bars.getFirst().timeframe().millis();
        long periodStart = nowMillis - Math.floorMod(nowMillis, period);
        Duration shift = Duration.ofMillis(periodStart - bars.get(initialBars - 1).closeTime().toEpochMilli());
        return bars.stream().map(b -> new Bar(b.symbol(), b.timeframe(), b.openTime().plus(shift), b.open(), b.high(), b.low(), b.close(),
                b.volume())).toList();
    }

    /** An instrument for a symbol ending in a common quote asset, with permissive filters. */
    static Instrument defaultInstrument(String symbol) {
        for (String quote : List.of("USDT", "USDC", "FDUSD", "BUSD", "USD", "EUR", "BTC", "ETH", "BNB")) {
            if (symbol.endsWith(quote) && symbol.length() > quote.length()) {
                return new Instrument(symbol, symbol.substring(0, symbol.length() - quote.length()), quote, new BigDecimal("0.01"),
                        new BigDecimal("0.0001"), new BigDecimal("0.0001"), new BigDecimal("5"));
            }
        }
        throw new InvalidInputException("binance simulator: cannot tell the quote asset of '" + symbol + "'; give an instrument in the options");
    }

    /**
     * Runs the simulator as a process: {@code --bars <csv> --symbol <SYMBOL> --timeframe <5m> [--port N]
     * [--step-ms <timeframe>] [--initial-bars 100] [--retime true]}. By default bars are retimed to now and
     * one closes per timeframe, so a live bot sees current times. The CSV has {@code openTime,open,high,low,close,volume}
     * rows (open time in epoch milliseconds or ISO-8601; a header line is skipped). The account's API key
     * is printed; its secret is {@link #TEST_CREDENTIALS}' unless {@code --api-key}/{@code --secret} are given.
     *
     * @param args the {@code --name value} pairs above
     * @throws InvalidInputException when an argument is missing or malformed, or a CSV row cannot be read (naming the file and line)
     * @throws Exception when the CSV file cannot be read, or the main thread is interrupted while serving
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new InvalidInputException("binance simulator: expected --name value, got '" + args[i] + "'");
            a.put(args[i].substring(2), args[i + 1]);
        }
        String barsFile = a.get("bars");
        if (barsFile == null) {
            throw new InvalidInputException("binance simulator: --bars <csv file> is required (rows openTime,open,high,low,close,volume)");
        }
        String symbol = a.getOrDefault("symbol", "BTCUSDT").toUpperCase(Locale.ROOT);
        Timeframe timeframe = Timeframe.parse(a.getOrDefault("timeframe", "1m"));
        List<Bar> bars = readCsv(Path.of(barsFile), symbol, timeframe);
        Options options = Options.of(Integer.parseInt(a.getOrDefault("port", "0")), bars)
                .withInitialBars(Integer.parseInt(a.getOrDefault("initial-bars", Integer.toString(Math.min(100, bars.size())))))
                .withRetimeToNow(Boolean.parseBoolean(a.getOrDefault("retime", "true")));
        if (a.containsKey("api-key") || a.containsKey("secret")) {
            options = options.withCredentials(new Credentials(a.getOrDefault("api-key", TEST_CREDENTIALS.apiKey()),
                    a.getOrDefault("secret", TEST_CREDENTIALS.secret())));
        }
        BinanceSimulator sim = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println("binance simulator on port " + sim.port() + ": restUrl=" + sim.restUrl() + " streamUrl=" + sim.streamUrl()
                + " wsApiUrl=" + sim.wsApiUrl() + " apiKey=" + sim.credentials().apiKey() + " symbol=" + symbol + " bars=" + bars.size());
        sim.stepEvery(Duration.ofMillis(Long.parseLong(a.getOrDefault("step-ms", Long.toString(timeframe.millis())))));
        Thread.currentThread().join();
    }

    static List<Bar> readCsv(Path file, String symbol, Timeframe timeframe) throws IOException {
        List<Bar> bars = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank() || (lineNo == 1 && !Character.isDigit(line.strip().charAt(0)))) continue;
            String[] f = line.split(",");
            if (f.length < 6) {
                throw new InvalidInputException(file + " line " + lineNo + ": expected openTime,open,high,low,close,volume, got " + f.length + " fields");
            }
            try {
                String t = f[0].strip();
                Instant open = t.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(t)) : Instant.parse(t);
                bars.add(new Bar(symbol, timeframe, open, new BigDecimal(f[1].strip()), new BigDecimal(f[2].strip()),
                        new BigDecimal(f[3].strip()), new BigDecimal(f[4].strip()), new BigDecimal(f[5].strip())));
            } catch (RuntimeException e) {
                throw new InvalidInputException(file + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return bars;
    }
}
