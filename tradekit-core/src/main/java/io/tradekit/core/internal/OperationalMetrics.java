package io.tradekit.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The figures a running bot writes to {@code metrics_snapshots} on a schedule, as one JSON object. */
public final class OperationalMetrics {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OperationalMetrics() {
    }

    /** The bot's figures now; call on the loop, after the bot started. */
    public static String of(BotEngine engine) {
        BigDecimal equity = engine.equity();
        BigDecimal peak = engine.equityCurve().peak().max(equity);
        ObjectNode m = JSON.createObjectNode();
        m.put("state", engine.state().name());
        m.put("equity", equity.toPlainString());
        m.put("cash", engine.portfolio().cash().toPlainString());
        m.put("position", engine.portfolio().quantity(engine.config.symbol()).toPlainString());
        m.put("peakEquity", peak.toPlainString());
        m.put("drawdown", peak.signum() == 0 ? "0" : peak.subtract(equity).divide(peak, 8, RoundingMode.HALF_EVEN).toPlainString());
        m.put("openOrders", engine.orders().openCount());
        m.put("barsProcessed", engine.barsProcessed());
        m.put("ordersSent", engine.ordersSent());
        m.put("ordersDenied", engine.ordersDenied());
        m.put("fillsApplied", engine.fillsApplied());
        m.put("roundTrips", engine.portfolio().roundTrips().size());
        return m.toString();
    }
}
