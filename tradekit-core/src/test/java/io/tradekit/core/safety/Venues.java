package io.tradekit.core.safety;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.OrderUpdate;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.event.Event;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.sizing.OrderRounding;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Paper venues that behave like awkward real ones, for flatten and error tests. */
public final class Venues {

    private Venues() {
    }

    /** A venue that takes no market orders (like some Kraken pairs in post-only mode): a market order is refused. */
    public static class NoMarketOrders extends WrappedPaperVenue {
        public NoMarketOrders(PaperSettings settings) {
            super(settings);
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.POST_ONLY, Capability.CANCEL_ALL);
        }

        @Override
        protected OrderAck placeAtPaper(OrderRequest request) {
            if (request.type() == OrderType.MARKET) {
                throw new OrderRejectedException("ORDER_TYPE", "market orders are not supported on this venue");
            }
            return super.placeAtPaper(request);
        }
    }

    /** Fills only half of its first {@code halves} reduce-only orders and expires the rest, as a thin book would. */
    static final class HalfFilling extends WrappedPaperVenue {
        private final AtomicInteger halvesLeft;

        HalfFilling(PaperSettings settings, int halves) {
            super(settings);
            this.halvesLeft = new AtomicInteger(halves);
        }

        @Override
        protected OrderAck placeAtPaper(OrderRequest r) {
            if (!r.reduceOnly() || halvesLeft.getAndDecrement() <= 0) return super.placeAtPaper(r);
            BigDecimal half = OrderRounding.quantityDown(r.quantity().divide(BigDecimal.TWO), paper.instrument(r.symbol()));
            OrderAck ack = paper.place(new OrderRequest(r.clientOrderId(), r.symbol(), r.side(), r.type(), half, r.limitPrice(),
                    r.timeInForce(), r.reduceOnly()));
            BigDecimal price = ack.fills().get(0).price();
            post(new Event.OrderUpdated(new OrderUpdate(r.clientOrderId(), Optional.of(ack.venueOrderId()), r.symbol(), OrderStatus.EXPIRED,
                    half, price, ack.time(), Optional.of("no more liquidity"))));
            return new OrderAck(r.clientOrderId(), ack.venueOrderId(), OrderStatus.PARTIALLY_FILLED, half, ack.time(), ack.fills());
        }
    }

    /** Refuses its first {@code failures} reduce-only orders as Binance does when overloaded (-1008), then takes them. */
    static final class OverloadedFirst extends WrappedPaperVenue {
        private final AtomicInteger failuresLeft;

        OverloadedFirst(PaperSettings settings, int failures) {
            super(settings);
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        protected OrderAck placeAtPaper(OrderRequest request) {
            if (request.reduceOnly() && failuresLeft.getAndDecrement() > 0) {
                throw new ExchangeException("paper", ErrorCategory.VENUE_UNAVAILABLE, RecoveryAction.BACK_OFF, "-1008",
                        "Server is currently overloaded with other requests", null, null);
            }
            return super.placeAtPaper(request);
        }
    }
}
