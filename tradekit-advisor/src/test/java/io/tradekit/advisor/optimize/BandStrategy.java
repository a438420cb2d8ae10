package io.tradekit.advisor.optimize;

import io.tradekit.api.Bar;
import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.Signal;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.StrategyProvider;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A test strategy whose best parameters are known on {@link TriangleBars}: buys everything when the close is
 * at or below {@code buyBelow}, sells it all when the close is at or above {@code sellAbove}. It refuses a set
 * with {@code buyBelow >= sellAbove}, as a strategy's own validation would.
 */
final class BandStrategy implements Strategy {

    static final String NAME = "band";

    private final BigDecimal buyBelow;
    private final BigDecimal sellAbove;

    BandStrategy(int buyBelow, int sellAbove) {
        if (buyBelow >= sellAbove) {
            throw new InvalidInputException("band: parameter 'buyBelow' (" + buyBelow + ") must be below 'sellAbove' (" + sellAbove + ")");
        }
        this.buyBelow = BigDecimal.valueOf(buyBelow);
        this.sellAbove = BigDecimal.valueOf(sellAbove);
    }

    @Override
    public void onBar(Bar bar, StrategyContext ctx) {
        boolean flat = ctx.position().isFlat();
        if (flat && bar.close().compareTo(buyBelow) <= 0) ctx.signal(Signal.BUY);
        if (!flat && bar.close().compareTo(sellAbove) >= 0) ctx.signal(Signal.SELL);
    }

    /** Makes {@link BandStrategy} under the name {@code band}. */
    static final class Provider implements StrategyProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Set<String> parameters() {
            return Set.of("buyBelow", "sellAbove");
        }

        @Override
        public Strategy create(Params params) {
            params.requireOnly(parameters());
            return new BandStrategy(params.integer("buyBelow", 90), params.integer("sellAbove", 110));
        }
    }
}
