package io.tradekit.control.internal;

import io.tradekit.api.BotState;
import io.tradekit.api.Position;
import io.tradekit.control.BotStatus;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A bot's figures as last sampled: what the fleet list, the live stream's snapshot and the metrics show
 * without asking the bot's loop. {@code pnl} is equity now less equity when the supervisor started the bot.
 */
public record BotSummary(String id, String tenant, String venue, String mode, BotStatus status, String error,
                         BotState state, String symbol, BigDecimal equity, BigDecimal cash, BigDecimal pnl, Position position,
                         int openOrders, String riskLevel, int activeBreakers, Instant sampledAt) {
}
