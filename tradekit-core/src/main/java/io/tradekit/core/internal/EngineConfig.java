package io.tradekit.core.internal;

import io.tradekit.api.Timeframe;
import io.tradekit.core.sizing.PositionSizer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The settled configuration of one bot's engine, validated by the builders.
 *
 * @param staleAfter     market data older than this stops new orders (live only; a backtest's clock is its data)
 * @param takerFeeRate   the fee fraction the sizer leaves room for
 * @param safetyInterval how often the safety manager runs without a fill
 * @param equityInterval how often an equity snapshot is journaled live
 * @param leverage       the leverage of derivatives positions (1 for spot)
 */
public record EngineConfig(String botId, String symbol, Timeframe timeframe, PositionSizer sizer, BigDecimal takerFeeRate,
                           int cacheCapacity, Duration staleAfter, Duration safetyInterval, Duration equityInterval,
                           boolean recordEquityCurve, BigDecimal leverage) {
    public EngineConfig {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(sizer, "sizer");
        Objects.requireNonNull(takerFeeRate, "takerFeeRate");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(safetyInterval, "safetyInterval");
        Objects.requireNonNull(equityInterval, "equityInterval");
        Objects.requireNonNull(leverage, "leverage");
    }

    /** A spot bot's configuration: leverage 1. */
    public EngineConfig(String botId, String symbol, Timeframe timeframe, PositionSizer sizer, BigDecimal takerFeeRate,
                        int cacheCapacity, Duration staleAfter, Duration safetyInterval, Duration equityInterval,
                        boolean recordEquityCurve) {
        this(botId, symbol, timeframe, sizer, takerFeeRate, cacheCapacity, staleAfter, safetyInterval, equityInterval,
                recordEquityCurve, BigDecimal.ONE);
    }
}
