package io.tradekit.advisor.notify;

import io.tradekit.advisor.Notifier;
import io.tradekit.advisor.NotifierProvider;
import io.tradekit.advisor.Secret;
import io.tradekit.api.Params;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Makes {@link TelegramNotifier} under the name {@code telegram}: {@code chat-id} (required), {@code token-env} (the
 * environment variable holding the bot token, required), {@code base} (default {@code https://api.telegram.org}),
 * {@code deadline-seconds} (default 10).
 */
public final class TelegramNotifierProvider implements NotifierProvider {

    /** Used by {@link java.util.ServiceLoader}, which needs a public no-argument constructor; the provider holds no state. */
    public TelegramNotifierProvider() {
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public Notifier create(Params settings) {
        Params p = settings.requireOnly(Set.of("chat-id", "token-env", "base", "deadline-seconds"));
        URI base = p.text("base").isPresent() ? NotifierSettings.httpUri(p, "base") : URI.create("https://api.telegram.org");
        return new TelegramNotifier(base, Secret.fromEnvironment(p.owner(), "token-env", p.requiredText("token-env")), p.requiredText("chat-id"),
                Duration.ofSeconds(NotifierSettings.positive(p, "deadline-seconds", 10)));
    }
}
