package io.tradekit.core;

import io.tradekit.api.SafetyAction;

import java.time.Instant;

/** A safety decision as a report shows it: when, which policy, what it asked for, and why. */
public record SafetyEvent(Instant time, String policy, SafetyAction action, String reason) {
}
