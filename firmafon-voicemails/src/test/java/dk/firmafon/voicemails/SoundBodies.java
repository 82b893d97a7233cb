package dk.firmafon.voicemails;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic recording bodies of any size, and streaming SHA-256 of bodies and files. */
final class SoundBodies {
    private static final int CHUNK = 64 * 1024;

    private SoundBodies() {}

    /** The whole body of {@code size} bytes (for the server side only). */
    static byte[] bytes(int size) {
        byte[] body = new byte[size];
        fill(body, 0, size);
        return body;
    }

    /** SHA-256 of {@link #bytes(int)}, generated chunk by chunk. */
    static String sha256(long size) {
        MessageDigest digest = sha256();
        byte[] chunk = new byte[CHUNK];
        for (long offset = 0; offset < size; offset += CHUNK) {
            int length = (int) Math.min(CHUNK, size - offset);
            fill(chunk, offset, length);
            digest.update(chunk, 0, length);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of a file's bytes, read chunk by chunk. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                digest.update(chunk, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Byte {@code i} of every body is byte {@code i % 8} of splitmix64({@code i / 8}): no short period. */
    private static void fill(byte[] target, long offset, int length) {
        for (int i = 0; i < length; i++) {
            long index = offset + i;
            target[i] = (byte) (mix(index >>> 3) >>> ((index & 7) * 8));
        }
    }

    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
