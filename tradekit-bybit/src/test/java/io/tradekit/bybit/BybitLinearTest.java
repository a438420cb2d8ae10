package io.tradekit.bybit;

import io.tradekit.api.FundingPayment;
import io.tradekit.api.Instrument;
import io.tradekit.api.InstrumentKind;
import io.tradekit.api.MarginAccount;
import io.tradekit.api.MarginTier;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderStatus;
import io.tradekit.api.OrderType;
import io.tradekit.api.Position;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.ConnectionState;
import io.tradekit.api.event.Event;
import io.tradekit.conformance.EventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter's linear category against the simulator's linear venue: instruments, funding, positions, margin figures, liquidation. */
class BybitLinearTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final EventLog sink = new EventLog();

    private static SimulatedBybit linear(BigDecimal fundingRate) {
        return new SimulatedBybit(TestBars.wave("ETHUSDT", Timeframe.M1, 60), 3,
                o -> o.linear().withFundingInterval(Duration.ofMinutes(5)).withFundingRate(fundingRate));
    }

    private static OrderRequest market(String id, Side side, String quantity) {
        return new OrderRequest(id, "ETHUSDT", side, OrderType.MARKET, new BigDecimal(quantity), Optional.empty(), TimeInForce.GTC, false);
    }

    /** Opens a long of 1 ETH at leverage 3 with a market buy, and waits until the venue reports the position. */
    private static void openLongOfOneAt3x(BybitAdapter bybit, String clientOrderId) {
        bybit.setLeverage("ETHUSDT", new BigDecimal("3"));
        bybit.place(market(clientOrderId, Side.BUY, "1"));
        SimulatedBybit.awaitTrue("the long is open", () -> bybit.position("ETHUSDT").isPresent());
    }

    private void awaitPrivateConnected(int times) {
        sink.awaitCount("the private stream CONNECTED (" + times + " times)", Event.ConnectionChanged.class,
                c -> c.stream().equals("private") && c.state() == ConnectionState.CONNECTED, times, WAIT);
    }

    @Test
    void theInstrumentCarriesTheRiskLimitTiersTheFundingIntervalAndTheLiquidationFee() {
        try (SimulatedBybit venue = linear(BigDecimal.ZERO)) {
            Instrument eth = venue.adapter().instrument("ETHUSDT");

            assertThat(eth.kind()).isEqualTo(InstrumentKind.LINEAR_PERPETUAL);
            assertThat(eth.stepSize()).isEqualByComparingTo("0.0001");
            assertThat(eth.minNotional()).isEqualByComparingTo("5");
            // the simulator lists the rates in percent as Bybit's example does (0.5 and 1); read back as fractions
            assertThat(eth.margin().tiers()).extracting(MarginTier::upToNotional, MarginTier::maxLeverage, MarginTier::maintenanceMarginRate,
                    MarginTier::maintenanceDeduction).map(t -> t.toList().stream().map(v -> ((BigDecimal) v).stripTrailingZeros().toPlainString()).toList())
                    .containsExactly(List.of("2000000", "100", "0.005", "0"), List.of("4000000", "50", "0.01", "10000"));
            assertThat(eth.margin().fundingInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(eth.margin().liquidationFeeRate()).isEqualByComparingTo("0.0006");
        }
    }

    @Test
    void fundingReachesTheSinkAtEachIntervalOnceEvenWhenTheCatchUpAfterADropOverlapsTheStream() {
        try (SimulatedBybit venue = linear(new BigDecimal("0.001"))) {
            BybitAdapter bybit = venue.adapter();
            bybit.instrument("ETHUSDT");
            bybit.connect(sink);
            awaitPrivateConnected(1);
            openLongOfOneAt3x(bybit, "lin-long");

            venue.sim.step(); // bar 3, 00:03-00:04
            venue.sim.step(); // bar 4 closes at 00:05: the first settlement
            FundingPayment first = sink.await("the first funding", Event.FundingSettled.class, e -> true, WAIT).payment();
            // bar 4 closes at 100 + 10 sin(4/7) = 105.41 (TestBars); 1 ETH × 105.41 × 0.001 = 0.10541 paid by the long
            assertThat(first.rate()).isEqualByComparingTo("0.001");
            assertThat(first.quantity()).isEqualByComparingTo("1");
            assertThat(first.markPrice()).isEqualByComparingTo("105.41");
            assertThat(first.amount()).isEqualByComparingTo("0.10541");

            venue.sim.dropAllConnections();
            for (int i = 0; i < 5; i++) venue.sim.step(); // bars 5..9: the settlement at 00:10, while the stream is down or coming back
            awaitPrivateConnected(2);
            sink.awaitCount("the second funding", Event.FundingSettled.class, e -> true, 2, WAIT);
            SimulatedBybit.awaitTrue("every settlement delivered", () -> sink.all(Event.FundingSettled.class, e -> true).size()
                    >= venue.sim.fundingPayments().size());
            assertThat(sink.all(Event.FundingSettled.class, e -> true)).extracting(e -> e.payment().amount().stripTrailingZeros())
                    .as("each settlement once, as the venue settled it")
                    .hasSize(2).containsExactlyElementsOf(venue.sim.fundingPayments().stream().map(p -> p.amount().stripTrailingZeros()).toList());
        }
    }

    @Test
    void theSettlementsSinceATimeAreReadBackOverRestAsTheVenueMadeThemForARestartedBotToJournal() throws InterruptedException {
        try (SimulatedBybit venue = linear(new BigDecimal("0.001"))) {
            BybitAdapter bybit = venue.adapter();
            bybit.instrument("ETHUSDT");
            openLongOfOneAt3x(bybit, "lin-long");
            Instant beforeAny = Instant.now().minusSeconds(60);
            venue.sim.step();
            venue.sim.step(); // bar 4 closes at 00:05: the first settlement, with no stream connected
            // The simulator stamps an execution with its wall clock: a pause keeps the two settlements' times apart, as
            // Bybit's, hours apart, are.
            Thread.sleep(20);
            for (int i = 0; i < 5; i++) venue.sim.step(); // bars 5..9: the settlement at 00:10
            List<FundingPayment> booked = venue.sim.fundingPayments();
            assertThat(booked).as("the venue settled twice").hasSize(2);

            List<FundingPayment> read = bybit.fundingPayments("ETHUSDT", beforeAny);
            assertThat(read).extracting(FundingPayment::symbol, p -> p.amount().stripTrailingZeros(), p -> p.rate().stripTrailingZeros(),
                            p -> p.markPrice().stripTrailingZeros(), p -> p.quantity().stripTrailingZeros())
                    .as("both settlements, oldest first, as the venue made them")
                    .containsExactlyElementsOf(booked.stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.symbol(), p.amount().stripTrailingZeros(),
                            p.rate().stripTrailingZeros(), p.markPrice().stripTrailingZeros(), p.quantity().stripTrailingZeros())).toList());
            // bar 4 closes at 105.41 (TestBars): 1 ETH × 105.41 × 0.001 paid by the long
            assertThat(read.get(0).amount()).isEqualByComparingTo("0.10541");
            assertThat(read.get(1).time()).isAfterOrEqualTo(read.get(0).time());
            assertThat(bybit.fundingPayments("ETHUSDT", read.get(1).time().plusMillis(1))).as("none after the last").isEmpty();
            assertThat(bybit.fundingPayments("ETHUSDT", read.get(1).time())).as("the bound is inclusive").hasSize(1);
        }
    }

    @Test
    void aSettlementMadeJustBeforeTheReadIsFoundWhileTheKeptClockOffsetLagsTheVenuesClock() {
        try (SimulatedBybit venue = linear(new BigDecimal("0.001"))) {
            BybitAdapter bybit = venue.adapter();
            bybit.instrument("ETHUSDT");
            openLongOfOneAt3x(bybit, "lin-lag");
            Instant beforeAny = Instant.now().minusSeconds(60);
            // The venue's clock runs 2 s ahead of the offset the adapter sampled (inside recv_window, so requests still
            // pass): the adapter's estimate of the venue's now lags it, as a few milliseconds of estimate error do.
            venue.sim.skewClock(Duration.ofSeconds(2));
            venue.sim.step();
            venue.sim.step(); // bar 4 closes at 00:05: a settlement, stamped on the venue's clock

            assertThat(venue.sim.fundingPayments()).as("the venue settled").hasSize(1);
            assertThat(bybit.fundingPayments("ETHUSDT", beforeAny)).as("the settlement, though stamped after the adapter's now")
                    .hasSize(1);
        }
    }

    @Test
    void aPositionAndTheMarginAccountAreReadBackAsTheVenueHoldsThem() {
        try (SimulatedBybit venue = linear(BigDecimal.ZERO)) {
            BybitAdapter bybit = venue.adapter();
            bybit.setLeverage("ETHUSDT", new BigDecimal("5"));
            bybit.place(market("lin-short", Side.SELL, "2"));
            SimulatedBybit.awaitTrue("the short is open", () -> bybit.position("ETHUSDT").isPresent());

            Position mine = bybit.position("ETHUSDT").orElseThrow();
            Position venues = venue.sim.position().orElseThrow();
            assertThat(mine.quantity()).isEqualByComparingTo("-2");
            assertThat(mine.entryPrice()).isEqualByComparingTo(venues.entryPrice());
            assertThat(mine.leverage()).isEqualByComparingTo("5");
            assertThat(mine.margin()).isEqualByComparingTo(venues.margin());
            assertThat(mine.liquidationPrice()).isEqualTo(venues.liquidationPrice());
            // a 5x short of 2 at entry E holds 2E/5 of margin
            assertThat(mine.margin()).isEqualByComparingTo(mine.entryPrice().multiply(new BigDecimal("2")).divide(new BigDecimal("5")));

            MarginAccount usdt = bybit.marginAccount("USDT").orElseThrow();
            assertThat(usdt.usedMargin()).isEqualByComparingTo(mine.margin());
            BigDecimal venueTotal = venue.sim.balances().stream().filter(b -> b.asset().equals("USDT")).findFirst().orElseThrow().total();
            assertThat(usdt.walletBalance()).isEqualByComparingTo(venueTotal);
            assertThat(usdt.availableBalance()).isEqualByComparingTo(venueTotal.subtract(mine.margin()));
        }
    }

    @Test
    void aLiquidationByTheVenueReachesTheSinkAtTheLiquidationPriceWithTheLiquidationFee() {
        try (SimulatedBybit venue = linear(BigDecimal.ZERO)) {
            BybitAdapter bybit = venue.adapter();
            bybit.instrument("ETHUSDT");
            bybit.connect(sink);
            awaitPrivateConnected(1);
            bybit.setLeverage("ETHUSDT", new BigDecimal("50"));
            bybit.place(market("lin-50x", Side.BUY, "1"));
            SimulatedBybit.awaitTrue("the long is open", () -> bybit.position("ETHUSDT").isPresent());
            BigDecimal liquidation = bybit.position("ETHUSDT").orElseThrow().liquidationPrice().orElseThrow();

            while (venue.sim.position().isPresent() && venue.sim.step()) {
                // the wave rises to 110 and falls to 90: a 50x long is liquidated on the way down
            }
            Event.PositionLiquidated liquidated = sink.await("the liquidation", Event.PositionLiquidated.class, e -> true, WAIT);
            assertThat(liquidated.fill().quantity()).isEqualByComparingTo("1");
            assertThat(liquidated.fill().side()).isEqualTo(Side.SELL);
            assertThat(liquidated.fill().price()).as("closed where the venue showed the liquidation price").isEqualByComparingTo(liquidation);
            assertThat(liquidated.fill().fee()).as("the liquidation fee: 0.06 % of the notional")
                    .isEqualByComparingTo(liquidation.multiply(new BigDecimal("0.0006")));
            assertThat(liquidated.order().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(liquidated.order().tag()).isEqualTo("liquidation");
            assertThat(bybit.position("ETHUSDT")).isEmpty();
        }
    }

    /** Bybit's linear tickers are a snapshot then deltas of the changed fields only: a delta is read over the snapshot. */
    @Test
    void aLinearTickerDeltaIsLaidOverTheLastSnapshot() {
        try (SimulatedBybit venue = linear(BigDecimal.ZERO)) {
            BybitAdapter bybit = venue.adapter();
            bybit.subscribeTicker("ETHUSDT");
            bybit.connect(sink);
            SimulatedBybit.awaitTrue("the ticker topic followed", () -> venue.sim.publicSubscribers("tickers.ETHUSDT") == 1);
            venue.sim.sendRawFrame(false, """
                    {"topic":"tickers.ETHUSDT","type":"snapshot","data":{"symbol":"ETHUSDT","lastPrice":"100.10","bid1Price":"100.00",\
                    "ask1Price":"100.20","markPrice":"100.05","fundingRate":"0.0001"},"cs":1,"ts":1700000000000}""");
            venue.sim.sendRawFrame(false, """
                    {"topic":"tickers.ETHUSDT","type":"delta","data":{"symbol":"ETHUSDT","lastPrice":"100.30"},"cs":2,"ts":1700000000100}""");

            Event.TickerUpdated delta = sink.await("the delta's ticker", Event.TickerUpdated.class,
                    t -> t.ticker().last().compareTo(new BigDecimal("100.30")) == 0, WAIT);
            assertThat(delta.ticker().bid()).as("the bid the delta left unchanged").isEqualByComparingTo("100.00");
            assertThat(delta.ticker().ask()).isEqualByComparingTo("100.20");
            assertThat(sink.all(Event.ErrorRaised.class, e -> true)).isEmpty();
        }
    }
}
