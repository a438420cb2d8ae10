package io.tradekit.conformance;

import io.tradekit.api.Bar;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.ExchangeAdapter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a venue's test module gives the conformance kit: a running simulator of the venue, adapters
 * pointed at it, and the simulator's own view of what happened (it counts and records with its own
 * code, never the adapter's). One harness serves one test; {@link #close()} stops the simulator and
 * every adapter made.
 *
 * <p>To adopt the kit for a venue: implement this interface (and {@link VenueFaults}) over the venue's
 * simulator in the adapter's test sources, then add one test class per kit class, each a subclass
 * whose {@code startVenue()} returns a new harness:
 *
 * <pre>{@code
 * class AcmeTradingConformanceTest extends TradingConformance {
 *     protected VenueHarness startVenue() { return new AcmeHarness(); }
 * }}</pre>
 *
 * The simulator must trade one symbol on one timeframe, hold at least {@link #historyBars()} closed
 * bars before the test starts, fill market orders at once at the last price, rest limit orders below
 * the market, and step the market one closed bar at a time on {@link #closeNextBar()}.
 */
public interface VenueHarness extends AutoCloseable {

    /**
     * A new adapter pointed at the simulator, not yet connected. Its reconnect backoff should be short
     * (tens of milliseconds up to a few hundred) and its stream-silence timeout about a second, so that
     * the kit's fault tests end quickly; its request deadline at most 2 s.
     *
     * @return a new adapter; the harness closes it in {@link #close()}
     */
    ExchangeAdapter newAdapter();

    /**
     * The symbol the simulator trades.
     *
     * @return the venue's symbol, e.g. {@code BTCUSDT}
     */
    String symbol();

    /**
     * The timeframe of the simulator's bars.
     *
     * @return the bars' timeframe
     */
    Timeframe timeframe();

    /**
     * The base asset of {@link #symbol()}.
     *
     * @return e.g. {@code BTC}
     */
    String baseAsset();

    /**
     * The quote asset of {@link #symbol()}.
     *
     * @return e.g. {@code USDT}
     */
    String quoteAsset();

    /**
     * Closes the simulator's next bar and publishes it on the bar stream (a bar still forming first,
     * where the venue does so).
     *
     * @return true when a bar was closed; false when the data is used up
     */
    boolean closeNextBar();

    /**
     * Every bar the simulator has closed so far: the truth {@code history} and streams are held to.
     *
     * @return the closed bars, oldest first
     */
    List<Bar> closedBars();

    /**
     * How many closed bars the simulator serves before the test starts; enough that history needs more than one page.
     *
     * @return the number of bars
     */
    int historyBars();

    /**
     * A limit buy under client order id {@code id} that rests on the book (priced well below the market).
     *
     * @param id the client order id to use
     * @return the request
     */
    OrderRequest restingBuy(String id);

    /**
     * A market buy under client order id {@code id} that fills at once.
     *
     * @param id       the client order id to use
     * @param quantity the base quantity
     * @return the request
     */
    OrderRequest marketBuy(String id, BigDecimal quantity);

    /**
     * The smallest quantity step, for a market order's size.
     *
     * @return the base quantity the kit's orders use
     */
    BigDecimal orderQuantity();

    /**
     * New-order requests that reached the simulator, refused ones included, by the simulator's own count.
     *
     * @return the count so far
     */
    int newOrderRequests();

    /**
     * REST (or other request/response) calls that reached the simulator, of any kind, by its own count.
     *
     * @return the count so far
     */
    int requests();

    /**
     * Client order ids of every order the simulator holds, in arrival order.
     *
     * @return the ids
     */
    List<String> venueOrderIds();

    /**
     * The quantity the simulator holds for the order {@code clientOrderId}, by its own records. A harness that
     * offers it says its adapter amends orders ({@code ExchangeAdapter.Capability.AMEND_QUANTITY}), and the kit
     * checks the amend against it; one that does not keeps this default, and the kit skips that check naming it.
     *
     * @param clientOrderId the order's client order id
     * @return the order's quantity at the simulator
     * @throws UnsupportedOperationException by default, when the harness offers no such hook
     */
    default BigDecimal venueOrderQuantity(String clientOrderId) {
        throw new UnsupportedOperationException("the simulator offers no 'venueOrderQuantity' hook (needed to check amends)");
    }

    /**
     * The account's total (free plus locked) balance of {@code asset} at the simulator.
     *
     * @param asset the asset, e.g. {@code USDT}
     * @return the balance, zero when the account holds none
     */
    BigDecimal venueBalance(String asset);

    /**
     * What the account holds of {@link #symbol()} at the simulator, signed: for spot the base asset's total
     * balance (the default), for a derivatives venue the one-way position's quantity (negative short, zero flat).
     *
     * @return the signed holding, in the base asset
     */
    default BigDecimal venuePosition() {
        return venueBalance(baseAsset());
    }

    /**
     * The venue's documented signing examples, each computed with the adapter's own signing code.
     *
     * @return the examples; the kit checks each
     */
    List<SigningExample> signingExamples();

    /**
     * What the simulator can be made to do wrong.
     *
     * @return the simulator's fault switches
     */
    VenueFaults faults();

    /**
     * The stream names the adapter reports in {@code ConnectionChanged} (e.g. {@code market}, {@code user}).
     *
     * @return the stream names
     */
    Set<String> streams();

    /**
     * Failed reconnects in a row after which the adapters made here report a stream down (their setting).
     *
     * @return the number of attempts
     */
    int downAfterAttempts();

    /**
     * The venue's own ticker push for {@link #symbol()}, as its market stream sends one, with every price in it written
     * as {@code price}, the way the venue writes prices (as text or as a JSON number). The kit sends it raw to the streams
     * of an adapter that follows the symbol's ticker, to check that a number no adapter can use is refused where it is
     * read and that a good one still arrives.
     *
     * @param price a price as written on the wire, e.g. {@code 101.25} or {@code 1E+10000000}
     * @return the message text
     */
    String tickerMessage(String price);

    /**
     * The largest stream message the adapters made here accept (their setting).
     *
     * @return the limit, in bytes
     */
    int maxMessageBytes();

    /**
     * How old a bar may be before the kit's bots call the data stale. Bars are stamped in the data set's time,
     * far in the past, so the default (about a hundred years) keeps a bot from calling them stale.
     *
     * @return the staleness limit for the kit's bots
     */
    default Duration staleAfter() {
        return Duration.ofDays(36_500);
    }

    /** Stops the simulator and closes every adapter made by {@link #newAdapter()}. */
    @Override
    void close();
}
