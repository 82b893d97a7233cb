package dk.firmafon.micrometer;

import dk.firmafon.core.HttpMethod;
import dk.firmafon.core.RequestObserver;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * Reports every Firmafon API call as a Micrometer {@link Observation}: with a {@code MeterRegistry} handler, one
 * timer {@value DefaultFirmafonObservationConvention#NAME} per method, path template, status and outcome (a million
 * call uuids make one time series); with a tracing handler, a span per call whose children are its attempts
 * ({@value #ATTEMPTS}), each attempt carrying the trace context ({@code traceparent}) on the wire. Retries are
 * events ({@value #RETRY}) on the call. The caller's current observation (in the Reactor context, as Spring
 * WebFlux puts it there) is the parent.
 *
 * <pre>{@code
 * FirmafonClient client = FirmafonClient.builder()
 *         .auth(AuthStrategy.bearer(token))
 *         .requestObserver(FirmafonObservations.of(observationRegistry))
 *         .build();
 * }</pre>
 */
public final class FirmafonObservations implements RequestObserver {
    /** The name of each attempt's observation (a child span of the call's). */
    public static final String ATTEMPTS = "firmafon.client.attempts";
    /** The event each retry adds to the call's observation. */
    public static final String RETRY = "retry";

    /**
     * Where Micrometer keeps the current observation in a Reactor context ({@code ObservationThreadLocalAccessor.KEY},
     * spelled out so this module does not need the context-propagation library).
     */
    static final String OBSERVATION_KEY = "micrometer.observation";

    private static final Observation.Event RETRY_EVENT = Observation.Event.of(RETRY, "a failed attempt was repeated");

    private final ObservationRegistry registry;
    private final @Nullable FirmafonObservationConvention convention;

    private FirmafonObservations(ObservationRegistry registry, @Nullable FirmafonObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
    }

    /** Observations in {@code registry}, named and tagged by {@link DefaultFirmafonObservationConvention}. */
    public static FirmafonObservations of(ObservationRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("registry must not be null");
        }
        return new FirmafonObservations(registry, null);
    }

    /** The same, named and tagged by {@code convention} instead. */
    public FirmafonObservations withConvention(FirmafonObservationConvention convention) {
        if (convention == null) {
            throw new IllegalArgumentException("convention must not be null");
        }
        return new FirmafonObservations(registry, convention);
    }

    @Override
    public ObservedCall start(HttpMethod method, String pathTemplate, ContextView context) {
        if (registry.isNoop()) {
            return ObservedCall.NONE;
        }
        FirmafonCallContext call = new FirmafonCallContext(method.name(), pathTemplate);
        Observation observation = Observation.createNotStarted(
                        convention, DefaultFirmafonObservationConvention.INSTANCE, () -> call, registry)
                .parentObservation(parent(context))
                .start();
        return new Call(observation, call);
    }

    private @Nullable Observation parent(ContextView context) {
        Object parent = context.getOrDefault(OBSERVATION_KEY, null);
        return parent instanceof Observation observation ? observation : registry.getCurrentObservation();
    }

    private final class Call implements ObservedCall {
        private final Observation observation;
        private final FirmafonCallContext context;

        Call(Observation observation, FirmafonCallContext context) {
            this.observation = observation;
            this.context = context;
        }

        @Override
        public ObservedAttempt attempt(int attempt, BiConsumer<String, String> headers) {
            if (attempt > 1) {
                observation.event(RETRY_EVENT);
            }
            FirmafonAttemptContext sent =
                    new FirmafonAttemptContext(context.method(), context.pathTemplate(), attempt, headers);
            Observation child = Observation.createNotStarted(ATTEMPTS, () -> sent, registry)
                    .contextualName("firmafon attempt " + context.method() + " " + context.pathTemplate())
                    .lowCardinalityKeyValues(KeyValues.of(
                            "method", context.method(),
                            "uri", context.pathTemplate(),
                            "attempt", Integer.toString(attempt)))
                    .parentObservation(observation)
                    .start();
            return new ObservedAttempt() {
                @Override
                public void response(int status) {
                    sent.setResponse(status);
                    child.lowCardinalityKeyValues(
                            KeyValues.of("status", Integer.toString(status), "outcome", Outcomes.of(status)));
                    child.stop();
                }

                @Override
                public void failed(Throwable error) {
                    child.lowCardinalityKeyValues(KeyValues.of("status", "NONE", "outcome", "NETWORK_ERROR"));
                    child.error(error);
                    child.stop();
                }

                @Override
                public void cancelled() {
                    child.lowCardinalityKeyValues(KeyValues.of("status", "NONE", "outcome", "CANCELLED"));
                    child.stop();
                }
            };
        }

        @Override
        public void succeeded(int status, int attempts) {
            context.ended(status, attempts, false);
            observation.stop();
        }

        @Override
        public void failed(Throwable error, int status, int attempts) {
            context.ended(status, attempts, false);
            observation.error(error);
            observation.stop();
        }

        @Override
        public void cancelled(int status, int attempts) {
            context.ended(status, attempts, true);
            observation.stop();
        }
    }
}
