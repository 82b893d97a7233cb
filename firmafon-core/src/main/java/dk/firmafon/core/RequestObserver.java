package dk.firmafon.core;

import java.util.function.BiConsumer;
import reactor.util.context.ContextView;

/**
 * Observes whole API calls (one logical call: its attempts, retries and 401 replay included), for traces and
 * metrics; {@code firmafon-micrometer} implements it with Micrometer's Observation API. Every callback gets only
 * low-cardinality facts: the method and the {@linkplain ApiRequest#pathTemplate() path template}, never a path
 * with ids, a query or a credential.
 *
 * <p>Callbacks run on I/O threads: they must be fast, and must not block or throw. The default ({@link #NONE})
 * is left out of the pipeline: it costs nothing.
 */
public interface RequestObserver {
    /** Observes nothing. */
    RequestObserver NONE = (method, pathTemplate, context) -> ObservedCall.NONE;

    /**
     * A call starts: it was subscribed, and its first attempt is about to be prepared.
     *
     * @param context the subscriber's Reactor context, where a caller's current observation or span lives
     */
    ObservedCall start(HttpMethod method, String pathTemplate, ContextView context);

    /** One observed call. Exactly one of the three endings is reported, once. */
    interface ObservedCall {
        /** Observes nothing. */
        ObservedCall NONE = (attempt, headers) -> ObservedAttempt.NONE;

        /**
         * Attempt {@code attempt} (1, 2 for the first retry, ...) is about to be sent.
         *
         * @param headers adds a header to this attempt (a trace context such as {@code traceparent}); headers that
         *     carry credentials or frame the request ({@code Authorization}, {@code Host}, {@code Cookie}, ...) and
         *     values with line breaks are ignored
         */
        ObservedAttempt attempt(int attempt, BiConsumer<String, String> headers);

        /** The call completed: its last response had {@code status}, after {@code attempts} attempts. */
        default void succeeded(int status, int attempts) {}

        /** The call failed; {@code status} is the last response's status, or 0 when none arrived. */
        default void failed(Throwable error, int status, int attempts) {}

        /**
         * The subscriber cancelled the call before it ended; {@code status} is the last response's status (its head
         * had arrived), or 0 when none arrived.
         */
        default void cancelled(int status, int attempts) {}
    }

    /** One attempt of an observed call; at most one of its endings is reported. */
    interface ObservedAttempt {
        /** Observes nothing. */
        ObservedAttempt NONE = new ObservedAttempt() {};

        /** The response head arrived with {@code status}. */
        default void response(int status) {}

        /** The attempt failed before a response arrived (connect failure, reset, timeout). */
        default void failed(Throwable error) {}

        /** The attempt was cancelled before a response arrived. */
        default void cancelled() {}
    }
}
