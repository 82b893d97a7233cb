package dk.firmafon.foundation.internal;

import java.net.URI;
import java.util.Locale;

/** Build-time argument checks whose messages name the field but never echo a secret value. */
public final class Checks {
    private Checks() {}

    /**
     * A token, secret or id: not null, not blank, no whitespace or control characters.
     *
     * @throws IllegalArgumentException naming {@code field}
     */
    public static String token(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException(field + " must not contain whitespace or control characters");
            }
        }
        return value;
    }

    /**
     * A name or key that is not a secret (e.g. a user key): not null, not blank, no control characters.
     *
     * @throws IllegalArgumentException naming {@code field}
     */
    public static String text(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return value;
    }

    /**
     * A timeout, interval or lifetime: set, above zero. The SDK's one wording of the rule.
     *
     * @throws IllegalArgumentException naming {@code field} and the value given
     */
    public static java.time.Duration positive(String field, java.time.Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    /** A value that must be given, e.g. a request object or a duration. */
    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    /**
     * An absolute URI with a host, such as a redirect URI or an endpoint, without user info or a fragment (a second
     * URL parser, Netty's, would read {@code http://user:pw@host} or {@code http://a:1#@b:2} differently, and a
     * query appended after a fragment would never reach the server).
     */
    public static URI absoluteUri(String field, URI value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (!value.isAbsolute() || value.getHost() == null) {
            throw new IllegalArgumentException(
                    field + " must be an absolute URI with a host, was: " + Redaction.uri(value));
        }
        if (value.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    field + " must not contain user info (user:password@), was: " + Redaction.uri(value));
        }
        if (value.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    field + " must not contain a fragment (#...), was: " + Redaction.uri(value));
        }
        return value;
    }

    /**
     * {@code uri} rebuilt from the parts {@link URI} parsed ({@code scheme://host[:port]path[?query]}, scheme in
     * lower case, port as a number): the exact string handed to the transport, so that what was checked is what is
     * connected to. The URI must have passed {@link #absoluteUri(String, URI)}.
     */
    public static String canonical(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path + (query == null ? "" : "?" + query);
    }

    /**
     * Whether {@code host} names this machine: {@code localhost}, {@code *.localhost}, {@code 127.x.x.x} or
     * {@code ::1}. Textual only: nothing is resolved (no DNS, nothing blocks).
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        if (!h.startsWith("127.")) {
            return false;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty()
                    || part.length() > 3
                    || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * A URI secrets are sent to: https, or plain http only to a loopback host unless {@code allowInsecureHttp}.
     *
     * @throws IllegalArgumentException naming {@code field}
     */
    public static URI secureUri(String field, URI value, boolean allowInsecureHttp) {
        if (isPlainHttpRefused(value, allowInsecureHttp)) {
            throw new IllegalArgumentException(field + " must be https (plain http would expose the client secret"
                    + " and tokens), was: " + Redaction.uri(value) + "; allowInsecureHttp(true) if you really mean it");
        }
        return value;
    }

    /**
     * The SDK's one plain-http rule, for API calls and token requests alike: credentials may cross plain
     * {@code http://} only to a loopback host, or anywhere when the application set {@code allowInsecureHttp}.
     */
    public static boolean isPlainHttpRefused(URI target, boolean allowInsecureHttp) {
        return "http".equalsIgnoreCase(target.getScheme()) && !allowInsecureHttp && !isLoopback(target.getHost());
    }
}
