package io.tradekit.core;

import io.tradekit.api.SafetyAction;

import java.time.Instant;

/**
 * A safety decision as a report shows it: when, which policy, what it asked for, and why.
 *
 * @param time   when the decision was taken
 * @param policy the name of the policy (or actor) that decided
 * @param action what it asked the bot to do
 * @param reason why, in words for an operator
 */
public record SafetyEvent(Instant time, String policy, SafetyAction action, String reason) {
}
