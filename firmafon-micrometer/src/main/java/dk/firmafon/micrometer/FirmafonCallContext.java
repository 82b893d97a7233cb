package dk.firmafon.micrometer;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/** What an observation of one Firmafon API call knows: all low-cardinality, nothing secret. */
public final class FirmafonCallContext extends Observation.Context {
    private final String method;
    private final String pathTemplate;
    private volatile int status;
    private volatile int attempts;
    private volatile boolean cancelled;

    FirmafonCallContext(String method, String pathTemplate) {
        this.method = method;
        this.pathTemplate = pathTemplate;
    }

    /** {@code GET}, {@code POST}, ... */
    public String method() {
        return method;
    }

    /** The path template, such as {@code /calls/{uuid}}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The last response's status, or 0 when none arrived (yet). */
    public int status() {
        return status;
    }

    /** The attempts made so far (1 without retries). */
    public int attempts() {
        return attempts;
    }

    /** Whether the caller cancelled the call before it ended. */
    public boolean cancelled() {
        return cancelled;
    }

    /** The failure, if the call failed. */
    public @Nullable Throwable failure() {
        return getError();
    }

    void ended(int status, int attempts, boolean cancelled) {
        this.status = status;
        this.attempts = attempts;
        this.cancelled = cancelled;
    }
}
