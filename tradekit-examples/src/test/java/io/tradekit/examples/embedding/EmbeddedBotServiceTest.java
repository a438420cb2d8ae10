package io.tradekit.examples.embedding;

import io.tradekit.api.Bar;
import io.tradekit.api.BotState;
import io.tradekit.api.Fill;
import io.tradekit.api.Timeframe;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.TradeKit;
import io.tradekit.examples.EthUsd;
import io.tradekit.data.DataSets;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedBotServiceTest {

    @Test
    void theServiceRunsTheBotOverItsFeedHearsEveryFillAndStopsCleanly() {
        List<Bar> bars = DataSets.load("eth-usd-5m");
        BacktestResult expected = TradeKit.backtest().bars(bars).instrument(EthUsd.INSTRUMENT)
                .strategy("sma-cross", Map.of("fast", "10", "slow", "30")).cash(new BigDecimal("10000")).run();

        EmbeddedBotService service = new EmbeddedBotService(EthUsd.INSTRUMENT, Timeframe.M5, new BigDecimal("10000"));
        BigDecimal equityWhileRunning;
        try (service) {
            service.start();
            assertThat(service.state()).isEqualTo(BotState.RUNNING);
            bars.forEach(service::onBar);
            equityWhileRunning = service.equity();
        }

        assertThat(service.fills()).hasSize(expected.fills().size()).isNotEmpty();
        for (int i = 0; i < expected.fills().size(); i++) {
            Fill heard = service.fills().get(i);
            Fill backtest = expected.fills().get(i);
            assertThat(heard.side()).isEqualTo(backtest.side());
            assertThat(heard.price()).isEqualByComparingTo(backtest.price());
            assertThat(heard.quantity()).isEqualByComparingTo(backtest.quantity());
        }
        assertThat(equityWhileRunning).isEqualByComparingTo(expected.finalEquity());
        assertThat(service.states()).startsWith(BotState.STARTING, BotState.RUNNING).endsWith(BotState.STOPPED);
        assertThat(service.state()).isEqualTo(BotState.STOPPED);
        assertThat(service.problems()).isEmpty();
    }
}
