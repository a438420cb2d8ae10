package io.tradekit.advisor.notify;

import io.tradekit.advisor.Notification;
import io.tradekit.advisor.NotificationKind;
import io.tradekit.advisor.Proposal;
import io.tradekit.advisor.Severity;
import io.tradekit.api.BotState;
import io.tradekit.api.ErrorCategory;
import io.tradekit.api.SafetyAction;
import io.tradekit.api.event.BotEvent;
import io.tradekit.core.TradingBot;
import io.tradekit.core.store.Approval;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a bot's {@link BotEvent}s into notifications for a {@link NotificationDispatcher}:
 * <ul>
 *   <li>{@code StateChanged}: STATE_CHANGE, CRITICAL into EMERGENCY_STOP, WARNING into PAUSED, REDUCE_ONLY or
 *   STOPPED, INFO otherwise;</li>
 *   <li>{@code RiskAlert} of the flatten: FLATTEN; any other alert asking for more than CONTINUE: BREAKER_TRIP
 *   (CRITICAL when it asks to flatten or stop, else its level); alerts that only inform are not sent;</li>
 *   <li>{@code FillApplied}: FILL, INFO;</li>
 *   <li>{@code ErrorOccurred}: ERROR, CRITICAL for AUTH and INTERNAL errors, WARNING otherwise.</li>
 * </ul>
 * Bars and order changes are not notified. A notification carries its event's time (market time for a bot on a data
 * clock). Mapping is cheap and dispatching never blocks, so the listener is
 * safe on the bot's loop.
 *
 * <pre>{@code BotNotifications.attach(bot, dispatcher);
 * BotNotifications.attachApprovals(bot, dispatcher); // a bot built with approvals: every step of a proposal}</pre>
 */
public final class BotNotifications {

    private BotNotifications() {
    }

    /**
     * Sends the notifications of {@code bot}'s events to {@code dispatcher} from now on.
     *
     * @param bot        the bot whose events are listened to
     * @param dispatcher where the notifications go
     */
    public static void attach(TradingBot bot, NotificationDispatcher dispatcher) {
        String botId = bot.id();
        bot.onEvent(event -> of(botId, event).ifPresent(dispatcher::dispatch));
    }

    /**
     * Sends a notification of every step of the bot's approvals (submitted, approved, rejected, applied, rolled
     * back, expired) to {@code dispatcher} from now on; a bot built without approvals has none to send.
     *
     * @param bot        the bot whose approval steps are listened to
     * @param dispatcher where the notifications go
     */
    public static void attachApprovals(TradingBot bot, NotificationDispatcher dispatcher) {
        bot.approvals().ifPresent(approvals -> approvals.onStep(step -> dispatcher.dispatch(approvalStep(step, Instant.now()))));
    }

    /**
     * The notification of one approval step at {@code now} (wall time: approvals are decided by people): its kind
     * from the step's state (a rollback is notified as PROPOSAL_APPLIED of the old values), WARNING for an expiry,
     * and the proposal, its source, each change as {@code old -> new} and the actor as figures.
     *
     * @param step the approval step
     * @param now  the wall time the notification carries
     * @return the notification, INFO except for an expiry
     */
    public static Notification approvalStep(Approval step, Instant now) {
        NotificationKind kind = switch (step.state()) {
            case PENDING -> NotificationKind.PROPOSAL_WAITING;
            case APPROVED -> NotificationKind.PROPOSAL_APPROVED;
            case REJECTED -> NotificationKind.PROPOSAL_REJECTED;
            case APPLIED, ROLLED_BACK -> NotificationKind.PROPOSAL_APPLIED;
            case EXPIRED -> NotificationKind.PROPOSAL_EXPIRED;
        };
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("proposal", Long.toString(step.id()));
        figures.put("source", step.source());
        figures.put("state", step.state().name());
        step.changes().forEach((k, v) -> figures.put("change." + k, step.previous().getOrDefault(k, "") + " -> " + v));
        step.actor().ifPresent(a -> figures.put("actor", a));
        return new Notification(kind, kind == NotificationKind.PROPOSAL_EXPIRED ? Severity.WARNING : Severity.INFO, step.botId(), now,
                step.describe() + step.reason().map(r -> ": " + r).orElse(""), figures);
    }

    /**
     * The notification of {@code event} of bot {@code botId}, if it is one that is notified (see the class comment).
     *
     * @param botId the bot's id, which the notification carries
     * @param event one of the bot's events
     * @return the notification, timed at the event, or empty for an event that is not notified
     */
    public static Optional<Notification> of(String botId, BotEvent event) {
        return switch (event) {
            case BotEvent.StateChanged s -> Optional.of(new Notification(NotificationKind.STATE_CHANGE, severity(s.to()), botId, s.time(),
                    s.from() + " -> " + s.to() + " by " + s.actor() + ": " + s.reason(), Map.of("from", s.from().name(), "to", s.to().name())));
            case BotEvent.RiskAlert a when "flatten".equals(a.policy()) -> Optional.of(new Notification(NotificationKind.FLATTEN,
                    severity(a.level()), botId, a.time(), a.reason(), Map.of()));
            case BotEvent.RiskAlert a when a.action() != SafetyAction.CONTINUE -> Optional.of(new Notification(NotificationKind.BREAKER_TRIP,
                    a.action().ordinal() >= SafetyAction.FLATTEN.ordinal() ? Severity.CRITICAL : severity(a.level()), botId, a.time(),
                    a.policy() + " asks to " + a.action() + ": " + a.reason(), Map.of("policy", a.policy(), "action", a.action().name())));
            case BotEvent.FillApplied f -> Optional.of(new Notification(NotificationKind.FILL, Severity.INFO, botId, f.time(),
                    f.fill().side() + " " + f.fill().quantity().toPlainString() + " " + f.fill().symbol() + " at " + f.fill().price().toPlainString(),
                    fillFigures(f)));
            case BotEvent.ErrorOccurred e -> Optional.of(new Notification(NotificationKind.ERROR,
                    e.category() == ErrorCategory.AUTH || e.category() == ErrorCategory.INTERNAL ? Severity.CRITICAL : Severity.WARNING, botId,
                    e.time(), e.source() + ": " + e.message(), Map.of("category", e.category().name(), "action", e.action().name())));
            default -> Optional.empty();
        };
    }

    /**
     * The notification of a step of {@code proposal}'s life (PROPOSAL_WAITING, _APPROVED, _REJECTED, _APPLIED or
     * _EXPIRED) at {@code now}, by {@code actor}, with its changes and evidence as figures.
     *
     * @param kind     the step, one of the PROPOSAL_ kinds
     * @param proposal the proposal
     * @param actor    who took the step, for the text
     * @param now      the wall time the notification carries
     * @return the notification: WARNING for PROPOSAL_EXPIRED, INFO otherwise
     */
    public static Notification proposal(NotificationKind kind, Proposal proposal, String actor, Instant now) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("proposal", proposal.id());
        figures.put("source", proposal.source());
        proposal.changes().values().forEach(c -> figures.put("change." + c.key(), c.current().orElse("(default)") + " -> " + c.proposed()));
        proposal.evidence().forEach((k, v) -> figures.put("evidence." + k, v));
        figures.put("expiresAt", proposal.expiresAt().toString());
        Severity severity = kind == NotificationKind.PROPOSAL_EXPIRED ? Severity.WARNING : Severity.INFO;
        return new Notification(kind, severity, proposal.botId(), now, kind.name().toLowerCase().replace('_', ' ') + " by " + actor + ": "
                + proposal.reason(), figures);
    }

    private static Map<String, String> fillFigures(BotEvent.FillApplied f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("side", f.fill().side().name());
        m.put("price", f.fill().price().toPlainString());
        m.put("quantity", f.fill().quantity().toPlainString());
        if (f.realizedPnl() != null) m.put("realizedPnl", f.realizedPnl().toPlainString());
        return m;
    }

    private static Severity severity(BotState to) {
        return switch (to) {
            case EMERGENCY_STOP -> Severity.CRITICAL;
            case PAUSED, REDUCE_ONLY, STOPPED -> Severity.WARNING;
            default -> Severity.INFO;
        };
    }

    private static Severity severity(BotEvent.AlertLevel level) {
        return switch (level) {
            case INFO -> Severity.INFO;
            case WARNING -> Severity.WARNING;
            case CRITICAL -> Severity.CRITICAL;
        };
    }
}
