package io.tradekit.conformance.broken;

import io.tradekit.api.Bar;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.spi.ExchangeAdapter;
import io.tradekit.conformance.SigningExample;
import io.tradekit.conformance.VenueFaults;
import io.tradekit.conformance.VenueHarness;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The kit's harness over the in-memory venue and the broken adapter. Offers only the 5xx and raw-message hooks. */
final class BrokenHarness implements VenueHarness {

    private final InMemoryVenue venue = new InMemoryVenue(30);
    private final List<BrokenAdapter> adapters = new ArrayList<>();

    @Override
    public ExchangeAdapter newAdapter() {
        BrokenAdapter a = new BrokenAdapter(venue);
        adapters.add(a);
        return a;
    }

    @Override
    public String symbol() {
        return InMemoryVenue.SYMBOL;
    }

    @Override
    public Timeframe timeframe() {
        return Timeframe.M1;
    }

    @Override
    public String baseAsset() {
        return "TEST";
    }

    @Override
    public String quoteAsset() {
        return "USD";
    }

    @Override
    public boolean closeNextBar() {
        Bar bar = venue.closeNext();
        adapters.forEach(a -> a.barClosed(bar));
        return true;
    }

    @Override
    public List<Bar> closedBars() {
        synchronized (venue) {
            return List.copyOf(venue.closed);
        }
    }

    @Override
    public int historyBars() {
        return 30;
    }

    @Override
    public OrderRequest restingBuy(String id) {
        return new OrderRequest(id, symbol(), Side.BUY, OrderType.LIMIT, BigDecimal.ONE, Optional.of(new BigDecimal("50.00")), TimeInForce.GTC, false);
    }

    @Override
    public OrderRequest marketBuy(String id, BigDecimal quantity) {
        return new OrderRequest(id, symbol(), Side.BUY, OrderType.MARKET, quantity, Optional.empty(), TimeInForce.GTC, false);
    }

    @Override
    public BigDecimal orderQuantity() {
        return BigDecimal.ONE;
    }

    @Override
    public int newOrderRequests() {
        synchronized (venue) {
            return venue.newOrderRequests;
        }
    }

    @Override
    public int requests() {
        synchronized (venue) {
            return venue.requests;
        }
    }

    @Override
    public List<String> venueOrderIds() {
        synchronized (venue) {
            return List.copyOf(venue.orders.keySet());
        }
    }

    @Override
    public BigDecimal venueBalance(String asset) {
        return asset.equals("USD") ? new BigDecimal("1000") : BigDecimal.ZERO;
    }

    /** A documented example its signer gets wrong (it signs the percent-encoded text where raw UTF-8 is asked). */
    @Override
    public List<SigningExample> signingExamples() {
        return List.of(new SigningExample("a venue's WebSocket example (non-ASCII)", "b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd",
                () -> "0000000000000000000000000000000000000000000000000000000000000000"));
    }

    @Override
    public VenueFaults faults() {
        return new VenueFaults() {
            @Override
            public void failNextOrderAfterAccepting() {
                synchronized (venue) {
                    venue.failNextAfterAccepting = true;
                }
            }

            @Override
            public void sendRawToStreams(String text) {
                // delivered; the broken adapter drops it without a word
            }
        };
    }

    @Override
    public String tickerMessage(String price) {
        return "{\"ticker\":\"" + symbol() + "\",\"price\":\"" + price + "\"}";
    }

    @Override
    public Set<String> streams() {
        return Set.of("market");
    }

    @Override
    public int downAfterAttempts() {
        return 3;
    }

    @Override
    public int maxMessageBytes() {
        return 4096;
    }

    @Override
    public void close() {
    }
}
