package io.tradekit.bybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.api.Position;
import io.tradekit.core.net.MalformedMessage;
import io.tradekit.core.net.VenueJson;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A linear position entry ({@code GET /v5/position/list}, the private {@code position} topic) into a
 * {@link Position}: {@code side} {@code Buy} is long and {@code Sell} short ({@code size} is always
 * positive; empty side and zero size when flat), {@code avgPrice} the entry, {@code leverage},
 * {@code positionIM} the margin it holds, {@code liqPrice} the liquidation price (empty when none), and
 * {@code curRealisedPnl} the realized PnL of the position as Bybit books it (after fees and funding, which
 * Bybit does not report apart here). Only one-way mode ({@code positionIdx} 0) is understood.
 */
public final class PositionMapping {

    private PositionMapping() {
    }

    /** The position of one entry; empty when it is flat. */
    public static Optional<Position> position(JsonNode p) {
        String symbol = VenueJson.text(p, "symbol");
        if (p.hasNonNull("positionIdx") && VenueJson.integer(p, "positionIdx") != 0) {
            throw new MalformedMessage(symbol + ": positionIdx " + p.get("positionIdx").asText()
                    + " is a hedge-mode position; only one-way mode (positionIdx 0) is supported");
        }
        BigDecimal size = Json.decimalOrZero(p, "size");
        String side = p.path("side").asText("");
        if (size.signum() == 0 || side.isEmpty()) return Optional.empty();
        BigDecimal signed = switch (side) {
            case "Buy" -> size;
            case "Sell" -> size.negate();
            default -> throw new MalformedMessage(symbol + ": position side '" + side + "' is neither Buy nor Sell");
        };
        BigDecimal liquidation = Json.decimalOrZero(p, "liqPrice");
        BigDecimal leverage = Json.decimalOrZero(p, "leverage");
        return Optional.of(new Position(symbol, signed, VenueJson.decimal(p, "avgPrice"), Json.decimalOrZero(p, "curRealisedPnl"), BigDecimal.ZERO,
                BigDecimal.ZERO, leverage.signum() > 0 ? leverage : BigDecimal.ONE, Json.decimalOrZero(p, "positionIM"),
                liquidation.signum() > 0 ? Optional.of(liquidation) : Optional.empty(), BigDecimal.ONE));
    }
}
