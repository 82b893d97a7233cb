package dk.firmafon.testkit.internal;

import com.github.tomakehurst.wiremock.common.InputStreamSource;
import java.io.InputStream;

/**
 * Deterministic MP3-like bytes of any length, computed from (seed, position) so a sound of any size is streamed without
 * being held in memory: an ID3v2 header, then 417-byte frames that each start with an MPEG-1 Layer III frame header.
 */
public final class Sound {

    static final int FRAME = 417;
    private static final byte[] ID3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
    private static final byte[] FRAME_HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, (byte) 0x64};

    private Sound() {}

    /** The size of a seeded voice mail's sound: a few kilobytes, growing with its duration. */
    public static long sizeFor(int durationSeconds) {
        return ID3.length + (long) FRAME * (4 + durationSeconds / 2);
    }

    public static InputStreamSource source(long seed, long size) {
        return () -> stream(seed, size);
    }

    public static InputStream stream(long seed, long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? byteAt(seed, position++) & 0xFF : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = byteAt(seed, position++);
                }
                return n;
            }

            @Override
            public long skip(long n) {
                long skipped = Math.max(0, Math.min(n, size - position));
                position += skipped;
                return skipped;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, size - position);
            }
        };
    }

    static byte byteAt(long seed, long position) {
        if (position < ID3.length) {
            return ID3[(int) position];
        }
        int inFrame = (int) ((position - ID3.length) % FRAME);
        if (inFrame < FRAME_HEADER.length) {
            return FRAME_HEADER[inFrame];
        }
        long x = seed * 0x9E3779B97F4A7C15L + position * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        x *= 0x94D049BB133111EBL;
        x ^= x >>> 29;
        return (byte) x;
    }
}
