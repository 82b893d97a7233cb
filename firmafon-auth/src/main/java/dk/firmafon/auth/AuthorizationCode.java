package dk.firmafon.auth;

import dk.firmafon.foundation.internal.Checks;

/**
 * The one-shot authorization code from the callback ({@code code=...}), to be exchanged for a token once. Its
 * {@code toString()} never shows the value.
 */
public final class AuthorizationCode {
    private final String value;

    private AuthorizationCode(String value) {
        this.value = value;
    }

    /**
     * Wraps a code the application extracted from the callback itself.
     *
     * @throws IllegalArgumentException when {@code code} is null, blank or contains whitespace
     */
    public static AuthorizationCode of(String code) {
        return new AuthorizationCode(Checks.token("code", code));
    }

    /** The code. A secret: never log it. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthorizationCode c && c.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "AuthorizationCode{[REDACTED]}";
    }
}
