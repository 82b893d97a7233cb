package dk.firmafon.core;

/**
 * Hears about every HTTP attempt, for metrics. Called on I/O threads: implementations must be fast and must not
 * block or throw. The default ({@link #NONE}) does nothing and costs nothing. Tag metrics with the path template
 * ({@code /calls/{uuid}}), never the path: one time series per call uuid would exhaust a metrics backend. For
 * Micrometer, {@code firmafon-micrometer} reports whole API calls as observations instead.
 *
 * <pre>{@code
 * FirmafonClient.builder().exchangeListener(new ExchangeListener() {
 *     public void onResponse(
 *             HttpMethod method, String path, String pathTemplate, int status, int attempt, long elapsedNanos) {
 *         timer(method, pathTemplate, status).record(elapsedNanos, TimeUnit.NANOSECONDS);
 *     }
 * })
 * }</pre>
 */
public interface ExchangeListener {
    /** Does nothing. */
    ExchangeListener NONE = new ExchangeListener() {};

    /** Tells {@code first}, then {@code second}; either may be {@link #NONE}. */
    static ExchangeListener both(ExchangeListener first, ExchangeListener second) {
        if (first == null || second == null) {
            throw new IllegalArgumentException("listeners must not be null");
        }
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return new ExchangeListener() {
            @Override
            public void onResponse(
                    HttpMethod method, String path, String pathTemplate, int status, int attempt, long elapsedNanos) {
                first.onResponse(method, path, pathTemplate, status, attempt, elapsedNanos);
                second.onResponse(method, path, pathTemplate, status, attempt, elapsedNanos);
            }

            @Override
            public void onFailure(
                    HttpMethod method,
                    String path,
                    String pathTemplate,
                    Throwable error,
                    int attempt,
                    long elapsedNanos) {
                first.onFailure(method, path, pathTemplate, error, attempt, elapsedNanos);
                second.onFailure(method, path, pathTemplate, error, attempt, elapsedNanos);
            }
        };
    }

    /**
     * A response head arrived (any status).
     *
     * @param path the request path without query (an absolute URI's scheme, host and path), never a secret
     * @param attempt 1 for the first attempt, 2 for the first retry, ...
     * @param elapsedNanos from sending the attempt to the response head
     */
    default void onResponse(HttpMethod method, String path, int status, int attempt, long elapsedNanos) {}

    /**
     * A response head arrived (any status); {@code pathTemplate} is {@link ApiRequest#pathTemplate()}, such as
     * {@code /calls/{uuid}}. By default calls {@link #onResponse(HttpMethod, String, int, int, long)}.
     */
    default void onResponse(
            HttpMethod method, String path, String pathTemplate, int status, int attempt, long elapsedNanos) {
        onResponse(method, path, status, attempt, elapsedNanos);
    }

    /** The attempt failed before a response arrived (connect failure, reset, timeout). */
    default void onFailure(HttpMethod method, String path, Throwable error, int attempt, long elapsedNanos) {}

    /**
     * The attempt failed before a response arrived, with the path template. By default calls
     * {@link #onFailure(HttpMethod, String, Throwable, int, long)}.
     */
    default void onFailure(
            HttpMethod method, String path, String pathTemplate, Throwable error, int attempt, long elapsedNanos) {
        onFailure(method, path, error, attempt, elapsedNanos);
    }
}
