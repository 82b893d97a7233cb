package dk.firmafon.micrometer;

import io.micrometer.common.KeyValues;

/**
 * {@value #NAME}, tagged {@code method}, {@code uri} (the path template), {@code operation}
 * ({@code "GET /calls/{uuid}"}), {@code status} (or {@code NONE}), {@code outcome} ({@code SUCCESS},
 * {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code NETWORK_ERROR} (no response at all), {@code CANCELLED}, ...), {@code attempts}
 * and {@code exception} (the failure's simple class name, or {@code none}); named {@code firmafon GET /calls/{uuid}}
 * in traces.
 */
public class DefaultFirmafonObservationConvention implements FirmafonObservationConvention {
    /** The observation's (and so the timer's) name. */
    public static final String NAME = "firmafon.client.requests";

    /** The convention as shipped. */
    public static final DefaultFirmafonObservationConvention INSTANCE = new DefaultFirmafonObservationConvention();

    /** For subclasses that add or change tags. */
    public DefaultFirmafonObservationConvention() {}

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(FirmafonCallContext context) {
        return "firmafon " + context.method() + " " + context.pathTemplate();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(FirmafonCallContext context) {
        Throwable failure = context.failure();
        int status = context.status();
        return KeyValues.of(
                "method", context.method(),
                "uri", context.pathTemplate(),
                "operation", context.method() + " " + context.pathTemplate(),
                "status", status == 0 ? "NONE" : Integer.toString(status),
                "outcome", outcome(context, failure, status),
                "attempts", Integer.toString(context.attempts()),
                "exception", failure == null ? "none" : failure.getClass().getSimpleName());
    }

    /** The outcome tag's value. */
    protected String outcome(FirmafonCallContext context, Throwable failure, int status) {
        if (context.cancelled()) {
            return "CANCELLED";
        }
        if (failure != null && status == 0) {
            return "NETWORK_ERROR";
        }
        return Outcomes.of(status);
    }
}
