package dk.firmafon.error;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API answered with an error status. Carries the status, the method, the redacted URI, the response headers
 * (secret ones masked), what the service said ({@code status}/{@code message} or {@code error}/{@code error_description})
 * when the body has it, a short redacted excerpt of any other body, and how many attempts were made.
 *
 * <p>Subtypes exist for the statuses a caller typically handles ({@link AuthenticationException},
 * {@link ForbiddenException}, {@link NotFoundException}, {@link UnprocessableEntityException},
 * {@link RateLimitedException}, {@link ServerErrorException}); any other status is this class itself.
 * {@link #from(Details)} picks the type for a status.
 *
 * <pre>{@code
 * GET https://app.firmafon.dk/api/v2/calls/x -> 404 Not Found: Call not found
 * }</pre>
 */
public class FirmafonApiException extends FirmafonException {
    private static final long serialVersionUID = 1L;

    /**
     * What is known about a failed exchange. Every string is already safe to print: {@code uri} is redacted,
     * secret header values are masked and {@code bodyExcerpt} is redacted and short.
     *
     * @param status the HTTP status code
     * @param reason the status' reason phrase, e.g. {@code Not Found}
     * @param method the HTTP method, e.g. {@code GET}
     * @param uri the redacted request URI
     * @param headers the response headers (secret values masked)
     * @param serviceStatus the body's {@code status} field, e.g. {@code failure}
     * @param serviceMessage the body's {@code message} field
     * @param error the body's OAuth {@code error} field, e.g. {@code invalid_grant}
     * @param errorDescription the body's OAuth {@code error_description} field
     * @param bodyExcerpt a short redacted excerpt of a body that was not a JSON object, or {@code null}
     * @param attempts how many attempts were made, retries included (at least 1)
     */
    public record Details(
            int status,
            String reason,
            String method,
            String uri,
            Map<String, List<String>> headers,
            @Nullable String serviceStatus,
            @Nullable String serviceMessage,
            @Nullable String error,
            @Nullable String errorDescription,
            @Nullable String bodyExcerpt,
            int attempts)
            implements Serializable {

        /** Copies {@code headers} so the record stays immutable. */
        public Details {
            headers = Map.copyOf(headers);
        }

        /** The same details with a different attempt count. */
        public Details withAttempts(int attempts) {
            return new Details(
                    status,
                    reason,
                    method,
                    uri,
                    headers,
                    serviceStatus,
                    serviceMessage,
                    error,
                    errorDescription,
                    bodyExcerpt,
                    attempts);
        }
    }

    private final Details details;

    /** An API error described by {@code details}; {@link #from(Details)} picks the subtype for a status. */
    public FirmafonApiException(Details details) {
        this(details, "");
    }

    /** An API error whose message ends with {@code note} (e.g. which product the resource needs). */
    protected FirmafonApiException(Details details, String note) {
        super(message(details) + note);
        this.details = details;
    }

    /** The exception type for {@code details.status()}: 401, 403, 404, 422, 429, 5xx or this generic one. */
    public static FirmafonApiException from(Details details) {
        int status = details.status();
        if (status == 401) {
            return new AuthenticationException(details);
        }
        if (status == 403) {
            return new ForbiddenException(details);
        }
        if (status == 404) {
            return new NotFoundException(details);
        }
        if (status == 422) {
            return new UnprocessableEntityException(details);
        }
        if (status == 429) {
            return new RateLimitedException(details, null);
        }
        if (status >= 500 && status <= 599) {
            return new ServerErrorException(details);
        }
        return new FirmafonApiException(details);
    }

    /** Everything known about the failed exchange, already safe to print. */
    public Details details() {
        return details;
    }

    /** The HTTP status code, e.g. {@code 404}. */
    public int status() {
        return details.status();
    }

    /** The HTTP method of the failed request, e.g. {@code GET}. */
    public String method() {
        return details.method();
    }

    /** The request URI with every secret query parameter masked. */
    public String uri() {
        return details.uri();
    }

    /** Response headers by lower-case name; values of secret headers are masked. */
    public Map<String, List<String>> headers() {
        return details.headers();
    }

    /** The body's {@code status} field (the live service sends {@code "failure"}). */
    public Optional<String> serviceStatus() {
        return Optional.ofNullable(details.serviceStatus());
    }

    /** The body's {@code message} field. */
    public Optional<String> serviceMessage() {
        return Optional.ofNullable(details.serviceMessage());
    }

    /** The body's OAuth {@code error} code. */
    public Optional<String> error() {
        return Optional.ofNullable(details.error());
    }

    /** The body's OAuth {@code error_description}. */
    public Optional<String> errorDescription() {
        return Optional.ofNullable(details.errorDescription());
    }

    /** A short redacted excerpt of a body that was not a JSON object (an HTML error page, say). */
    public Optional<String> bodyExcerpt() {
        return Optional.ofNullable(details.bodyExcerpt());
    }

    /** How many attempts were made, retries included. */
    public int attempts() {
        return details.attempts();
    }

    private static String message(Details d) {
        StringBuilder message = new StringBuilder(128)
                .append(d.method())
                .append(' ')
                .append(d.uri())
                .append(" -> ")
                .append(d.status());
        if (!d.reason().isEmpty()) {
            message.append(' ').append(d.reason());
        }
        String said = firstNonNull(d.serviceMessage(), d.errorDescription(), d.error(), d.bodyExcerpt());
        String statusLine = (d.status() + " " + d.reason()).trim();
        if (said != null
                && !said.strip().equalsIgnoreCase(statusLine)
                && !said.strip().equals(String.valueOf(d.status()))) {
            message.append(": ").append(said);
        } else if (said == null && d.bodyExcerpt() == null) {
            message.append(" (empty body)");
        }
        if (d.status() == 404) {
            String what = lastSegments(d.uri());
            if (!what.isEmpty()) {
                message.append(" (nothing at ").append(what).append(": it does not exist, or this user cannot see it)");
            }
        }
        if (d.attempts() > 1) {
            message.append(" (after ").append(d.attempts()).append(" attempts)");
        } else if ("POST".equals(d.method()) && isRepeatableStatus(d.status())) {
            message.append(" (not retried: a POST may have taken effect on the server although it failed;"
                    + " check before sending it again)");
        }
        return message.toString();
    }

    private static boolean isRepeatableStatus(int status) {
        return status == 408 || status == 429 || status >= 500 && status <= 599;
    }

    /** {@code employees/99999} of {@code https://host/api/v2/employees/99999?x=1}: the resource and its id. */
    private static String lastSegments(String uri) {
        String path = uri;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String[] segments = path.split("/");
        List<String> kept = new java.util.ArrayList<>(2);
        for (int i = segments.length - 1; i >= 0 && kept.size() < 2; i--) {
            if (!segments[i].isEmpty()) {
                kept.add(0, segments[i]);
            }
        }
        return String.join("/", kept);
    }

    private static @Nullable String firstNonNull(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
