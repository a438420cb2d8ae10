package com.example.host;

import io.tradekit.api.Bar;
import io.tradekit.api.Instrument;
import io.tradekit.api.Timeframe;
import io.tradekit.api.event.BotEvent;
import io.tradekit.core.BacktestResult;
import io.tradekit.core.ReplayDriver;
import io.tradekit.core.TradeKit;
import io.tradekit.core.TradingBot;
import io.tradekit.core.paper.PaperExchange;
import io.tradekit.core.paper.PaperSettings;
import io.tradekit.data.OhlcvCsvReader;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A host service's use of tradekit: backtest sma-cross over a CSV of bars, then run it as a paper bot over the first bars. */
public final class HostMain {

    public static void main(String[] args) {
        Path csv = Path.of(args.length > 0 ? args[0] : "data/ETH-USD-5m.csv");
        List<Bar> bars = OhlcvCsvReader.read(csv, Optional.of("ETH-USD"), Optional.empty());

        BacktestResult result = TradeKit.backtest().bars(bars)
                .strategy("sma-cross", Map.of("fast", "10", "slow", "30"))
                .run();
        System.out.println("backtest bars=" + result.bars() + " roundTrips=" + result.roundTrips().size()
                + " fees=" + result.fees() + " finalEquity=" + result.finalEquity());

        Instrument ethUsd = new Instrument("ETH-USD", "ETH", "USD", new BigDecimal("0.01"), new BigDecimal("0.00000001"),
                BigDecimal.ZERO, BigDecimal.ZERO);
        TradingBot bot = TradeKit.bot("host-paper")
                .exchange(new PaperExchange(PaperSettings.of(ethUsd, new BigDecimal("10000"))))
                .symbol("ETH-USD")
                .timeframe(Timeframe.M5)
                .strategy("sma-cross", Map.of("fast", "3", "slow", "8"))
                .dataClock()
                .onEvent(event -> {
                    if (event instanceof BotEvent.FillApplied f) {
                        System.out.println("paper fill " + f.fill().side() + " " + f.fill().quantity() + " @ " + f.fill().price());
                    }
                })
                .build();
        bot.start();
        ReplayDriver driver = ReplayDriver.of(bot); // hands the bot each bar once it is idle, as a replay does
        for (Bar bar : bars.subList(0, 60)) driver.feed(bar);
        System.out.println("paper bars=60 state=" + bot.state() + " equity=" + bot.equity());
        bot.stop();
    }
}
