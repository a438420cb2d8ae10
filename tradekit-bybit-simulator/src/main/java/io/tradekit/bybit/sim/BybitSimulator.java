package io.tradekit.bybit.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.Credentials;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Order;
import io.tradekit.api.MarginRules;
import io.tradekit.api.MarginTier;
import io.tradekit.core.paper.FillModel;
import io.tradekit.core.perp.FundingRates;
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
 * A Bybit v5 venue on loopback, spot or linear (USDT perpetuals), for tests and for running bots without
 * real money: REST ({@code /v5/market/*}, {@code /v5/order/*}, {@code /v5/execution/list},
 * {@code /v5/account/wallet-balance}, on linear also {@code /v5/position/list}, {@code /v5/position/set-leverage}
 * and {@code /v5/market/risk-limit}) on one port, the public ({@code /v5/public/spot} or {@code /v5/public/linear})
 * and private ({@code /v5/private}) WebSockets on another, with Bybit's envelopes, headers, retCodes and
 * messages. Signatures, the recv window and the private stream's auth are checked by this module's own code.
 *
 * <p>On linear the account is one-way and isolated, and its positions, leverage, margin, funding and
 * liquidations are core's perpetual model, the paper venue's own ({@link io.tradekit.core.paper.MatchingEngine},
 * {@link io.tradekit.core.perp.IsolatedMargin}): funding is settled at every multiple of the instrument's
 * funding interval (eight hours unless {@link Options#withFundingInterval} says otherwise) that the market
 * reaches, at {@link Options#fundingRate()}, and a position whose mark crosses its liquidation price is closed
 * by the venue with its liquidation fee.
 *
 * <p>Market data is a list of bars: {@link #step()} closes the next one (the kline pushed forming, then
 * confirmed, then a ticker). Orders are matched by core's {@link io.tradekit.core.paper.MatchingEngine},
 * the paper exchange's engine, and reported as {@code order}, {@code execution} and {@code wallet} pushes.
 *
 * <pre>{@code
 * try (BybitSimulator sim = BybitSimulator.start(BybitSimulator.Options.of(0, bars))) {
 *     ExchangeAdapter bybit = new BybitAdapter(BybitConfig.local(sim.restUrl(), sim.publicStreamUrl(), sim.privateStreamUrl(), sim.credentials()));
 *     sim.step();
 * }}</pre>
 *
 * Faults for tests, each venue-neutral: {@link #dropAllConnections()}, {@link #failNextOrders},
 * {@link #delayResponses}, {@link #stallNextAnswers}, {@link #rateLimitNext}, {@link #forbidNext},
 * {@link #refuseConnections}, {@link #skewClock}, {@link #silenceStreams}, {@link #garbleNextAnswers}
 * and {@link #sendRawFrame}.
 */
public final class BybitSimulator implements AutoCloseable {

    /** The account the simulator serves unless told otherwise. */
    public static final Credentials TEST_CREDENTIALS = new Credentials("tradekitBybitSimKey0001", "tradekitBybitSimSecret000000000000001");

    /** How a new order goes wrong. */
    public enum OrderFailure {
        /** A 5xx before the order reached the book: it does not exist. */
        SERVER_ERROR_BEFORE_ACCEPTING,
        /** A 5xx after the order reached the book: it exists, and the client cannot know. */
        SERVER_ERROR_AFTER_ACCEPTING,
        /** The order reached the book and the connection ended with no answer. */
        NO_ANSWER_AFTER_ACCEPTING
    }

    /**
     * What to simulate. The compact constructor copies the lists and the map and checks that the bars are not empty,
     * all of one symbol and timeframe, that the instrument is that symbol and that its kind fits the category; it
     * throws {@link InvalidInputException} otherwise.
     *
     * @param port         the REST port, 0 for any free one (the WebSockets listen on the next port, or any when 0)
     * @param bars         the market, oldest first, one symbol and timeframe
     * @param instrument   the symbol's filters
     * @param credentials  the one API key and secret the account accepts
     * @param balances     the account's starting balances by coin
     * @param makerFeeBps  the fee on fills of resting orders, in basis points of the notional (10 = 0.1 %)
     * @param takerFeeBps  the fee on fills of orders that take liquidity, in basis points of the notional
     * @param initialBars  how many bars have closed before the simulator starts (served by klines at once)
     * @param requestLimit requests per second before retCode 10006
     * @param category     spot, or linear (the instrument must then be a linear perpetual)
     * @param fundingRate  linear: the rate of every funding settlement, a fraction (0.0001 = 0.01 %, longs pay shorts)
     */
    public record Options(int port, List<Bar> bars, Instrument instrument, Credentials credentials, Map<String, BigDecimal> balances,
                          BigDecimal makerFeeBps, BigDecimal takerFeeBps, int initialBars, long requestLimit, Category category,
                          BigDecimal fundingRate) {
        /** Linear defaults: two risk limit tiers (100x with 0.5 % maintenance up to 2 000 000, 50x with 1 % up to 4 000 000), 0.06 % liquidation fee, funding every 8 h. */
        public static final MarginRules LINEAR_RULES = new MarginRules(List.of(
                new MarginTier(new BigDecimal("2000000"), new BigDecimal("100"), new BigDecimal("0.005"), BigDecimal.ZERO),
                new MarginTier(new BigDecimal("4000000"), new BigDecimal("50"), new BigDecimal("0.01"), new BigDecimal("10000"))),
                new BigDecimal("0.0006"), MarginRules.DEFAULT_FUNDING_INTERVAL);

        /**
         * Checks and copies the components as described above.
         *
         * @throws InvalidInputException when the bars are empty or mixed, or do not match the instrument, or the
         *         instrument's kind does not fit the category
         * @throws NullPointerException when the category, funding rate, instrument, bars, balances or credentials is null, naming it
         */
        public Options {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(fundingRate, "fundingRate");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(bars, "bars");
            Objects.requireNonNull(balances, "balances");
            if ((category == Category.LINEAR) != instrument.isDerivative()) {
                throw new InvalidInputException("bybit simulator: category " + category.wire() + " needs a " + (category == Category.LINEAR
                        ? "linear perpetual instrument" : "spot instrument") + ", got " + instrument.kind() + " " + instrument.symbol());
            }
            bars = List.copyOf(bars);
            Objects.requireNonNull(credentials, "credentials");
            balances = Map.copyOf(balances);
            if (bars.isEmpty()) throw new InvalidInputException("bybit simulator: bars must not be empty");
            Bar first = bars.getFirst();
            for (Bar b : bars) {
                if (!b.symbol().equals(first.symbol()) || !b.timeframe().equals(first.timeframe())) {
                    throw new InvalidInputException("bybit simulator: every bar must be " + first.symbol() + " " + first.timeframe()
                            + ", found " + b.symbol() + " " + b.timeframe() + " at " + b.openTime());
                }
            }
            if (!instrument.symbol().equals(first.symbol())) {
                throw new InvalidInputException("bybit simulator: instrument " + instrument.symbol() + " does not match the bars' symbol " + first.symbol());
            }
        }

        /**
         * Spot defaults: tick 0.01, base precision 0.0001, minimum order value 5, 10 000 of the quote coin, 10 bps
         * fees, one bar closed, 20 requests/s, {@link #TEST_CREDENTIALS}.
         *
         * @param port the REST port, 0 for any free one
         * @param bars the market, oldest first; the symbol must end in a common quote coin (USDT, USDC, USD, EUR, BTC, ETH)
         * @return the options
         * @throws InvalidInputException when {@code bars} is empty or the quote coin cannot be told from the symbol
         */
        public static Options of(int port, List<Bar> bars) {
            if (bars.isEmpty()) throw new InvalidInputException("bybit simulator: bars must not be empty");
            Instrument instrument = defaultInstrument(bars.getFirst().symbol());
            return new Options(port, bars, instrument, TEST_CREDENTIALS, Map.of(instrument.quoteAsset(), new BigDecimal("10000")),
                    BigDecimal.TEN, BigDecimal.TEN, 1, 20, Category.SPOT, BigDecimal.ZERO);
        }

        /**
         * Linear instead of spot: the instrument becomes a linear perpetual under {@link #LINEAR_RULES} (its filters
         * kept; an instrument that already is one is kept as it is), funding at 0.0001 (0.01 %) every eight hours.
         *
         * @return the copy
         */
        public Options linear() {
            return new Options(port, bars, instrument.isDerivative() ? instrument : instrument.asLinearPerpetual(LINEAR_RULES), credentials, balances,
                    makerFeeBps, takerFeeBps, initialBars, requestLimit, Category.LINEAR, new BigDecimal("0.0001"));
        }

        /**
         * Linear: every funding settlement at {@code rate}.
         *
         * @param rate the funding rate, a fraction per settlement (positive: longs pay shorts)
         * @return the copy
         */
        public Options withFundingRate(BigDecimal rate) {
            return new Options(port, bars, instrument, credentials, balances, makerFeeBps, takerFeeBps, initialBars, requestLimit, category, rate);
        }

        /**
         * Linear: funding every {@code interval} of market time (it must divide a day), e.g. every five minutes for a test.
         *
         * @param interval the time between two funding settlements
         * @return the copy, its instrument's margin rules otherwise unchanged
         */
        public Options withFundingInterval(Duration interval) {
            MarginRules rules = instrument.margin();
            return withInstrument(instrument.asLinearPerpetual(new MarginRules(rules.tiers(), rules.liquidationFeeRate(), interval)));
        }

        /**
         * A copy in which {@code count} bars have closed before the simulator starts.
         *
         * @param count bars served by klines at once
         * @return the copy
         */
        public Options withInitialBars(int count) {
            return new Options(port, bars, instrument, credentials, balances, makerFeeBps, takerFeeBps, count, requestLimit, category, fundingRate);
        }

        /**
         * A copy with other starting balances.
         *
         * @param newBalances the account's starting balances by coin
         * @return the copy
         */
        public Options withBalances(Map<String, BigDecimal> newBalances) {
            return new Options(port, bars, instrument, credentials, newBalances, makerFeeBps, takerFeeBps, initialBars, requestLimit, category, fundingRate);
        }

        /**
         * A copy with another instrument for the bars' symbol.
         *
         * @param newInstrument the symbol's filters (and, on linear, margin rules); its symbol must be the bars' symbol
         * @return the copy
         * @throws InvalidInputException when the instrument does not match the bars' symbol or the category
         */
        public Options withInstrument(Instrument newInstrument) {
            return new Options(port, bars, newInstrument, credentials, balances, makerFeeBps, takerFeeBps, initialBars, requestLimit, category, fundingRate);
        }

        /**
         * A copy whose account accepts other credentials.
         *
         * @param newCredentials the API key and secret the account accepts
         * @return the copy
         */
        public Options withCredentials(Credentials newCredentials) {
            return new Options(port, bars, instrument, newCredentials, balances, makerFeeBps, takerFeeBps, initialBars, requestLimit, category, fundingRate);
        }

        /**
         * A copy with another REST request limit.
         *
         * @param perSecond requests per second before the simulator answers retCode 10006
         * @return the copy
         */
        public Options withRequestLimit(long perSecond) {
            return new Options(port, bars, instrument, credentials, balances, makerFeeBps, takerFeeBps, initialBars, perSecond, category, fundingRate);
        }
    }

    private final Options options;
    private final SimClock clock = new SimClock();
    private final Faults faults = new Faults();
    private final StreamServer streams;
    private final HttpServer http;
    private final RestApi rest;
    private final BybitVenue venue;
    private final String klineTopic;
    private final String tickerTopic;
    private ScheduledExecutorService timer;

    private BybitSimulator(Options options) throws IOException, InterruptedException {
        this.options = options;
        Gatekeeper gatekeeper = new Gatekeeper(options.credentials(), clock);
        this.streams = new StreamServer(options.port() > 0 ? options.port() + 1 : 0, "/v5/public/" + options.category().wire(), gatekeeper,
                faults, clock);
        PaperSettings settings = new PaperSettings(Map.of(options.instrument().symbol(), options.instrument()), options.balances(),
                options.makerFeeBps(), options.takerFeeBps(), BigDecimal.ZERO, FillModel.CLOSE)
                .withFunding(FundingRates.constant(options.fundingRate()));
        this.venue = new BybitVenue(options.category(), settings, options.instrument(), options.bars(), options.initialBars(), clock, streams::publishPrivate);
        this.rest = new RestApi(venue, gatekeeper, faults, clock, options.requestLimit());
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 100);
        http.createContext("/", rest);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        streams.start();
        streams.awaitStarted();
        this.klineTopic = "kline." + venue.intervalName() + "." + options.instrument().symbol();
        this.tickerTopic = "tickers." + options.instrument().symbol();
    }

    /**
     * Starts a simulator: binds the REST port and the WebSocket port on loopback. No bar closes until
     * {@link #step()} or {@link #stepEvery}.
     *
     * @param options what to simulate
     * @return the running simulator; close it to free the ports and its threads
     * @throws UncheckedIOException when a port cannot be bound
     * @throws IllegalStateException when the starting thread is interrupted
     */
    public static BybitSimulator start(Options options) {
        try {
            return new BybitSimulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("bybit simulator: could not listen on port " + options.port(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bybit simulator: interrupted while starting", e);
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
     * The public WebSocket URL of the simulated category, for the adapter's {@code publicStreamUrl}.
     *
     * @return {@code ws://127.0.0.1:PORT/v5/public/spot} or {@code .../linear}
     */
    public String publicStreamUrl() {
        return "ws://127.0.0.1:" + streams.getPort() + "/v5/public/" + options.category().wire();
    }

    /**
     * The private WebSocket URL, for the adapter's {@code privateStreamUrl}.
     *
     * @return {@code ws://127.0.0.1:PORT/v5/private}
     */
    public String privateStreamUrl() {
        return "ws://127.0.0.1:" + streams.getPort() + "/v5/private";
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
     * The simulated symbol's instrument, as the instruments endpoint lists it.
     *
     * @return the options' instrument
     */
    public Instrument instrument() {
        return options.instrument();
    }

    /**
     * The adapter parameters that point it here: {@code category}, {@code restUrl}, {@code publicStreamUrl}, {@code privateStreamUrl}.
     *
     * @return a new mutable map of the four parameters, in that order
     */
    public Map<String, String> adapterParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("category", options.category().wire());
        params.put("restUrl", restUrl());
        params.put("publicStreamUrl", publicStreamUrl());
        params.put("privateStreamUrl", privateStreamUrl());
        return params;
    }

    /**
     * Closes the next bar: resting orders it crosses fill (their pushes go out first), then the kline
     * goes out forming ({@code confirm} false) and closed ({@code confirm} true), then a ticker at its
     * close (on linear with mark, index and funding).
     *
     * @return true when a bar closed, false when the data is used up
     */
    public boolean step() {
        synchronized (venue.lock()) {
            Optional<Bar> next = venue.advance();
            if (next.isEmpty()) return false;
            Bar bar = next.get();
            streams.publishPublic(klineTopic, kline(bar, false));
            streams.publishPublic(klineTopic, kline(bar, true));
            ObjectNode ticker = BybitVenue.JSON.createObjectNode().put("symbol", bar.symbol())
                    .put("lastPrice", BybitVenue.plain(bar.close())).put("highPrice24h", BybitVenue.plain(bar.high()))
                    .put("lowPrice24h", BybitVenue.plain(bar.low())).put("prevPrice24h", BybitVenue.plain(bar.open()))
                    .put("volume24h", BybitVenue.plain(bar.volume())).put("turnover24h", BybitVenue.plain(bar.volume().multiply(bar.close())))
                    .put("price24hPcnt", "0");
            if (options.category() == Category.LINEAR) {
                // the simulated mark and index are the last price; funding is announced as it will be settled
                long interval = options.instrument().margin().fundingInterval().toMillis();
                long closeMillis = bar.closeTime().toEpochMilli();
                ticker.put("markPrice", BybitVenue.plain(bar.close())).put("indexPrice", BybitVenue.plain(bar.close()))
                        .put("fundingRate", BybitVenue.plain(options.fundingRate()))
                        .put("nextFundingTime", Long.toString(closeMillis - Math.floorMod(closeMillis, interval) + interval));
            } else {
                ticker.put("usdIndexPrice", BybitVenue.plain(bar.close()));
            }
            streams.publishPublic(tickerTopic, ticker);
            return true;
        }
    }

    private ArrayNode kline(Bar bar, boolean closed) {
        Bar shown = closed ? bar : new Bar(bar.symbol(), bar.timeframe(), bar.openTime(), bar.open(), bar.open().max(bar.close()),
                bar.open().min(bar.close()), bar.open(), BigDecimal.ZERO);
        ObjectNode k = BybitVenue.JSON.createObjectNode().put("start", bar.openTime().toEpochMilli())
                .put("end", bar.closeTime().toEpochMilli() - 1).put("interval", venue.intervalName())
                .put("open", BybitVenue.plain(shown.open())).put("close", BybitVenue.plain(shown.close())).put("high", BybitVenue.plain(shown.high()))
                .put("low", BybitVenue.plain(shown.low())).put("volume", BybitVenue.plain(shown.volume()))
                .put("turnover", BybitVenue.plain(shown.volume().multiply(shown.close()))).put("confirm", closed).put("timestamp", clock.millis());
        return BybitVenue.JSON.createArrayNode().add(k);
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
            Thread t = new Thread(r, "bybit-sim-timer");
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
     * The bars closed so far.
     *
     * @return the closed bars, oldest first
     */
    public List<Bar> closedBars() {
        return venue.closedBars();
    }

    // ---- faults --------------------------------------------------------------------------------------

    /**
     * A venue under load: each new public connection is followed only {@code delay} after it opens. Until then no push
     * reaches it, and the answers to its {@code subscribe} requests wait. {@link Duration#ZERO} follows new connections at
     * once again.
     *
     * @param delay how long after it opens a public connection is followed
     */
    public void followNewPublicConnectionsAfter(Duration delay) {
        faults.followNewPublicConnectionsAfter(delay);
    }

    /**
     * Kline history reads ({@code GET /v5/market/kline}) that came while a public connection was open but not yet
     * followed: a bar closing then is neither in what the read returned nor pushed on the stream.
     *
     * @return the count since start
     */
    public int klineReadsWhileUnfollowed() {
        return faults.klineReadsWhileUnfollowed();
    }

    /** Cuts every WebSocket without a close handshake, as a network failure would. */
    public void dropAllConnections() {
        streams.dropAll();
    }

    /**
     * The next {@code count} new orders go wrong as {@code failure} says.
     *
     * @param count how many new orders go wrong
     * @param failure how they go wrong
     */
    public void failNextOrders(int count, OrderFailure failure) {
        faults.failNextOrders(count, switch (failure) {
            case SERVER_ERROR_BEFORE_ACCEPTING -> Faults.OrderFault.SERVER_ERROR_BEFORE_ACCEPTING;
            case SERVER_ERROR_AFTER_ACCEPTING -> Faults.OrderFault.SERVER_ERROR_AFTER_ACCEPTING;
            case NO_ANSWER_AFTER_ACCEPTING -> Faults.OrderFault.NO_ANSWER_AFTER_ACCEPTING;
        });
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
     * Answers the next {@code requests} REST requests with retCode 10006 and the limit headers (reset in one second).
     *
     * @param requests how many requests to refuse
     */
    public void rateLimitNext(int requests) {
        rateLimitNext(requests, Duration.ofSeconds(1));
    }

    /**
     * As {@link #rateLimitNext(int)}, with {@code X-Bapi-Limit-Reset-Timestamp} {@code reset} after each refusal.
     *
     * @param requests how many requests to refuse
     * @param reset how long after each refusal its reset timestamp lies
     */
    public void rateLimitNext(int requests, Duration reset) {
        faults.rateLimitNext(requests, reset);
    }

    /**
     * The next {@code answers} REST answers send their headers and half their body, then wait {@code stall} before the rest.
     *
     * @param answers how many answers stall
     * @param stall how long each stalls
     */
    public void stallNextAnswers(int answers, Duration stall) {
        faults.stallNext(answers, stall);
    }

    /**
     * Refuses every new connection until {@link #acceptConnections()}: REST requests are answered with
     * HTTP {@code status} (403 "access too frequent", 429, 503, ...), WebSocket handshakes fail.
     * Connections already open stay open.
     *
     * @param status the HTTP status of the refusal, 400..599
     * @throws InvalidInputException when {@code status} is not a 4xx or 5xx
     */
    public void refuseConnections(int status) {
        if (status < 400 || status > 599) throw new InvalidInputException("bybit simulator: refusal status must be 4xx or 5xx, got " + status);
        faults.refuseConnections(status);
    }

    /** Stops refusing new connections (see {@link #refuseConnections}). */
    public void acceptConnections() {
        faults.refuseConnections(0);
    }

    /**
     * Answers the next {@code requests} REST requests with HTTP 403 "access too frequent" (an IP block).
     *
     * @param requests how many requests to forbid
     */
    public void forbidNext(int requests) {
        faults.forbidNext(requests);
    }

    /**
     * Moves the server's clock away from the wall clock: server time, timestamps and the recv window check read it.
     *
     * @param skew the offset from the wall clock (negative: behind)
     */
    public void skewClock(Duration skew) {
        clock.skew(skew);
    }

    /**
     * Sends nothing on any WebSocket for {@code duration}, pongs included; connections stay open.
     *
     * @param duration how long from now the streams stay silent
     */
    public void silenceStreams(Duration duration) {
        faults.silenceFor(duration, clock.millis());
    }

    /**
     * Answers the next {@code answers} accepted REST requests with HTTP 200 and a body that is not the documented
     * JSON (the request still takes effect).
     *
     * @param answers how many answers to garble
     */
    public void garbleNextAnswers(int answers) {
        faults.garbleNext(answers);
    }

    /**
     * Sends {@code text} as it is to every public (or private) connection, e.g. a malformed frame.
     *
     * @param privateStream true for the private connections, false for the public ones
     * @param text the frame's text, not checked
     */
    public void sendRawFrame(boolean privateStream, String text) {
        streams.sendRaw(privateStream, text);
    }

    // ---- what happened -----------------------------------------------------------------------------

    /**
     * How many REST requests arrived for a method and path, e.g. {@code ("POST", "/v5/order/create")}.
     *
     * @param method the HTTP method
     * @param path the request path
     * @return the count since start
     */
    public int requests(String method, String path) {
        return rest.requests(method, path);
    }

    /**
     * How many REST answers carried {@code code}: a retCode (e.g. 10002) or an HTTP status (502, 403).
     *
     * @param code the retCode or HTTP status
     * @return the count since start
     */
    public int answers(int code) {
        return rest.answers(code);
    }

    /**
     * WebSocket handshakes received so far, public and private, refused ones included.
     *
     * @return the count since start
     */
    public int webSocketAttempts() {
        return streams.handshakes();
    }

    /**
     * Every REST request that arrived, of any kind.
     *
     * @return the count since start
     */
    public int requests() {
        return rest.requests();
    }

    /**
     * Open connections following the symbol's kline topic.
     *
     * @return the number of subscribers
     */
    public int klineSubscribers() {
        return streams.subscribers(false, klineTopic);
    }

    /**
     * Open connections following a public topic, e.g. {@code tickers.BTCUSDT}.
     *
     * @param topic the topic name as Bybit spells it
     * @return the number of subscribers
     */
    public int publicSubscribers(String topic) {
        return streams.subscribers(false, topic);
    }

    /**
     * Authenticated connections following {@code execution}.
     *
     * @return the number of subscribers
     */
    public int privateSubscribers() {
        return streams.subscribers(true, "execution");
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
     * @return one balance per coin
     */
    public List<Balance> balances() {
        return venue.balances();
    }

    /**
     * Linear: the account's position as the venue holds it (core's model).
     *
     * @return the position; empty when flat or on spot
     */
    public Optional<io.tradekit.api.Position> position() {
        return venue.position();
    }

    /**
     * Linear: every funding settlement so far, in order.
     *
     * @return the payments; empty on spot
     */
    public List<io.tradekit.api.FundingPayment> fundingPayments() {
        return venue.fundingPayments();
    }

    /**
     * The product line this simulator serves.
     *
     * @return spot or linear
     */
    public Category category() {
        return options.category();
    }

    /** Stops the step timer and both servers; open connections are cut. The ports are free afterwards. */
    @Override
    public void close() {
        synchronized (this) {
            if (timer != null) timer.shutdownNow();
        }
        http.stop(0);
        try {
            streams.stop(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An instrument for a symbol ending in a common quote coin, with permissive filters. */
    static Instrument defaultInstrument(String symbol) {
        for (String quote : List.of("USDT", "USDC", "USD", "EUR", "BTC", "ETH")) {
            if (symbol.endsWith(quote) && symbol.length() > quote.length()) {
                return new Instrument(symbol, symbol.substring(0, symbol.length() - quote.length()), quote, new BigDecimal("0.01"),
                        new BigDecimal("0.0001"), new BigDecimal("0.0001"), new BigDecimal("5"));
            }
        }
        throw new InvalidInputException("bybit simulator: cannot tell the quote coin of '" + symbol + "'; give an instrument in the options");
    }
}
