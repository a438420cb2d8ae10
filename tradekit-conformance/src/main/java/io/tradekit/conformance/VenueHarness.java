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
     */
    ExchangeAdapter newAdapter();

    /** The symbol the simulator trades. */
    String symbol();

    Timeframe timeframe();

    /** The base and quote assets of {@link #symbol()}. */
    String baseAsset();

    String quoteAsset();

    /**
     * Closes the simulator's next bar and publishes it on the bar stream (a bar still forming first,
     * where the venue does so). False when the data is used up.
     */
    boolean closeNextBar();

    /** Every bar the simulator has closed so far, oldest first: the truth {@code history} and streams are held to. */
    List<Bar> closedBars();

    /** How many closed bars the simulator serves before the test starts; enough that history needs more than one page. */
    int historyBars();

    /** A limit buy under client order id {@code id} that rests on the book (priced well below the market). */
    OrderRequest restingBuy(String id);

    /** A market buy under client order id {@code id} that fills at once. */
    OrderRequest marketBuy(String id, BigDecimal quantity);

    /** The smallest quantity step, for a market order's size. */
    BigDecimal orderQuantity();

    /** New-order requests that reached the simulator, refused ones included. */
    int newOrderRequests();

    /** REST (or other request/response) calls that reached the simulator, of any kind. */
    int requests();

    /** Client order ids of every order the simulator holds, in arrival order. */
    List<String> venueOrderIds();

    /**
     * The quantity the simulator holds for the order {@code clientOrderId}, by its own records. A harness that
     * offers it says its adapter amends orders ({@code ExchangeAdapter.Capability.AMEND_QUANTITY}), and the kit
     * checks the amend against it; one that does not keeps this default, and the kit skips that check naming it.
     */
    default BigDecimal venueOrderQuantity(String clientOrderId) {
        throw new UnsupportedOperationException("the simulator offers no 'venueOrderQuantity' hook (needed to check amends)");
    }

    /** The account's total (free plus locked) balance of {@code asset} at the simulator. */
    BigDecimal venueBalance(String asset);

    /**
     * What the account holds of {@link #symbol()} at the simulator, signed: for spot the base asset's total
     * balance (the default), for a derivatives venue the one-way position's quantity (negative short, zero flat).
     */
    default BigDecimal venuePosition() {
        return venueBalance(baseAsset());
    }

    /** The venue's documented signing examples, each computed with the adapter's own signing code. */
    List<SigningExample> signingExamples();

    /** What the simulator can be made to do wrong. */
    VenueFaults faults();

    /** The stream names the adapter reports in {@code ConnectionChanged} (e.g. {@code market}, {@code user}). */
    Set<String> streams();

    /** Failed reconnects in a row after which the adapters made here report a stream down (their setting). */
    int downAfterAttempts();

    /** The largest stream message the adapters made here accept (their setting). */
    int maxMessageBytes();

    /** Bars are stamped in the data set's time: a bot must not call them stale. */
    default Duration staleAfter() {
        return Duration.ofDays(36_500);
    }

    @Override
    void close();
}
