package io.tradekit.kraken.sim;

/** A refusal in Kraken's words: the answer is HTTP 200 with {@code {"error":[message]}}. */
final class VenueError extends RuntimeException {
    VenueError(String krakenError) {
        super(krakenError, null, false, false);
    }
}
