package dk.firmafon.error;

import dk.firmafon.foundation.internal.Redaction;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The authorization endpoint redirected back with an error (RFC 6749 §4.1.2.1), e.g. {@code access_denied} when
 * the user declined. Carries {@link #error()} and, when sent, {@link #errorDescription()} and {@link #errorUri()}.
 */
public class AuthorizationErrorException extends OAuthCallbackException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final @Nullable String errorDescription;
    private final @Nullable String errorUri;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public AuthorizationErrorException(String error, @Nullable String errorDescription, @Nullable String errorUri) {
        super("authorization failed: " + Redaction.excerpt(error, 64)
                + (errorDescription == null ? "" : " (" + Redaction.excerpt(errorDescription, 200) + ")"));
        this.error = error;
        this.errorDescription = errorDescription;
        this.errorUri = errorUri;
    }

    /** The RFC 6749 error code, e.g. {@code access_denied}, {@code invalid_scope}, {@code server_error}. */
    public String error() {
        return error;
    }

    /** The server's human-readable {@code error_description}, if sent. */
    public Optional<String> errorDescription() {
        return Optional.ofNullable(errorDescription);
    }

    /** The server's {@code error_uri}, if sent. */
    public Optional<String> errorUri() {
        return Optional.ofNullable(errorUri);
    }

    /** Whether the user (or the server) declined the authorization request. */
    public boolean isAccessDenied() {
        return "access_denied".equals(error);
    }
}
