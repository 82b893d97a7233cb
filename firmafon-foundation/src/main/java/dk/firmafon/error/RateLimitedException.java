package dk.firmafon.error;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** 429 Too Many Requests, with the service's {@code Retry-After} when it sent one (seconds or an HTTP date). */
public class RateLimitedException extends FirmafonApiException {
    private static final long serialVersionUID = 1L;

    private final @Nullable Duration retryAfter;

    /** For the SDK's modules (and test fakes); applications receive these, they do not create them. */
    public RateLimitedException(Details details, @Nullable Duration retryAfter) {
        super(details);
        this.retryAfter = retryAfter;
    }

    /** How long the service asked the client to wait, parsed from {@code Retry-After}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
