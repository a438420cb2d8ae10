package io.tradekit.core.net;

import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.TextFrame;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Java-WebSocket's RFC 6455 framing with a limit on an inbound frame's size that loses nothing before the frame it
 * refuses. The library decodes every frame of one socket read before it hands any on, and a frame over its limit
 * throws out of that decoding: the frames that came before it in the same read were then dropped without a trace. Here
 * the frame boundaries are followed ahead of the library's decoding ({@link FrameBoundaries}), the frames before a
 * refused one are decoded and handed on first, and the refusal follows them, closing the connection with 1009 (too
 * big) as the library does.
 */
final class SizeLimitedDraft extends Draft_6455 {

    private final int limit;
    private final FrameBoundaries boundaries;
    /** Stands, in the list of decoded frames, for the refused one: processing it closes the connection. */
    private final Framedata refusedFrame = new TextFrame();
    private LimitExceededException refused;

    SizeLimitedDraft(int limit) {
        super(List.of(), limit);
        this.limit = limit;
        this.boundaries = new FrameBoundaries(limit);
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        if (refused != null) throw refused;
        int refusedAt = boundaries.refusedFrameAt(buffer);
        if (refusedAt < 0) return super.translateFrame(buffer);
        ByteBuffer before = buffer.duplicate();
        before.limit(refusedAt);
        List<Framedata> frames = new ArrayList<>(super.translateFrame(before));
        // the rest of the read is the refused frame's: the connection closes on it
        buffer.position(buffer.limit());
        refused = new LimitExceededException("a frame is larger than " + limit + " bytes", limit);
        frames.add(refusedFrame);
        return frames;
    }

    @Override
    public void processFrame(WebSocketImpl webSocket, Framedata frame) throws InvalidDataException {
        if (frame == refusedFrame) throw refused;
        super.processFrame(webSocket, frame);
    }

    @Override
    public Draft copyInstance() {
        return new SizeLimitedDraft(limit);
    }

    @Override
    public void reset() {
        super.reset();
        boundaries.reset();
        refused = null;
    }

    /**
     * Follows an inbound byte stream frame by frame (RFC 6455 section 5.2 headers: two bytes, an extended length of 2
     * or 8 bytes, a masking key of 4 when masked), across socket reads, to find the first frame whose declared payload
     * is over the limit before any of its payload is read.
     */
    static final class FrameBoundaries {
        private static final int MAX_HEADER = 14;

        private final long limit;
        private final byte[] header = new byte[MAX_HEADER];
        private int headerRead;
        private long payloadLeft;

        FrameBoundaries(long limit) {
            this.limit = limit;
        }

        /**
         * Reads {@code buffer} from its position to its limit without moving it. Returns the index at which the first
         * frame over the limit starts (the buffer's position when its header began in an earlier read), or -1 when no
         * frame in it is over the limit.
         */
        int refusedFrameAt(ByteBuffer buffer) {
            int frameStart = buffer.position();
            int i = buffer.position();
            int end = buffer.limit();
            while (i < end) {
                if (payloadLeft > 0) {
                    int skipped = (int) Math.min(payloadLeft, end - i);
                    payloadLeft -= skipped;
                    i += skipped;
                    continue;
                }
                if (headerRead == 0) frameStart = i;
                header[headerRead++] = buffer.get(i++);
                int headerLength = headerLength();
                if (headerLength < 0 || headerRead < headerLength) continue;
                long payload = payloadLength();
                headerRead = 0;
                if (payload > limit) return frameStart;
                payloadLeft = payload;
            }
            return -1;
        }

        void reset() {
            headerRead = 0;
            payloadLeft = 0;
        }

        /** The whole header's length once its first two bytes are read, -1 before. */
        private int headerLength() {
            if (headerRead < 2) return -1;
            int length7 = header[1] & 0x7F;
            int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
            int mask = (header[1] & 0x80) != 0 ? 4 : 0;
            return 2 + extended + mask;
        }

        private long payloadLength() {
            int length7 = header[1] & 0x7F;
            if (length7 < 126) return length7;
            int bytes = length7 == 126 ? 2 : 8;
            long length = 0;
            for (int k = 0; k < bytes; k++) length = (length << 8) | (header[2 + k] & 0xFF);
            // the most significant bit of a 64-bit length must be 0; one that is not is no size this side accepts
            return length < 0 ? Long.MAX_VALUE : length;
        }
    }
}
