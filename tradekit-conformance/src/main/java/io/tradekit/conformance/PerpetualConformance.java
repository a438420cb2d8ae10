package io.tradekit.conformance;

import io.tradekit.api.Instrument;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Position;
import io.tradekit.api.PositionSide;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.TradeKitException;
import io.tradekit.api.spi.ExchangeAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What a derivatives adapter adds to the contract, for a venue whose {@link VenueHarness#symbol()} is a
 * linear perpetual traded in one-way mode: the instrument carries margin rules, leverage is set at the
 * venue (setting the value it already has is no error), a market order's position is read back with its
 * side, size, leverage, margin and liquidation price, and a reduce-only order never opens a position or
 * turns it around. Subclass it beside {@link TradingConformance} for such a venue; {@link VenueHarness#venuePosition()}
 * must give the venue's position.
 */
public abstract class PerpetualConformance extends ConformanceSupport {

    private static final BigDecimal LEVERAGE = new BigDecimal("3");

    private ExchangeAdapter a;
    private Instrument instrument;

    /** For a venue's test class, which extends this kit and supplies its harness. */
    protected PerpetualConformance() {
    }

    @BeforeEach
    final void derivativesAdapter() {
        a = adapter();
        instrument = a.instrument(venue.symbol());
    }

    private OrderRequest market(String id, Side side, BigDecimal quantity, boolean reduceOnly) {
        return new OrderRequest(id, venue.symbol(), side, OrderType.MARKET, quantity, Optional.empty(), TimeInForce.GTC, reduceOnly);
    }

    private void awaitFilled(String id) {
        awaitTrue("order " + id + " filled at the venue", () -> a.lookup(venue.symbol(), id).map(o -> o.status() == OrderStatus.FILLED).orElse(false));
    }

    @Test
    void theInstrumentIsADerivativeWithMarginRulesAndTheAccountStartsFlat() {
        assertThat(instrument.isDerivative()).as("%s is a derivative", venue.symbol()).isTrue();
        assertThat(instrument.margin().maxLeverage()).as("the venue's maximum leverage").isGreaterThanOrEqualTo(LEVERAGE);
        assertThat(a.position(venue.symbol())).as("the position before any order").isEmpty();
        assertThat(venue.venuePosition()).as("the venue's position before any order").isZero();
    }

    @Test
    void leverageIsSetAtTheVenueAndSettingItAgainIsNoError() {
        a.setLeverage(venue.symbol(), LEVERAGE);
        a.setLeverage(venue.symbol(), LEVERAGE);
        Throwable tooHigh = catchThrowable(() -> a.setLeverage(venue.symbol(), instrument.margin().maxLeverage().add(BigDecimal.ONE)));
        assertThat(tooHigh).as("leverage above the venue's maximum").isInstanceOf(TradeKitException.class);
    }

    @Test
    void aMarketBuyOpensALongThatIsReadBackWithItsLeverageMarginAndLiquidationPrice() {
        a.setLeverage(venue.symbol(), LEVERAGE);
        BigDecimal quantity = venue.orderQuantity();
        a.place(market("kit-perp-open", Side.BUY, quantity, false));
        awaitFilled("kit-perp-open");
        awaitTrue("the venue holds the long", () -> venue.venuePosition().compareTo(quantity) == 0);
        Position p = a.position(venue.symbol()).orElseThrow(() -> new AssertionError("no position read back after a filled market buy"));
        assertThat(p.side()).isEqualTo(PositionSide.LONG);
        assertThat(p.quantity()).as("position size").isEqualByComparingTo(quantity);
        assertThat(p.leverage()).as("position leverage").isEqualByComparingTo(LEVERAGE);
        assertThat(p.margin()).as("isolated margin held").isPositive();
        assertThat(p.liquidationPrice()).as("a 3x long's liquidation price lies below its entry")
                .hasValueSatisfying(liq -> assertThat(liq).isLessThan(p.entryPrice()));

        a.place(market("kit-perp-close", Side.SELL, quantity, true));
        awaitFilled("kit-perp-close");
        awaitTrue("the reduce-only sell closed the long", () -> venue.venuePosition().signum() == 0);
        assertThat(a.position(venue.symbol())).as("the position after closing").isEmpty();
    }

    @Test
    void aReduceOnlyOrderThatWouldOpenAPositionIsRefusedAndOpensNothing() {
        Throwable refused = catchThrowable(() -> a.place(market("kit-perp-ro-open", Side.SELL, venue.orderQuantity(), true)));
        assertThat(refused).as("a reduce-only sell while flat").isInstanceOf(TradeKitException.class);
        assertThat(a.lookup(venue.symbol(), "kit-perp-ro-open").map(o -> o.filledQuantity().signum()).orElse(0))
                .as("the refused order filled nothing").isZero();
        assertThat(venue.venuePosition()).as("the account stays flat").isZero();
    }

    /** A venue may refuse such an order or cut it to the position's size (Bybit documents the cut); it never turns the position around. */
    @Test
    void aReduceOnlyOrderLargerThanThePositionNeverFlipsIt() {
        BigDecimal quantity = venue.orderQuantity();
        a.place(market("kit-perp-long", Side.BUY, quantity, false));
        awaitFilled("kit-perp-long");
        awaitTrue("the venue holds the long", () -> venue.venuePosition().compareTo(quantity) == 0);
        try {
            a.place(market("kit-perp-ro-flip", Side.SELL, quantity.add(quantity), true));
            awaitTrue("the over-sized reduce-only order finished", () -> a.lookup(venue.symbol(), "kit-perp-ro-flip")
                    .map(o -> o.status().isTerminal()).orElse(true));
        } catch (TradeKitException refused) {
            assertThat(a.lookup(venue.symbol(), "kit-perp-ro-flip").map(o -> o.filledQuantity().signum()).orElse(0))
                    .as("the refused order filled nothing").isZero();
        }
        assertThat(venue.venuePosition().signum()).as("the position after a reduce-only order twice its size is never short")
                .isNotNegative();
    }
}
