package io.tradekit.conformance;

import io.tradekit.api.Balance;
import io.tradekit.api.Bar;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.Instrument;
import io.tradekit.api.Order;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.spi.ExchangeAdapter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The request/response half of the {@link io.tradekit.api.spi.ExchangeAdapter} contract: signing as
 * the venue documents it, orders by client order id, cancel-all, fills since a time, balances, filters
 * and history. Subclass it in the adapter's tests with a {@link VenueHarness}.
 */
public abstract class TradingConformance extends ConformanceSupport {

    /** For a venue's test class, which extends this kit and supplies its harness. */
    protected TradingConformance() {
    }

    @Test
    void everyDocumentedSigningExampleIsReproducedByTheAdaptersSigner() {
        List<SigningExample> examples = venue.signingExamples();
        Assumptions.assumeFalse(examples.isEmpty(), "the harness lists no signing examples");
        for (SigningExample e : examples) {
            assertThat(e.computedByAdapter().get()).as("signature of the documented example '%s'", e.source())
                    .isEqualToIgnoringCase(e.documentedSignature());
        }
    }

    @Test
    void anOrderIsPlacedLookedUpAndCancelledByItsClientOrderId() {
        ExchangeAdapter a = adapter();
        a.instrument(venue.symbol());
        OrderRequest request = venue.restingBuy("kit-rest-1");
        OrderAck ack = a.place(request);
        assertThat(ack.clientOrderId()).as("the ack names the order by its client order id").isEqualTo("kit-rest-1");
        assertThat(ack.status()).as("a resting limit order's status").isIn(OrderStatus.NEW, OrderStatus.PENDING_NEW);

        Order seen = a.lookup(venue.symbol(), "kit-rest-1").orElseThrow(() ->
                new AssertionError("lookup by client order id 'kit-rest-1' found nothing after it was placed"));
        assertThat(seen.quantity()).as("looked-up quantity").isEqualByComparingTo(request.quantity());
        assertThat(seen.limitPrice()).as("looked-up limit price").hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo(request.limitPrice().orElseThrow()));
        assertThat(a.openOrders(venue.symbol())).extracting(Order::clientOrderId).as("open orders").contains("kit-rest-1");

        a.cancel(venue.symbol(), "kit-rest-1");
        a.lookup(venue.symbol(), "kit-rest-1").ifPresent(o ->
                assertThat(o.status()).as("status of a cancelled order still known to the venue").isEqualTo(OrderStatus.CANCELED));
        assertThat(a.openOrders(venue.symbol())).extracting(Order::clientOrderId).doesNotContain("kit-rest-1");
    }

    @Test
    void cancellingAnOrderThatIsGoneIsOrderNotFoundAndAnUnknownIdLooksUpEmpty() {
        ExchangeAdapter a = adapter();
        a.place(venue.restingBuy("kit-gone-1"));
        a.cancel(venue.symbol(), "kit-gone-1");
        Throwable again = catchThrowable(() -> a.cancel(venue.symbol(), "kit-gone-1"));
        assertThat(again).as("cancelling an order that is no longer open").isInstanceOf(ExchangeException.class);
        assertThat(((ExchangeException) again).category()).isEqualTo(ErrorCategory.ORDER_NOT_FOUND);
        assertThat(a.lookup(venue.symbol(), "kit-never-sent")).as("lookup of a client order id never sent").isEmpty();
    }

    @Test
    void cancelAllCancelsEveryOpenOrderAndCountsThem() {
        ExchangeAdapter a = adapter();
        a.place(venue.restingBuy("kit-all-1"));
        a.place(venue.restingBuy("kit-all-2"));
        assertThat(a.cancelAll(venue.symbol())).as("orders cancel-all reports cancelled").isEqualTo(2);
        assertThat(a.openOrders(venue.symbol())).as("open orders after cancel-all").isEmpty();
        assertThat(a.cancelAll(venue.symbol())).as("cancel-all with nothing open").isZero();
    }

    @Test
    void fillsSinceATimeHoldEachFillOnceWithItsClientOrderId() {
        ExchangeAdapter a = adapter();
        Instant before = a.serverTime();
        OrderAck ack = a.place(venue.marketBuy("kit-fill-1", venue.orderQuantity()));
        awaitTrue("the market order filled at the venue", () -> a.lookup(venue.symbol(), "kit-fill-1")
                .map(o -> o.status() == OrderStatus.FILLED).orElse(false));
        List<Fill> fills = a.fills(venue.symbol(), before);
        assertThat(fills).as("fills since before the order").isNotEmpty()
                .allSatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("kit-fill-1"));
        Set<String> ids = new HashSet<>();
        fills.forEach(f -> assertThat(ids.add(f.fillId())).as("fill id %s reported once", f.fillId()).isTrue());
        assertThat(fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add)).as("filled quantity")
                .isEqualByComparingTo(venue.orderQuantity());
        assertThat(ack.venueOrderId()).isNotBlank();
        Instant after = fills.getLast().time().plusSeconds(1);
        assertThat(a.fills(venue.symbol(), after)).as("fills since after the last one").isEmpty();
    }

    @Test
    void balancesMatchTheVenuesAccount() {
        ExchangeAdapter a = adapter();
        List<Balance> balances = a.balances();
        Balance quote = balances.stream().filter(b -> b.asset().equals(venue.quoteAsset())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + venue.quoteAsset() + " balance among " + balances));
        assertThat(quote.free().add(quote.locked())).as("%s total", venue.quoteAsset()).isEqualByComparingTo(venue.venueBalance(venue.quoteAsset()));
        assertThat(balances).allSatisfy(b -> {
            assertThat(b.free().signum()).as("%s free", b.asset()).isNotNegative();
            assertThat(b.locked().signum()).as("%s locked", b.asset()).isNotNegative();
        });
    }

    @Test
    void theInstrumentsFiltersHoldAndAnOrderOffTheTickIsRefusedWithoutBeingPlaced() {
        ExchangeAdapter a = adapter();
        Instrument instrument = a.instrument(venue.symbol());
        assertThat(instrument.symbol()).isEqualTo(venue.symbol());
        assertThat(instrument.baseAsset()).isEqualTo(venue.baseAsset());
        assertThat(instrument.quoteAsset()).isEqualTo(venue.quoteAsset());
        OrderRequest good = venue.restingBuy("kit-tick-0");
        assertThat(instrument.isOnTick(good.limitPrice().orElseThrow())).as("the harness's resting price is on the tick").isTrue();
        BigDecimal offTick = good.limitPrice().orElseThrow().add(instrument.tickSize().movePointLeft(1));
        OrderRequest bad = new OrderRequest("kit-tick-1", good.symbol(), good.side(), good.type(), good.quantity(), Optional.of(offTick),
                good.timeInForce(), false);
        Throwable refused = catchThrowable(() -> a.place(bad));
        assertThat(refused).as("placing a price off the tick size").isInstanceOf(TradeKitException.class);
        assertThat(refused instanceof OrderRejectedException || ((TradeKitException) refused).category() == ErrorCategory.INVALID_ORDER)
                .as("refused as an invalid order, got %s", refused).isTrue();
        assertThat(a.lookup(venue.symbol(), "kit-tick-1")).as("the refused order does not exist").isEmpty();
    }

    @Test
    void anAmendLowersTheQuantityInPlaceAndARaiseIsRefused() {
        ExchangeAdapter a = adapter();
        a.instrument(venue.symbol());
        OrderRequest request = venue.restingBuy("kit-amend-1");
        OrderAck ack = a.place(request);
        hook(() -> venue.venueOrderQuantity("kit-amend-1"));
        assertThat(a.capabilities()).as("capabilities of an adapter whose harness checks amends").contains(ExchangeAdapter.Capability.AMEND_QUANTITY);
        BigDecimal lower = request.quantity().subtract(venue.orderQuantity());
        assertThat(lower.signum()).as("the harness's resting quantity leaves room for one step less").isPositive();

        Order amended = a.amendQuantity(venue.symbol(), "kit-amend-1", lower);

        assertThat(amended.clientOrderId()).as("the amended order keeps its client order id").isEqualTo("kit-amend-1");
        assertThat(amended.venueOrderId()).as("the amended order keeps the venue's id (its queue place)").contains(ack.venueOrderId());
        assertThat(amended.quantity()).as("quantity the adapter reports after the amend").isEqualByComparingTo(lower);
        assertThat(venue.venueOrderQuantity("kit-amend-1")).as("quantity the venue holds after the amend").isEqualByComparingTo(lower);
        assertThat(a.lookup(venue.symbol(), "kit-amend-1").orElseThrow().quantity()).as("looked-up quantity after the amend")
                .isEqualByComparingTo(lower);
        assertThat(venue.venueOrderIds()).as("orders at the venue: amended in place, none added").containsExactly("kit-amend-1");

        Throwable raise = catchThrowable(() -> a.amendQuantity(venue.symbol(), "kit-amend-1", request.quantity()));
        assertThat(raise).as("amending back up to the first quantity").isInstanceOf(ExchangeException.class);
        assertThat(((ExchangeException) raise).category()).as("category of a refused raise").isEqualTo(ErrorCategory.INVALID_ORDER);
        assertThat(venue.venueOrderQuantity("kit-amend-1")).as("quantity the venue holds after a refused raise").isEqualByComparingTo(lower);
    }

    @Test
    void anOptionalCallTheAdapterLacksIsRefusedNamingTheVenueAndTheCall() {
        ExchangeAdapter a = adapter();
        Set<ExchangeAdapter.Capability> has = a.capabilities();
        Assumptions.assumeFalse(has.containsAll(Set.of(ExchangeAdapter.Capability.AMEND_QUANTITY, ExchangeAdapter.Capability.MARKET_BY_QUOTE,
                ExchangeAdapter.Capability.CANCEL_REPLACE)), "the adapter offers every optional call");
        java.util.Map<ExchangeAdapter.Capability, Runnable> calls = java.util.Map.of(
                ExchangeAdapter.Capability.AMEND_QUANTITY, () -> a.amendQuantity(venue.symbol(), "kit-opt-1", venue.orderQuantity()),
                ExchangeAdapter.Capability.MARKET_BY_QUOTE, () -> a.placeMarketByQuote("kit-opt-2", venue.symbol(),
                        io.tradekit.api.Side.BUY, BigDecimal.TEN),
                ExchangeAdapter.Capability.CANCEL_REPLACE, () -> a.cancelReplace("kit-opt-3", venue.restingBuy("kit-opt-4")));
        calls.forEach((capability, call) -> {
            if (has.contains(capability)) return;
            Throwable refused = catchThrowable(call::run);
            assertThat(refused).as("calling %s on an adapter without it", capability).isInstanceOf(ExchangeException.class);
            assertThat(((ExchangeException) refused).venueCode()).as("venue code of the refusal of %s", capability)
                    .isEqualTo(ExchangeAdapter.UNSUPPORTED);
            assertThat(refused.getMessage()).as("refusal of %s", capability).contains(a.venue()).contains(capability.name());
        });
        assertThat(venue.venueOrderIds()).as("orders at the venue after refused optional calls").isEmpty();
    }

    @Test
    void historyPagesThroughEveryClosedBarOldestFirst() {
        ExchangeAdapter a = adapter();
        List<Bar> truth = venue.closedBars();
        assertThat(truth.size()).as("the harness serves enough bars to need paging").isGreaterThanOrEqualTo(venue.historyBars());
        Instant from = truth.getFirst().openTime();
        Instant to = truth.getLast().closeTime();
        List<Bar> got = a.history(venue.symbol(), venue.timeframe(), from, to);
        assertThat(got).extracting(Bar::openTime).as("history open times").containsExactlyElementsOf(truth.stream().map(Bar::openTime).toList());
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).close()).as("close of bar %s", got.get(i).openTime()).isEqualByComparingTo(truth.get(i).close());
        }
        Instant mid = truth.get(truth.size() / 2).openTime();
        assertThat(a.history(venue.symbol(), venue.timeframe(), mid, to)).extracting(Bar::openTime).as("history from the middle")
                .first().isEqualTo(mid);
    }
}
