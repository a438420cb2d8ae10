package io.tradekit.core.internal;

import io.tradekit.api.ErrorCategory;
import io.tradekit.api.ExchangeException;
import io.tradekit.api.Fill;
import io.tradekit.api.FundingPayment;
import io.tradekit.api.Order;
import io.tradekit.api.RecoveryAction;
import io.tradekit.api.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A live perpetual bot's own check of its funding, beside the venue's stream. Every {@link #period} of wall time it asks
 * the venue, off the loop, for the settlements since the newest one the bot has journaled (or since its first trade),
 * and applies on the loop those it lacks: a settlement whose stream message was lost and whose resync after the
 * reconnect failed too, which the bot would otherwise have missed until a restart ({@link Recovery}). Each settlement
 * counts once, whichever way it comes (the journal keys them), so one already heard changes nothing. A check that
 * fails is reported and the next one covers its span. Runs on the loop, except the venue call.
 */
final class FundingWatch {

    private static final Logger log = LoggerFactory.getLogger(FundingWatch.class);

    /** How often a live perpetual bot asks the venue for its funding unless told otherwise. */
    static final Duration DEFAULT_PERIOD = Duration.ofMinutes(15);

    private final BotEngine engine;
    private final NetworkDeadlines deadlines;
    private Duration period = DEFAULT_PERIOD;
    /** The venue's time of the newest settlement journaled, or of the bot's first trade; null before it traded. */
    private Instant since;
    private boolean started;
    /** Settlements applied while a check's list is being applied. */
    private int heard;

    FundingWatch(BotEngine engine, NetworkDeadlines deadlines) {
        this.engine = engine;
        this.deadlines = deadlines;
    }

    void setPeriod(Duration period) {
        this.period = Objects.requireNonNull(period, "period");
    }

    /** Starts checking, after the bot's recovery: {@code fundedSince} is where a restart's own look at funding began. */
    void start(Instant fundedSince) {
        if (started) return;
        started = true;
        funded(fundedSince);
        deadlines.after(period, this::check);
    }

    /** A settlement was journaled (from the stream, a resync, a restart or a check): the next check starts there. */
    void funded(Instant at) {
        if (at == null) return;
        heard++;
        if (since == null || at.isAfter(since)) since = at;
    }

    private void check() {
        if (since == null) since = firstTrade();
        if (since == null) { // never traded: nothing to fund yet
            deadlines.after(period, this::check);
            return;
        }
        Instant from = since;
        List<String> symbols = new ArrayList<>();
        for (Lane lane : engine.lanes) if (lane.instrument != null && lane.instrument.isDerivative()) symbols.add(lane.symbol);
        engine.calls.call(() -> {
            List<FundingPayment> listed = new ArrayList<>();
            for (String symbol : symbols) listed.addAll(engine.venue.fundingPayments(symbol, from));
            return listed;
        }, (listed, failure) -> {
            if (failure != null) {
                engine.reportError("funding", failure instanceof ExchangeException x ? x.category() : ErrorCategory.INTERNAL,
                        RecoveryAction.RETRY, "funding check of " + String.join(", ", symbols) + " since " + from + " failed: "
                                + failure.getMessage() + "; the next check, in " + period + ", covers it");
            } else {
                heard = 0;
                for (FundingPayment payment : listed) engine.handle(new Event.FundingSettled(payment));
                if (heard > 0) {
                    log.info("bot {}: {} funding settlement(s) the stream had not delivered applied from the venue's list",
                            engine.config.botId(), heard);
                }
            }
            deadlines.after(period, this::check);
        });
    }

    /** The venue's time of the bot's first fill (or its first order's creation, if earlier); null when it has none. */
    private Instant firstTrade() {
        Instant first = null;
        for (Order o : engine.orders.all()) if (o.filledQuantity().signum() > 0 && (first == null || o.createdAt().isBefore(first))) first = o.createdAt();
        if (first == null) return null;
        // A venue stamps fills on its own clock, which need not be the bot's (a paper venue on a feed's market time).
        for (Fill f : engine.store.fills()) if (f.time().isBefore(first)) first = f.time();
        return first;
    }
}
