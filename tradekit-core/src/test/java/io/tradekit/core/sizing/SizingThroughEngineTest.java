package io.tradekit.core.sizing;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.OrderAck;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.Signal;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.event.Event;
import io.tradekit.api.event.EventSink;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.protection.Protections;
import io.tradekit.core.safety.WrappedPaperVenue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tradekit.core.safety.TestBars.BINANCE_BTCUSDT;
import static io.tradekit.core.safety.TestBars.bar;
import static io.tradekit.core.safety.TestBars.d;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine's BUY and SELL signals sized against Binance BTCUSDT's filters. */
class SizingThroughEngineTest {

    private final List<BotEvent> events = new CopyOnWriteArrayList<>();

    /** Emits the given signal on each bar, in order; HOLD after the list. */
    private static Strategy signals(Signal... perBar) {
        return new Strategy() {
            int n;

            @Override
            public void onBar(Bar bar, StrategyContext ctx) {
                if (n < perBar.length) ctx.signal(perBar[n]);
                n++;
            }
        };
    }

    private static List<Bar> at50k(int count) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(bar(i, "50000", "50000.5", "49999.5", "50000"));
        return out;
    }

    private BacktestResult run(PositionSizer sizer, BigDecimal feeBps, Protections protections, Signal... signals) {
        return TradeKit.backtest().bars(at50k(3)).instrument(BINANCE_BTCUSDT).strategy(signals(signals)).cash(d("10000"))
                .feeBps(feeBps).sizer(sizer).protection(protections).onEvent(events::add).run();
    }

    private List<BotEvent.OrderDenied> denials() {
        return events.stream().filter(e -> e instanceof BotEvent.OrderDenied).map(e -> (BotEvent.OrderDenied) e).toList();
    }

    @Test
    void aBuyBelowTheMinimumNotionalIsRefusedWithTheReasonAndNothingIsSent() {
        BacktestResult r = run(PositionSizers.parse("fixed-quote:4.99"), BigDecimal.ZERO, Protections.none(), Signal.BUY);

        assertThat(r.orders()).isEmpty();
        assertThat(denials()).singleElement().satisfies(d -> {
            assertThat(d.deniedBy()).isEqualTo("sizing");
            assertThat(d.reason()).isEqualTo("fixed-quote:4.99 sizing gives 0.0000998 BTC, rounded down to 0.00009 at 50000: "
                    + "BTCUSDT: notional 4.5 is below the minimum notional 5");
        });
    }

    @Test
    void aBuyExactlyAtTheMinimumNotionalGoesThrough() {
        BacktestResult r = run(PositionSizers.parse("fixed-quote:5"), BigDecimal.ZERO, Protections.none(), Signal.BUY);

        assertThat(denials()).isEmpty();
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.quantity()).isEqualByComparingTo("0.0001");
            assertThat(f.notional()).isEqualByComparingTo("5");
        });
    }

    @Test
    void riskPerTradeSizesFromTheStopLossDistance() {
        // 2 % stop at 50000 = 1000; fees 10 bps on the way in and out: 100 / (1000 + 0.001 * 99000) = 0.09099...
        BacktestResult r = run(PositionSizers.parse("risk:0.01"), BigDecimal.TEN, Protections.stopLossPercent(d("0.02")), Signal.BUY);
        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualByComparingTo("0.09099"));
    }

    @Test
    void riskPerTradeWithoutAStopLossRefusesTheBuyAndSaysWhy() {
        BacktestResult r = run(PositionSizers.parse("risk:0.01"), BigDecimal.TEN, Protections.none(), Signal.BUY);
        assertThat(r.orders()).isEmpty();
        assertThat(denials()).singleElement().satisfies(d -> {
            assertThat(d.deniedBy()).isEqualTo("sizing");
            assertThat(d.reason()).startsWith("risk-per-trade sizing needs a stop distance");
        });
    }

    /** A venue that, like Binance, takes the fee of a buy out of the base asset bought. */
    static final class FeeInBaseVenue extends WrappedPaperVenue {
        static final BigDecimal FEE = d("0.001");

        FeeInBaseVenue(PaperSettings settings) {
            super(settings);
        }

        static Fill feeInBase(Fill f) {
            if (f.side() != io.tradekit.api.Side.BUY) return f;
            return new Fill(f.fillId(), f.clientOrderId(), f.venueOrderId(), f.symbol(), f.side(), f.price(), f.quantity(),
                    f.quantity().multiply(FEE), "BTC", f.time(), f.maker());
        }

        @Override
        public void connect(EventSink target) {
            super.connect(event -> target.post(event instanceof Event.FillReceived r ? new Event.FillReceived(feeInBase(r.fill())) : event));
        }

        @Override
        protected OrderAck placeAtPaper(OrderRequest request) {
            OrderAck ack = super.placeAtPaper(request);
            return new OrderAck(ack.clientOrderId(), ack.venueOrderId(), ack.status(), ack.filledQuantity(), ack.time(),
                    ack.fills().stream().map(FeeInBaseVenue::feeInBase).toList());
        }
    }

    @Test
    void aSellSellsWhatTheStepAllowsAndReportsTheDustThatAFeeInBaseLeaves() {
        FeeInBaseVenue venue = new FeeInBaseVenue(PaperSettings.of(BINANCE_BTCUSDT, d("10000")).withFees(BigDecimal.ZERO, BigDecimal.ZERO));
        List<BotEvent> risk = new CopyOnWriteArrayList<>();
        try (TradingBot bot = TradeKit.bot("dust").exchange(venue).symbol("BTCUSDT").timeframe(io.tradekit.api.Timeframe.M1)
                .strategy(signals(Signal.BUY, Signal.SELL, Signal.SELL, Signal.BUY)).sizer(PositionSizers.parse("fixed-qty:0.00123"))
                .dataClock().onRisk(risk::add).build()) {
            bot.start();
            venue.feed(bot, bar(0, "50000", "50000.5", "49999.5", "50000"));
            // 0.00123 bought, 0.00000123 of it taken as the fee
            assertThat(bot.position().quantity()).isEqualByComparingTo("0.00122877");

            venue.feed(bot, bar(1, "50000", "50000.5", "49999.5", "50000"));
            assertThat(venue.requests.get(1).quantity()).isEqualByComparingTo("0.00122");
            assertThat(bot.position().quantity()).isEqualByComparingTo("0.00000877");
            assertThat(risk).extracting(e -> e instanceof BotEvent.RiskAlert a ? a.policy() + ": " + a.reason() : e.toString())
                    .containsExactly("sizing: dust: 0.00000877 BTCUSDT left after selling 0.00122: below the instrument's step");

            // Selling the dust alone is refused with the reason; it does not keep the bot from buying again.
            venue.feed(bot, bar(2, "50000", "50000.5", "49999.5", "50000"));
            assertThat(risk.get(1)).isInstanceOfSatisfying(BotEvent.OrderDenied.class, d -> {
                assertThat(d.deniedBy()).isEqualTo("sizing");
                assertThat(d.reason()).isEqualTo("0.00000877 BTC cannot be sold (dust): below the step size 0.00001");
            });
            venue.feed(bot, bar(3, "50000", "50000.5", "49999.5", "50000"));
            assertThat(venue.requests).hasSize(3);
            assertThat(venue.requests.get(2).side()).isEqualTo(io.tradekit.api.Side.BUY);
        }
    }
}
