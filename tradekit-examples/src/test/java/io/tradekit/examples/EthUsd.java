package io.tradekit.examples;

import io.tradekit.api.Instrument;

import java.math.BigDecimal;

/** The instrument of the eth-usd-5m data set as tests trade it: a cent tick, a hundred-millionth step, no minimums. */
public final class EthUsd {

    public static final Instrument INSTRUMENT = new Instrument("ETH-USD", "ETH", "USD", new BigDecimal("0.01"),
            new BigDecimal("0.00000001"), BigDecimal.ZERO, BigDecimal.ZERO);

    private EthUsd() {
    }
}
