package io.tradekit.conformance;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One signing example from a venue's documentation: where it is, the signature the document prints,
 * and the adapter's own signing code applied to the document's inputs.
 *
 * <pre>{@code new SigningExample("rest-api.md, SIGNED endpoint example (non-ASCII)",
 *         "e1353ec6...", () -> signer.sign(query, ""))}</pre>
 */
public record SigningExample(String source, String documentedSignature, Supplier<String> computedByAdapter) {
    public SigningExample {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(documentedSignature, "documentedSignature");
        Objects.requireNonNull(computedByAdapter, "computedByAdapter");
    }
}
