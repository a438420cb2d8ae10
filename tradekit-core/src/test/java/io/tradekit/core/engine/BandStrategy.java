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
            lastCreated = new BandStrategy(below);
            return lastCreated;
        }
    };

    /** The line each bar writes, which a strategy that takes over reads back. */
    static final String BAR_LINE = "band-bar";
    /** The strategy the provider made last: the one a parameter change put in force. */
    static volatile BandStrategy lastCreated;

    private final BigDecimal below;
    private int bars;
    private volatile int linesReadBack = -1;

    BandStrategy(BigDecimal below) {
        this.below = below;
    }

    @Override
    public void onBar(Bar bar, StrategyContext ctx) {
        bars++;
        if (ctx.keepsAudit()) ctx.audit(BAR_LINE, "bar " + bars + " of band " + below.toPlainString(), "{\"bar\":" + bars + "}");
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

    @Override
    public void restoreAudit(io.tradekit.api.spi.AuditLines lines) {
        linesReadBack = lines.latest(BAR_LINE, 1000).size();
    }

    int bars() {
        return bars;
    }

    /** How many of its bar lines the strategy read back when it took over; -1 when it was never handed any. */
    int linesReadBack() {
        return linesReadBack;
    }
}
