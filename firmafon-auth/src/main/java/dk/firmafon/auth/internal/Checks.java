package dk.firmafon.auth.internal;

import java.net.URI;

/** Build-time argument checks whose messages name the field but never echo a secret value. */
public final class Checks {
    private Checks() {
    }

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

    /** A value that must be given, e.g. a request object or a duration. */
    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    /** An absolute URI, such as a redirect URI. */
    public static URI absoluteUri(String field, URI value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (!value.isAbsolute() || value.getHost() == null) {
            throw new IllegalArgumentException(field + " must be an absolute URI with a host, was: " + Redaction.uri(value));
        }
        return value;
    }
}
