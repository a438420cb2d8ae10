package io.tradekit.advisor.notify;

import io.tradekit.api.InvalidInputException;
import io.tradekit.api.Params;
import io.tradekit.api.UntrustedText;

import java.net.URI;
import java.net.URISyntaxException;

/** Reading the settings notifiers share, with errors that name the notifier and the setting. */
final class NotifierSettings {

    private NotifierSettings() {
    }

    /** An absolute http or https URI. */
    static URI httpUri(Params p, String name) {
        String text = p.requiredText(name);
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidInputException(p.owner() + ": '" + name + "' is " + UntrustedText.quote(text) + ", expected an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException(p.owner() + ": '" + name + "' is " + UntrustedText.quote(text) + ", not a URL");
        }
    }

    /** A whole number of at least 1. */
    static long positive(Params p, String name, long fallback) {
        long v = p.longValue(name, fallback);
        if (v < 1) throw new InvalidInputException(p.owner() + ": '" + name + "' is " + v + ", expected 1 or more");
        return v;
    }
}
