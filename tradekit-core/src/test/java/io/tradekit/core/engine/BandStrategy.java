package io.tradekit.core.engine;

import io.tradekit.api.Bar;
import io.tradekit.api.Order;
import io.tradekit.api.OrderIntent;
import io.tradekit.api.Params;
import io.tradekit.api.Side;
import io.tradekit.api.spi.Strategy;
import io.tradekit.api.spi.StrategyContext;
import io.tradekit.api.spi.StrategyProvider;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A strategy by name for parameter-change tests: every bar it moves one bid to {@code below} under the close, tagged
 * {@code band-<below>}, so the orders show which parameters the running strategy has.
 */
final class BandStrategy implements Strategy {

    static final StrategyProvider PROVIDER = new StrategyProvider() {
        @Override
        public String name() {
            return "band";
        }

        @Override
        public Set<String> parameters() {
            return Set.of("below");
        }

        @Override
        public Strategy create(Params params) {
            BigDecimal below = params.requireOnly(parameters()).decimal("below", new BigDecimal("2"));
            if (below.signum() <= 0) throw new io.tradekit.api.InvalidInputException("band: parameter 'below' must be positive, got " + below);
            return new BandStrategy(below);
        }
    };

    private final BigDecimal below;
    private int bars;

    BandStrategy(BigDecimal below) {
        this.below = below;
    }

    @Override
    public void onBar(Bar bar, StrategyContext ctx) {
        bars++;
        for (Order o : ctx.openOrders()) ctx.cancel(o.clientOrderId());
        ctx.submit(OrderIntent.limit(ctx.symbol(), Side.BUY, new BigDecimal("0.1"), bar.close().subtract(below))
                .withTag("band-" + below.toPlainString()));
    }

    @Override
    public String saveState() {
        return "{\"bars\":" + bars + "}";
    }

    @Override
    public void restoreState(String json) {
        bars = Integer.parseInt(json.replaceAll("\\D", ""));
    }

    int bars() {
        return bars;
    }
}
