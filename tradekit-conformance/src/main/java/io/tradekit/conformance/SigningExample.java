package io.tradekit.conformance;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One signing example from a venue's documentation: where it is, the signature the document prints,
 * and the adapter's own signing code applied to the document's inputs.
 *
 * <pre>{@code new SigningExample("rest-api.md, SIGNED endpoint example (non-ASCII)",
 *         "e1353ec6...", () -> signer.sign(query, ""))}</pre>
 *
 * @param source              where the example is in the venue's documentation
 * @param documentedSignature the signature the document prints
 * @param computedByAdapter   computes the signature of the document's inputs with the adapter's own signing code
 */
public record SigningExample(String source, String documentedSignature, Supplier<String> computedByAdapter) {
    /**
     * Checks that every part is given.
     *
     * @throws NullPointerException when a part is null
     */
    public SigningExample {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(documentedSignature, "documentedSignature");
        Objects.requireNonNull(computedByAdapter, "computedByAdapter");
    }
}
