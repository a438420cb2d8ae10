package io.tradekit.api;

/** What a safety check asks of the bot, in increasing severity; the most severe request wins. */
public enum SafetyAction {
    CONTINUE, REDUCE_ONLY, PAUSE, FLATTEN, EMERGENCY_STOP;

    public boolean isMoreSevereThan(SafetyAction other) {
        return ordinal() > other.ordinal();
    }

    public static SafetyAction mostSevere(SafetyAction a, SafetyAction b) {
        return a.isMoreSevereThan(b) ? a : b;
    }
}
