package io.tradekit.core.net;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class SizeLimitedDraftTest {

    private static final int LIMIT = 300;

    /** One frame as RFC 6455 writes it: FIN and text, the shortest length encoding, a masking key when {@code masked}. */
    private static void frame(ByteArrayOutputStream out, int payload, boolean masked, boolean longForm) {
        out.write(0x81);
        int mask = masked ? 0x80 : 0;
        if (longForm) {
            out.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) out.write((int) ((long) payload >>> shift) & 0xFF);
        } else if (payload < 126) {
            out.write(mask | payload);
        } else {
            out.write(mask | 126);
            out.write(payload >> 8);
            out.write(payload & 0xFF);
        }
        if (masked) out.writeBytes(new byte[] {1, 2, 3, 4});
        out.writeBytes(new byte[payload]);
    }

    @Test
    void theFirstFrameOverTheLimitIsFoundWhereverTheReadsSplitTheStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, 5, false, false);
        frame(out, 200, false, false);
        frame(out, 30, true, false);
        frame(out, 300, false, true); // at the limit, in the 64-bit form: accepted
        int refusedAt = out.size();
        frame(out, 301, false, false); // one byte over
        byte[] stream = out.toByteArray();

        for (int split = 0; split <= stream.length; split++) {
            SizeLimitedDraft.FrameBoundaries boundaries = new SizeLimitedDraft.FrameBoundaries(LIMIT);
            ByteBuffer first = ByteBuffer.wrap(stream, 0, split);
            ByteBuffer second = ByteBuffer.wrap(stream, split, stream.length - split);
            int inFirst = boundaries.refusedFrameAt(first);
            if (split >= refusedAt + 4) {
                // the refused frame's whole header (two bytes and a 16-bit length) is in the first read
                assertThat(inFirst).as("split at %d", split).isEqualTo(refusedAt);
            } else {
                assertThat(inFirst).as("split at %d", split).isEqualTo(-1);
                // its header starts in the second read, or begins in the first and ends in the second (then: the second read's start)
                assertThat(boundaries.refusedFrameAt(second)).as("split at %d", split).isEqualTo(Math.max(refusedAt, split));
            }
            assertThat(first.position()).isZero();
        }
    }

    @Test
    void framesWithinTheLimitAreNeverRefusedAcrossManyReads() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 50; i++) frame(out, (i * 37) % (LIMIT + 1), i % 3 == 0, i % 7 == 0);
        byte[] stream = out.toByteArray();
        for (int chunk = 1; chunk <= 64; chunk++) {
            SizeLimitedDraft.FrameBoundaries boundaries = new SizeLimitedDraft.FrameBoundaries(LIMIT);
            for (int at = 0; at < stream.length; at += chunk) {
                ByteBuffer read = ByteBuffer.wrap(stream, at, Math.min(chunk, stream.length - at));
                assertThat(boundaries.refusedFrameAt(read)).as("chunk %d at %d", chunk, at).isEqualTo(-1);
            }
        }
    }
}
