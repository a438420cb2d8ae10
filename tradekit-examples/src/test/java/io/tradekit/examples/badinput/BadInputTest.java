package io.tradekit.examples.badinput;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.OrderRejectedException;
import io.tradekit.api.OrderRequest;
import io.tradekit.api.OrderType;
import io.tradekit.api.Side;
import io.tradekit.api.TimeInForce;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.Submission;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Input that must be refused with a message that names what is wrong: builders, orders, names. */
class BadInputTest {

    /** A tick of 0.01, a step of 0.001 and a minimum quantity of 0.01. */
    static final Instrument BTC = new Instrument("BTC-USD", "BTC", "USD", new BigDecimal("0.01"), new BigDecimal("0.001"),
            new BigDecimal("0.01"), BigDecimal.ZERO);
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static List<Bar> bars(int n) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal p = new BigDecimal("100").add(BigDecimal.valueOf(i));
            bars.add(new Bar("BTC-USD", Timeframe.M1, T0.plusSeconds(60L * i), p, p.add(BigDecimal.ONE), p.subtract(BigDecimal.ONE), p, BigDecimal.ONE));
        }
        return bars;
    }

    @Test
    void aBotWithoutExchangeOrSymbolSaysWhichIsMissing() {
        assertThatThrownBy(() -> TradeKit.bot("eth-bot").symbol("BTC-USD").strategy("sma-cross", Map.of()).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bot 'eth-bot': no exchange");
        assertThatThrownBy(() -> TradeKit.bot("eth-bot").exchange(new PaperExchange(PaperSettings.of(BTC, BigDecimal.TEN)))
                .strategy("sma-cross", Map.of()).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bot 'eth-bot': no symbol");
        assertThatThrownBy(() -> TradeKit.bot("eth-bot").exchange(new PaperExchange(PaperSettings.of(BTC, BigDecimal.TEN)))
                .symbol("BTC-USD").build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bot 'eth-bot': no strategy");
    }

    @Test
    void anUnknownStrategyListsTheKnownOnes() {
        assertThatThrownBy(() -> TradeKit.backtest().bars(bars(5)).strategy("sma-crossover", Map.of()).run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown strategy 'sma-crossover'").hasMessageContaining("sma-cross");
        assertThatThrownBy(() -> TradeKit.bot("b").exchange(new PaperExchange(PaperSettings.of(BTC, BigDecimal.TEN))).symbol("BTC-USD")
                .strategy("sma-crossover", Map.of()).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown strategy 'sma-crossover'").hasMessageContaining("sma-cross");
    }

    /** Submits one intent on the first bar and keeps what the engine answered. */
    static final class SubmitOnce implements Strategy {
        final Function<StrategyContext, OrderIntent> intent;
        Submission answer;

        SubmitOnce(Function<StrategyContext, OrderIntent> intent) {
            this.intent = intent;
        }

        @Override
        public void onBar(Bar bar, StrategyContext ctx) {
            if (answer == null) answer = ctx.submit(intent.apply(ctx));
        }
    }

    private static Submission submitted(Function<StrategyContext, OrderIntent> intent, List<BotEvent.OrderDenied> denials) {
        SubmitOnce strategy = new SubmitOnce(intent);
        BacktestResult result = TradeKit.backtest().bars(bars(3)).instrument(BTC).strategy(strategy)
                .onEvent(e -> {
                    if (e instanceof BotEvent.OrderDenied d) denials.add(d);
                }).run();
        assertThat(result.bars()).isEqualTo(3);
        return strategy.answer;
    }

    @Test
    void zeroNegativeAndTooSmallQuantitiesAreDeniedWithTheRuleTheyBreak() {
        List<BotEvent.OrderDenied> denials = new ArrayList<>();

        Submission zero = submitted(ctx -> OrderIntent.limit("BTC-USD", Side.BUY, BigDecimal.ZERO, new BigDecimal("99")), denials);
        Submission negative = submitted(ctx -> OrderIntent.limit("BTC-USD", Side.BUY, new BigDecimal("-1"), new BigDecimal("99")), denials);
        Submission tiny = submitted(ctx -> OrderIntent.limit("BTC-USD", Side.BUY, new BigDecimal("0.005"), new BigDecimal("99")), denials);

        assertThat(zero.isSent()).isFalse();
        assertThat(zero.deniedBy()).isEqualTo("sizing");
        assertThat(zero.reason()).isEqualTo("BTC-USD: quantity must be positive, got 0");
        assertThat(negative.reason()).isEqualTo("BTC-USD: quantity must be positive, got -1");
        assertThat(tiny.reason()).isEqualTo("BTC-USD: quantity 0.005 is below the minimum quantity 0.01");
        assertThat(denials).extracting(BotEvent.OrderDenied::reason).containsExactly(zero.reason(), negative.reason(), tiny.reason());
    }

    @Test
    void theEngineRoundsAnOffTickPriceTheSafeWayAndTheVenueRefusesOne() {
        Submission buy = submitted(ctx -> OrderIntent.limit("BTC-USD", Side.BUY, new BigDecimal("0.1"), new BigDecimal("99.999")), new ArrayList<>());

        assertThat(buy.order().orElseThrow().limitPrice().orElseThrow()).as("a buy rounds down to the tick").isEqualByComparingTo("99.99");

        PaperExchange venue = new PaperExchange(PaperSettings.of(BTC, new BigDecimal("10000")));
        venue.onBar(bars(1).getFirst());
        OrderRequest offTick = new OrderRequest("t-1", "BTC-USD", Side.BUY, OrderType.LIMIT, new BigDecimal("0.1"),
                Optional.of(new BigDecimal("99.999")), TimeInForce.GTC, false);
        assertThatThrownBy(() -> venue.place(offTick))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.rule()).isEqualTo("PRICE_FILTER"))
                .hasMessage("BTC-USD: price 99.999 is not a multiple of the tick size 0.01");
    }

    @Test
    void theVenueRefusesQuantitiesThatBreakTheFiltersNamingTheRule() {
        PaperExchange venue = new PaperExchange(PaperSettings.of(BTC, new BigDecimal("10000")));
        venue.onBar(bars(1).getFirst());

        assertThatThrownBy(() -> venue.place(limitBuy("q-0", "0")))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.rule()).isEqualTo("QUANTITY"))
                .hasMessage("BTC-USD: quantity must be positive, got 0");
        assertThatThrownBy(() -> venue.place(limitBuy("q-neg", "-0.5")))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.rule()).isEqualTo("QUANTITY"));
        assertThatThrownBy(() -> venue.place(limitBuy("q-min", "0.005")))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.rule()).isEqualTo("LOT_SIZE"))
                .hasMessage("BTC-USD: quantity 0.005 is below the minimum quantity 0.01");
        assertThatThrownBy(() -> venue.place(limitBuy("q-step", "0.0105")))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.rule()).isEqualTo("LOT_SIZE"))
                .hasMessage("BTC-USD: quantity 0.0105 is not a multiple of the step size 0.001");
        assertThat(venue.openOrders("BTC-USD")).isEmpty();
    }

    private static OrderRequest limitBuy(String id, String quantity) {
        return new OrderRequest(id, "BTC-USD", Side.BUY, OrderType.LIMIT, new BigDecimal(quantity),
                Optional.of(new BigDecimal("99")), TimeInForce.GTC, false);
    }
}
