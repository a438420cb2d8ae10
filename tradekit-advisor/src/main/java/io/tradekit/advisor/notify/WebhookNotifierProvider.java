package io.tradekit.advisor.notify;

import io.tradekit.advisor.Notifier;
import io.tradekit.advisor.NotifierProvider;
import io.tradekit.advisor.Secret;
import io.tradekit.api.Params;

import java.time.Duration;
import java.util.Set;

/**
 * Makes {@link WebhookNotifier} under the name {@code webhook}: {@code url} (required), {@code secret-env} (the
 * environment variable holding the signing key, required), {@code deadline-seconds} (default 10).
 */
public final class WebhookNotifierProvider implements NotifierProvider {

    /** Used by {@link java.util.ServiceLoader}, which needs a public no-argument constructor; the provider holds no state. */
    public WebhookNotifierProvider() {
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public Notifier create(Params settings) {
        Params p = settings.requireOnly(Set.of("url", "secret-env", "deadline-seconds"));
        return new WebhookNotifier(NotifierSettings.httpUri(p, "url"), Secret.fromEnvironment(p.owner(), "secret-env", p.requiredText("secret-env")),
                Duration.ofSeconds(NotifierSettings.positive(p, "deadline-seconds", 10)));
    }
}
