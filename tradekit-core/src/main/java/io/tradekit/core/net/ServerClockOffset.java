package io.tradekit.core.net;

import io.tradekit.api.InvalidInputException;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * How far a venue's clock is ahead of ours, estimated from repeated server-time samples so that signed
 * requests carry a timestamp the venue accepts even when the local clock drifts.
 *
 * <p>Each sample is corrected for its round trip: the server read its clock somewhere between our send
 * and our receive, so the best guess is the midpoint, {@code offset = server - (sent + received) / 2}.
 * The estimate is the median of the most recent samples, so one slow or odd answer cannot move it.
 * Thread-safe.
 */
public final class ServerClockOffset {

    private final int capacity;
    private final Deque<long[]> samples = new ArrayDeque<>();
    private long lastSampleLocalMillis = Long.MIN_VALUE;
    /** The median of the kept samples, worked out when they change: every signed request reads it. */
    private volatile long offset;

    /**
     * Keeps the {@code capacity} most recent samples.
     *
     * @param capacity how many samples to keep; 1 or more
     * @throws InvalidInputException if {@code capacity} is below 1
     */
    public ServerClockOffset(int capacity) {
        if (capacity < 1) {
            throw new InvalidInputException("server clock samples: capacity must be 1 or more, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Adds a sample: the local clock when the time request left, the server's time in the answer, and the
     * local clock when the answer arrived (all epoch milliseconds).
     *
     * @param sentLocalMillis the local clock when the request left
     * @param serverMillis the server's time in the answer
     * @param receivedLocalMillis the local clock when the answer arrived; not before {@code sentLocalMillis}
     * @throws InvalidInputException if the answer arrived before the request left
     */
    public synchronized void addSample(long sentLocalMillis, long serverMillis, long receivedLocalMillis) {
        if (receivedLocalMillis < sentLocalMillis) {
            throw new InvalidInputException("server clock sample: received at " + receivedLocalMillis
                    + " is before sent at " + sentLocalMillis);
        }
        long midpoint = sentLocalMillis + (receivedLocalMillis - sentLocalMillis) / 2;
        samples.addLast(new long[] {serverMillis - midpoint, receivedLocalMillis - sentLocalMillis});
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
        lastSampleLocalMillis = receivedLocalMillis;
        offset = median();
    }

    /** Drops every sample, e.g. after the venue said our timestamp was outside its window. */
    public synchronized void clear() {
        samples.clear();
        lastSampleLocalMillis = Long.MIN_VALUE;
        offset = 0;
    }

    /**
     * The median offset of the kept samples (server minus local), or 0 before the first sample.
     *
     * @return the offset in milliseconds; positive when the venue's clock is ahead
     */
    public long offsetMillis() {
        return offset;
    }

    private long median() {
        if (samples.isEmpty()) {
            return 0;
        }
        long[] offsets = samples.stream().mapToLong(s -> s[0]).toArray();
        Arrays.sort(offsets);
        int mid = offsets.length / 2;
        return offsets.length % 2 == 1 ? offsets[mid] : Math.floorDiv(offsets[mid - 1] + offsets[mid], 2);
    }

    /**
     * The venue's time now, by the estimate.
     *
     * @param localMillis a local epoch time in milliseconds
     * @return the venue's epoch time in milliseconds, by the estimate
     */
    public long serverMillis(long localMillis) {
        return localMillis + offsetMillis();
    }

    /**
     * How many samples are kept now.
     *
     * @return the count, at most the capacity
     */
    public synchronized int sampleCount() {
        return samples.size();
    }

    /**
     * When the last sample arrived (local epoch milliseconds), if any.
     *
     * @return the local epoch milliseconds of the last sample, or empty when none is kept
     */
    public synchronized OptionalLong lastSampleAt() {
        return samples.isEmpty() ? OptionalLong.empty() : OptionalLong.of(lastSampleLocalMillis);
    }

    /**
     * Whether the offset can be used as it is, with no new sample: at least {@code minSamples} are kept and the newest
     * arrived less than {@code maxAge} before {@code localNowMillis}.
     *
     * @param localNowMillis the local epoch milliseconds now
     * @param minSamples how many samples make the offset trustworthy
     * @param maxAge how old the newest sample may be
     * @return true when no sample needs to be taken first
     */
    public synchronized boolean isFresh(long localNowMillis, int minSamples, java.time.Duration maxAge) {
        return samples.size() >= minSamples && localNowMillis - lastSampleLocalMillis < maxAge.toMillis();
    }
}
