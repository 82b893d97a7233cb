package dk.firmafon.auth;

import dk.firmafon.foundation.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A token the OAuth 2.0 token endpoint issued: {@code access_token} always, the other RFC 6749 §5.1 fields when the
 * server sent them. {@link #receivedAt()} is when the SDK received it (from the client's injected clock), so the
 * expiry needs no trust in the server's clock. Applications that persist tokens store these fields and rebuild the
 * token with {@link #builder()}. {@code toString()} never shows the access or refresh token.
 */
@Value.Immutable
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        jdkOnly = true,
        redactedMask = "[REDACTED]",
        defaults = @Value.Immutable(copy = true))
public abstract class OAuthToken {

    OAuthToken() {}

    /** The access token ({@code access_token}). A secret: never log it. */
    @Value.Redacted
    public abstract String accessToken();

    /** {@code token_type}, usually {@code Bearer}. */
    public abstract Optional<String> tokenType();

    /** {@code expires_in}: how long the access token lives after {@link #receivedAt()}. */
    public abstract Optional<Duration> expiresIn();

    /** {@code refresh_token}, when the server issues them. A secret: never log it. */
    @Value.Redacted
    public abstract Optional<String> refreshToken();

    /** {@code scope}, the granted scopes as the server wrote them. */
    public abstract Optional<String> scope();

    /** {@code created_at} (seconds since the epoch), as the server reported it; informational only. */
    public abstract Optional<Instant> createdAt();

    /** When the SDK received the token, by the client's clock. */
    public abstract Instant receivedAt();

    /** When the access token expires: {@link #receivedAt()} plus {@link #expiresIn()}, if the server said. */
    @Value.Derived
    @Value.Auxiliary
    public Optional<Instant> expiresAt() {
        return expiresIn().map(receivedAt()::plus);
    }

    /** Whether the access token has expired at {@code now}; a token without {@code expires_in} never does. */
    public final boolean isExpiredAt(Instant now) {
        return expiresAt().map(at -> !now.isBefore(at)).orElse(false);
    }

    @Value.Check
    final void check() {
        Checks.token("accessToken", accessToken());
        refreshToken().ifPresent(refreshToken -> Checks.token("refreshToken", refreshToken));
        expiresIn().ifPresent(expiresIn -> {
            if (expiresIn.isNegative()) {
                throw new IllegalArgumentException("expiresIn must not be negative");
            }
        });
    }

    /** A builder, e.g. to restore a token the application persisted. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OAuthToken}; {@code accessToken} and {@code receivedAt} are required. */
    public static final class Builder extends ImmutableOAuthToken.Builder {
        Builder() {}
    }
}
