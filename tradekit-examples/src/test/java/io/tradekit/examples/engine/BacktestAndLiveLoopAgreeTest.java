package io.tradekit.examples.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.Fill;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.RoundTrip;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.FillModel;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.core.sizing.PercentOfEquity;
import io.tradekit.examples.EthUsd;
import io.tradekit.data.DataSets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same strategy over the same bars gives the same trades whether the engine runs as a backtest (on the
 * caller's thread, no hop) or as a bot on its own loop thread fed bar by bar, with the paper exchange.
 */
class BacktestAndLiveLoopAgreeTest {

    static final Map<String, String> SMA = Map.of("fast", "10", "slow", "30");
    static final BigDecimal CASH = new BigDecimal("10000");
    static final BigDecimal FEE_BPS = new BigDecimal("10");
    static final BigDecimal SLIPPAGE_BPS = new BigDecimal("2");
    // Half the equity per entry, so that the sizer is exercised with a fraction rather than all-in.
    static final PercentOfEquity HALF = new PercentOfEquity(new BigDecimal("0.5"));

    @ParameterizedTest
    @EnumSource(FillModel.class)
    void smaCrossOnEthUsd5mMakesTheSameFillsOnTheThreadedLoopAsInTheBacktest(FillModel fillModel) {
        List<Bar> bars = DataSets.load("eth-usd-5m");
        BacktestResult backtest = TradeKit.backtest().bars(bars).instrument(EthUsd.INSTRUMENT).strategy("sma-cross", SMA)
                .cash(CASH).feeBps(FEE_BPS).slippageBps(SLIPPAGE_BPS).fillModel(fillModel).sizer(HALF).run();

        List<Fill> liveFills = new CopyOnWriteArrayList<>();
        PaperSettings paper = PaperSettings.of(EthUsd.INSTRUMENT, CASH).withFees(FEE_BPS, FEE_BPS).withSlippage(SLIPPAGE_BPS).withFillModel(fillModel);
        List<RoundTrip> liveTrips;
        BigDecimal liveEquity;
        try (TradingBot bot = TradeKit.bot("live-loop").exchange(new PaperExchange(paper)).symbol("ETH-USD").timeframe(Timeframe.M5)
                .strategy("sma-cross", SMA).sizer(HALF).dataClock().onEvent(e -> {
                    if (e instanceof BotEvent.FillApplied f) liveFills.add(f.fill());
                }).build()) {
            bot.start();
            for (Bar bar : bars) ReplayDriver.of(bot).feed(bar);
            liveTrips = bot.roundTrips();
            liveEquity = bot.equity();
        }

        assertThat(backtest.fills()).isNotEmpty();
        assertThat(liveFills).hasSize(backtest.fills().size());
        for (int i = 0; i < liveFills.size(); i++) {
            Fill live = liveFills.get(i);
            Fill back = backtest.fills().get(i);
            assertThat(live.side()).as("fill %d side", i).isEqualTo(back.side());
            assertThat(live.price()).as("fill %d price", i).isEqualByComparingTo(back.price());
            assertThat(live.quantity()).as("fill %d quantity", i).isEqualByComparingTo(back.quantity());
            assertThat(live.fee()).as("fill %d fee", i).isEqualByComparingTo(back.fee());
            assertThat(live.time()).as("fill %d time", i).isEqualTo(back.time());
            // client order ids carry the bot's id; the order's number within its bot must match
            assertThat(orderNumber(live)).as("fill %d order", i).isEqualTo(orderNumber(back));
        }
        assertThat(liveEquity).isEqualByComparingTo(backtest.finalEquity());
        assertThat(liveTrips).hasSize(backtest.roundTrips().size());
        for (int i = 0; i < liveTrips.size(); i++) {
            assertThat(liveTrips.get(i).pnl()).isEqualByComparingTo(backtest.roundTrips().get(i).pnl());
        }
    }

    private static String orderNumber(Fill fill) {
        String id = fill.clientOrderId();
        return id.substring(id.lastIndexOf('-') + 1);
    }
}
