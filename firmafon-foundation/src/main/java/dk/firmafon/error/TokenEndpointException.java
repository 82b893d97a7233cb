package dk.firmafon.error;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The token endpoint answered, but not with a usable token. Either an RFC 6749 §5.2 error body
 * ({@link #error()} such as {@code invalid_grant} or {@code invalid_client}, with {@link #errorDescription()}), or a
 * body that is empty, not JSON, or lacks {@code access_token}; then {@link #error()} is empty and
 * {@link #bodyExcerpt()} holds a short, redacted excerpt. {@link #status()} is always the HTTP status.
 */
public class TokenEndpointException extends OAuthException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable String error;
    private final @Nullable String errorDescription;
    private final @Nullable String bodyExcerpt;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public TokenEndpointException(
            String message,
            int status,
            @Nullable String error,
            @Nullable String errorDescription,
            @Nullable String bodyExcerpt) {
        super(message);
        this.status = status;
        this.error = error;
        this.errorDescription = errorDescription;
        this.bodyExcerpt = bodyExcerpt;
    }

    /** The HTTP status of the token endpoint's response. */
    public int status() {
        return status;
    }

    /** The RFC 6749 §5.2 {@code error} code, when the body was a standard OAuth error. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** The {@code error_description}, when sent. */
    public Optional<String> errorDescription() {
        return Optional.ofNullable(errorDescription);
    }

    /** A short excerpt of a non-standard body, with every secret masked. */
    public Optional<String> bodyExcerpt() {
        return Optional.ofNullable(bodyExcerpt);
    }

    /** Whether the grant (authorization code or refresh token) is invalid, expired or revoked. */
    public boolean isInvalidGrant() {
        return "invalid_grant".equals(error);
    }

    /** Whether the status is 5xx: the server failed, and the same request may succeed later. */
    public boolean isServerError() {
        return status >= 500;
    }
}
