package io.tradekit.control.internal;

import io.tradekit.api.event.BotEvent;
import io.tradekit.core.EquityPoint;

/** What the supervisor tells the live stream and the metrics; called from bot loops and sampler threads, so quick and never throwing. */
public interface FleetListener {

    void onStatus(ManagedBot bot);

    void onEvent(ManagedBot bot, BotEvent event);

    void onEquity(ManagedBot bot, EquityPoint point);

    /** A sample of the bot's figures was taken; {@code loopNanos} is how long its loop took to answer. */
    void onSample(ManagedBot bot, long loopNanos);
}
