package dk.firmafon.core.internal;

import dk.firmafon.auth.Credential;
import dk.firmafon.core.HttpMethod;
import dk.firmafon.foundation.internal.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of one request as the pipeline sees it. Immutable: each decorator derives the copy it needs
 * ({@link #withAttempt(int)} in retry, {@link #withCredential(Credential)} in auth).
 */
public final class Attempt {
    private static final String[] NO_HEADERS = new String[0];

    private final HttpMethod method;
    private final String uri;
    private final String metricsPath;
    /** The low-cardinality path template for metrics and traces, e.g. {@code /calls/{uuid}}. */
    private final String pathTemplate;

    private final byte @Nullable [] body;
    private final boolean idempotent;
    private final boolean binary;
    private final @Nullable String refusal;
    private final int attempt;
    private final @Nullable Credential credential;
    private final String effectiveUri;
    /** Encoded query parameters whose names mark them secret ({@code client_secret=...}), else null. */
    private final @Nullable String hiddenQuery;
    /** {@link #hiddenQuery} and the encoded {@code name=value} of a query-parameter credential, else null. */
    private final @Nullable String credentialParameter;
    /** Extra request headers: name, value, name, value, ... */
    private final String[] headers;
    /** This request's attempt deadline in nanoseconds, or -1 for the client's. */
    private final long attemptNanos;

    private Attempt(
            HttpMethod method,
            String uri,
            String metricsPath,
            String pathTemplate,
            byte @Nullable [] body,
            boolean idempotent,
            boolean binary,
            @Nullable String refusal,
            int attempt,
            @Nullable Credential credential,
            String effectiveUri,
            @Nullable String hiddenQuery,
            @Nullable String credentialParameter,
            String[] headers,
            long attemptNanos) {
        this.method = method;
        this.uri = uri;
        this.metricsPath = metricsPath;
        this.pathTemplate = pathTemplate;
        this.body = body;
        this.idempotent = idempotent;
        this.binary = binary;
        this.refusal = refusal;
        this.attempt = attempt;
        this.credential = credential;
        this.effectiveUri = effectiveUri;
        this.hiddenQuery = hiddenQuery;
        this.credentialParameter = credentialParameter;
        this.headers = headers;
        this.attemptNanos = attemptNanos;
    }

    /**
     * The first attempt of a request.
     *
     * @param uri the absolute URI, query included, credential not yet applied
     * @param metricsPath the path reported to the metrics listener (no query, nothing secret)
     * @param body the JSON body or {@code null}
     * @param idempotent whether the request may be repeated
     * @param binary whether the body is not JSON (downloads accept any type)
     * @param refusal why credentials must not be sent to {@code uri}, or {@code null} when they may
     */
    public static Attempt first(
            HttpMethod method,
            String uri,
            String metricsPath,
            byte @Nullable [] body,
            boolean idempotent,
            boolean binary,
            @Nullable String refusal) {
        return first(method, uri, metricsPath, body, idempotent, binary, refusal, null, NO_HEADERS, -1);
    }

    /**
     * As {@link #first(HttpMethod, String, String, byte[], boolean, boolean, String)}, with query parameters whose
     * names mark them secret kept apart: sent, but never in the URI a library sees (see {@code CredentialQuery}),
     * extra {@code headers} (name, value, ...) and this request's attempt deadline ({@code -1}: the client's).
     */
    public static Attempt first(
            HttpMethod method,
            String uri,
            String metricsPath,
            byte @Nullable [] body,
            boolean idempotent,
            boolean binary,
            @Nullable String refusal,
            @Nullable String hiddenQuery,
            String[] headers,
            long attemptNanos) {
        return new Attempt(
                method,
                uri,
                metricsPath,
                metricsPath,
                body,
                idempotent,
                binary,
                refusal,
                1,
                null,
                withQuery(uri, hiddenQuery),
                hiddenQuery,
                hiddenQuery,
                headers,
                attemptNanos);
    }

    private static String withQuery(String uri, @Nullable String query) {
        return query == null ? uri : uri + (uri.indexOf('?') < 0 ? '?' : '&') + query;
    }

    public Attempt withAttempt(int attempt) {
        return with(attempt, credential, effectiveUri, credentialParameter);
    }

    /** This call reported under {@code template} (see {@link #pathTemplate()}). */
    public Attempt withPathTemplate(String template) {
        return copy(template, attempt, credential, effectiveUri, credentialParameter, headers);
    }

    /** This call with {@code more} headers (name, value, ...) after its own, e.g. a trace context. */
    public Attempt withHeaders(String[] more) {
        if (more.length == 0) {
            return this;
        }
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return copy(pathTemplate, attempt, credential, effectiveUri, credentialParameter, all);
    }

    /** This call carrying {@code credential}; a query-parameter credential is appended to the URI. */
    public Attempt withCredential(Credential credential) {
        String parameter = hiddenQuery;
        if (credential.placement() == Credential.Placement.QUERY_PARAMETER) {
            StringBuilder out = new StringBuilder(credential.value().length() + 16);
            if (hiddenQuery != null) {
                out.append(hiddenQuery).append('&');
            }
            UriEncoding.encodeTo(out, credential.name());
            out.append('=');
            UriEncoding.encodeTo(out, credential.value());
            parameter = out.toString();
        }
        return with(attempt, credential, withQuery(uri, parameter), parameter);
    }

    /** This request with another attempt number or credential; the request itself is the same. */
    private Attempt with(
            int attempt, @Nullable Credential credential, String effectiveUri, @Nullable String credentialParameter) {
        return copy(pathTemplate, attempt, credential, effectiveUri, credentialParameter, headers);
    }

    /** The one copy: the request stays, these parts change. */
    private Attempt copy(
            String pathTemplate,
            int attempt,
            @Nullable Credential credential,
            String effectiveUri,
            @Nullable String credentialParameter,
            String[] headers) {
        return new Attempt(
                method,
                uri,
                metricsPath,
                pathTemplate,
                body,
                idempotent,
                binary,
                refusal,
                attempt,
                credential,
                effectiveUri,
                hiddenQuery,
                credentialParameter,
                headers,
                attemptNanos);
    }

    /** The URI to hand the transport: without a query-parameter credential, which the connection adds itself. */
    public String uriWithoutCredential() {
        return uri;
    }

    /** The encoded secret query parameters and query-parameter credential, or null. Never print them. */
    public @Nullable String credentialParameter() {
        return credentialParameter;
    }

    /** Extra request headers: name, value, name, value, ... Never modify the array. */
    public String[] headers() {
        return headers;
    }

    /** This request's attempt deadline in nanoseconds, or -1 for the client's. */
    public long attemptNanos() {
        return attemptNanos;
    }

    public HttpMethod method() {
        return method;
    }

    /** The URI to send, credential parameter included when there is one. Never print it: use {@link #describe()}. */
    public String effectiveUri() {
        return effectiveUri;
    }

    public String metricsPath() {
        return metricsPath;
    }

    /** The path template: {@code /calls/{uuid}}, never an id (the metrics path itself unless one was given). */
    public String pathTemplate() {
        return pathTemplate;
    }

    public byte @Nullable [] body() {
        return body;
    }

    public boolean idempotent() {
        return idempotent;
    }

    public boolean binary() {
        return binary;
    }

    public @Nullable String refusal() {
        return refusal;
    }

    /** 1 for the first attempt, 2 for the first retry, ... */
    public int attempt() {
        return attempt;
    }

    public @Nullable Credential credential() {
        return credential;
    }

    /** The redacted URI, safe for logs and exception messages. */
    public String redactedUri() {
        return Redaction.uri(effectiveUri);
    }

    /** {@code GET https://host/path?access_token=[REDACTED]}: safe for logs and exception messages. */
    public String describe() {
        return method.name() + ' ' + redactedUri();
    }

    /** {@code " (after 3 attempts)"} when this is not the first attempt, else empty. */
    public String attemptsSuffix() {
        return attempt > 1 ? " (after " + attempt + " attempts)" : "";
    }
}
