package io.tradekit.core.sizing;

import java.math.BigDecimal;

/**
 * Sizes with another sizer as if the price were one tick higher. A venue that slips market buys and
 * rounds the slipped price up to the tick can charge up to a tick more than the fee and slippage rates
 * say; an all-in buy sized this way stays affordable. The paper venue's backtests and bots use it
 * whenever slippage is configured.
 *
 * @param inner the sizer asked at the price one tick up
 */
public record TickCushion(PositionSizer inner) implements PositionSizer {

    @Override
    public BigDecimal quantity(SizingInput in) {
        return inner.quantity(new SizingInput(in.instrument(), in.price().add(in.instrument().tickSize()), in.equity(), in.cash(),
                in.feeRate(), in.stopDistance(), in.leverage()));
    }
}
