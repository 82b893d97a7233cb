package dk.firmafon.core.internal;

import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-encoding of path segments and query components: everything but unreserved characters. */
public final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {}

    /** {@code value} with every character except {@code A-Z a-z 0-9 - . _ ~} percent-encoded as UTF-8. */
    public static String encode(String value) {
        if (isUnreserved(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        encodeTo(out, value);
        return out.toString();
    }

    /** Appends {@code value} percent-encoded to {@code out}. */
    public static void encodeTo(StringBuilder out, String value) {
        if (isUnreserved(value)) {
            out.append(value);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }

    private static boolean isUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isUnreserved(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    /**
     * Decodes {@code %XX} escapes (UTF-8) of a value {@link #encode(String)} produced.
     *
     * @throws IllegalArgumentException when an escape is malformed
     */
    public static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException("malformed percent-escape at index " + i);
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("malformed percent-escape at index " + i);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
