package io.tradekit.advisor.notify;

import io.tradekit.advisor.Notification;
import io.tradekit.advisor.NotificationException;
import io.tradekit.advisor.Notifier;
import io.tradekit.advisor.Secret;
import io.tradekit.advisor.notify.internal.Delivery;
import io.tradekit.core.net.Backoff;
import io.tradekit.core.net.HttpTransport;
import io.tradekit.core.net.Retrier;
import io.tradekit.core.net.Sleeper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Posts each notification as JSON ({@link NotificationJson}) to one URL, signed as {@link WebhookSignature}
 * describes. Each attempt has a deadline over the whole exchange and reads at most 64 KiB of answer; a 429 is
 * repeated after its {@code Retry-After} (up to 30 s), a 5xx or a lost connection with capped, jittered backoff,
 * three attempts in all.
 *
 * <pre>{@code Notifier hook = new WebhookNotifier(URI.create("https://ops.example/hooks/tradekit"), Secret.of(key, "webhook key"),
 *         Duration.ofSeconds(10));}</pre>
 */
public final class WebhookNotifier implements Notifier {

    private static final long MAX_ANSWER_BYTES = 64 * 1024;

    private final URI url;
    private final Secret key;
    private final Duration deadline;
    private final InstantSource clock;
    private final Delivery delivery;

    /**
     * A webhook to {@code url} signing with {@code key}, each attempt within {@code deadline}.
     *
     * @param url      where to POST
     * @param key      the shared signing key (see {@link WebhookSignature})
     * @param deadline the deadline of each attempt, over the whole exchange
     * @throws NullPointerException if an argument is null
     */
    public WebhookNotifier(URI url, Secret key, Duration deadline) {
        this(url, key, deadline, InstantSource.system(),
                new Retrier("webhook", 3, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), 2.0, 0.5), Duration.ofSeconds(30),
                        Sleeper.THREAD, RandomGenerator.getDefault()));
    }

    /**
     * As above, with the clock that stamps the signature and the retry policy given.
     *
     * @param url      where to POST
     * @param key      the shared signing key (see {@link WebhookSignature})
     * @param deadline the deadline of each attempt, over the whole exchange
     * @param clock    the wall clock whose seconds the signature's timestamp carries
     * @param retrier  how often and after how long a failed attempt is repeated
     * @throws NullPointerException if {@code url}, {@code key}, {@code deadline} or {@code clock} is null
     */
    public WebhookNotifier(URI url, Secret key, Duration deadline, InstantSource clock, Retrier retrier) {
        this.url = Objects.requireNonNull(url, "url");
        this.key = Objects.requireNonNull(key, "key");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delivery = new Delivery(name(), new HttpTransport("webhook", deadline, MAX_ANSWER_BYTES), retrier, key);
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(Notification notification) throws NotificationException {
        byte[] body = NotificationJson.bytes(notification);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(deadline)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(key, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        delivery.send(request, reply -> reply.longHeader("Retry-After").stream().mapToObj(Duration::ofSeconds).findFirst());
    }
}
