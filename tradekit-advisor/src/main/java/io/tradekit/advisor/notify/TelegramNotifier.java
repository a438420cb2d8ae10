package io.tradekit.advisor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradekit.advisor.Notification;
import io.tradekit.advisor.NotificationException;
import io.tradekit.advisor.Notifier;
import io.tradekit.advisor.Secret;
import io.tradekit.advisor.notify.internal.Delivery;
import io.tradekit.core.net.Backoff;
import io.tradekit.core.net.HttpReply;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.RequestBudget;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.Sleeper;
import io.tradekit.api.TradeKitException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends each notification as a Telegram Bot API {@code sendMessage} ({@code chat_id} and {@code text} as JSON) to
 * {@code {base}/bot<token>/sendMessage}. Messages to one chat go out at most once a second (Telegram's advice for
 * a single chat; a group allows 20 a minute); a 429 is repeated after the {@code parameters.retry_after} seconds
 * its answer names (up to a minute), a 5xx or a lost connection with capped, jittered backoff, four attempts in
 * all. Each attempt has a deadline over the whole exchange and reads at most 64 KiB of answer. The token never
 * appears in a log or an exception: it is replaced by {@code ***}.
 *
 * <pre>{@code Notifier tg = new TelegramNotifier(URI.create("https://api.telegram.org"), Secret.fromEnvironment("telegram", "token-env",
 *         "TG_TOKEN"), "-1001234", Duration.ofSeconds(10));}</pre>
 */
public final class TelegramNotifier implements Notifier {

    private static final long MAX_ANSWER_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI sendMessage;
    private final String chatId;
    private final Duration deadline;
    private final Delivery delivery;
    private final Secret token;
    private final RequestBudget chatBudget;

    /**
     * Messages to {@code chatId} through the Bot API at {@code base} with {@code token}, each attempt within {@code deadline}.
     *
     * @param base     the Bot API's root, e.g. {@code https://api.telegram.org}
     * @param token    the bot's token
     * @param chatId   the chat to send to (a user id, a group's negative id, or {@code @channel})
     * @param deadline the deadline of each attempt, over the whole exchange
     * @throws NullPointerException if an argument is null
     */
    public TelegramNotifier(URI base, Secret token, String chatId, Duration deadline) {
        this(base, token, chatId, deadline, RequestBudget.of("telegram", "chat " + chatId, 1, Duration.ofSeconds(1), Duration.ofMinutes(5)),
                new Retrier("telegram", 4, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), 2.0, 0.5), Duration.ofMinutes(1),
                        Sleeper.THREAD, RandomGenerator.getDefault()));
    }

    /**
     * As above, with the chat's send budget ({@code chatBudget}: one message a window) and the retry policy given.
     *
     * @param base       the Bot API's root, e.g. {@code https://api.telegram.org}
     * @param token      the bot's token
     * @param chatId     the chat to send to
     * @param deadline   the deadline of each attempt, over the whole exchange
     * @param chatBudget how often messages to the chat may go out
     * @param retrier    how often and after how long a failed attempt is repeated
     * @throws NullPointerException if an argument other than {@code retrier} is null
     */
    public TelegramNotifier(URI base, Secret token, String chatId, Duration deadline, RequestBudget chatBudget, Retrier retrier) {
        this.token = Objects.requireNonNull(token, "token");
        this.chatId = Objects.requireNonNull(chatId, "chatId");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.chatBudget = Objects.requireNonNull(chatBudget, "chatBudget");
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        this.sendMessage = URI.create(root + "bot" + token.reveal() + "/sendMessage");
        this.delivery = new Delivery(name(), new HttpTransport("telegram", deadline, MAX_ANSWER_BYTES), retrier, token);
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public void send(Notification notification) throws NotificationException {
        ObjectNode body = JSON.createObjectNode();
        body.put("chat_id", chatId);
        body.put("text", TelegramText.of(notification));
        HttpRequest request = HttpRequest.newBuilder(sendMessage)
                .timeout(deadline)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            chatBudget.acquire(1);
        } catch (TradeKitException e) {
            throw new NotificationException("telegram: the chat's send rate is exhausted: " + token.redact(e.getMessage()));
        }
        HttpReply reply = delivery.send(request, TelegramNotifier::retryAfter);
        if (!answer(reply.body()).path("ok").asBoolean(false)) {
            throw new NotificationException("telegram: sendMessage answered without \"ok\": true");
        }
    }

    /** {@code parameters.retry_after} of a 429 answer, in seconds. */
    private static Optional<Duration> retryAfter(HttpReply reply) {
        JsonNode seconds = answer(reply.body()).path("parameters").path("retry_after");
        return seconds.canConvertToLong() && seconds.asLong() >= 0 ? Optional.of(Duration.ofSeconds(seconds.asLong())) : Optional.empty();
    }

    private static JsonNode answer(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
