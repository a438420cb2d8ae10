package io.tradekit.core.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as UTF-8 text that stops at {@code maxBytes}: past it, the subscription is
 * cancelled (the connection is dropped, nothing more is read) and the body fails with
 * {@link TooLarge}, so that a venue or a proxy answering hundreds of megabytes cannot exhaust memory.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<String> {

    /** The body grew past the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("answer is larger than " + limit + " bytes");
        }
    }

    private final long maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A handler that reads every answer through a new limited body. */
    static HttpResponse.BodyHandler<String> handler(long maxBytes) {
        return info -> new LimitedBody(maxBytes);
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer b : items) {
            if (bytes.size() + (long) b.remaining() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(maxBytes));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toString(StandardCharsets.UTF_8));
    }
}
