package dk.firmafon.testkit;

import com.github.tomakehurst.wiremock.http.Fault;
import dk.firmafon.testkit.internal.FaultPlan;
import dk.firmafon.testkit.internal.FaultPlan.Misbehaviour;
import dk.firmafon.testkit.internal.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Makes the fake misbehave. Each misbehaviour applies to the next {@code times} requests matching a method and a path,
 * then the fake answers normally again; delays last until {@link #clear()} (or the reset between tests).
 *
 * <pre>{@code
 * fake.faults().tooManyRequests("GET", "/calls", 1, Duration.ofSeconds(2));  // then normal
 * fake.faults().serverError("GET", "/calls/*", 2, 503);                      // HTML body, like a proxy
 * fake.faults().connectionReset("POST", "/employees/15/message", 1);
 * fake.faults().delay("GET", "/voice_mails", Duration.ofMillis(500));
 * fake.faults().slowBody("GET", "/calls", Duration.ofSeconds(2));           // head at once, body over 2 s
 * }</pre>
 *
 * <p>A path is below the API base ({@code /calls}) or absolute ({@code /api/v2/calls}); a {@code .json} suffix is
 * ignored; {@code *} stands for any one path segment, and as the method for any method. When several misbehaviours
 * match, the one planned first is used up first.
 */
public final class Faults {

    private final FaultPlan plan;

    Faults(FaultPlan plan) {
        this.plan = plan;
    }

    /** Delays every response by {@code delay}. */
    public Faults delay(Duration delay) {
        return delay("*", "/**", delay);
    }

    /** Delays the responses to requests matching the method and path by {@code delay}. */
    public Faults delay(String method, String path, Duration delay) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        plan.delay(method, path, delay);
        return this;
    }

    /**
     * Answers requests matching the method and path normally, but sends each body slowly: the head at once, the body in
     * a few pieces spread evenly over {@code duration} (until {@link #clear()}). The request is handled (a POST takes
     * effect) before its answer starts.
     */
    public Faults slowBody(String method, String path, Duration duration) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        plan.slowBody(method, path, duration);
        return this;
    }

    /** 429 with {@code Retry-After: <seconds>}. */
    public Faults tooManyRequests(String method, String path, int times, Duration retryAfter) {
        return add(method, path, times, tooMany(Long.toString(retryAfter.toSeconds())));
    }

    /** 429 with {@code Retry-After: <HTTP-date>}. */
    public Faults tooManyRequests(String method, String path, int times, Instant retryAt) {
        return add(
                method,
                path,
                times,
                tooMany(DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt.atOffset(ZoneOffset.UTC))));
    }

    private static Misbehaviour tooMany(String retryAfter) {
        return new Misbehaviour(
                Reply.text(429, "text/plain; charset=utf-8", "Retry later\n").withHeader("Retry-After", retryAfter),
                null);
    }

    /** A 5xx answer with an HTML body, as a proxy in front of the service sends it. */
    public Faults serverError(String method, String path, int times, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("status must be a 5xx status: " + status);
        }
        String title = status + " "
                + switch (status) {
                    case 500 -> "Internal Server Error";
                    case 502 -> "Bad Gateway";
                    case 503 -> "Service Unavailable";
                    case 504 -> "Gateway Time-out";
                    default -> "Server Error";
                };
        String html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return add(method, path, times, new Misbehaviour(Reply.text(status, "text/html", html), null));
    }

    /**
     * Answers exactly {@code body} with {@code status} and {@code contentType} instead of the fake's own answer, for
     * answers the fake would never give (a page that ignores the listing's cursor, a malformed model).
     */
    public Faults answer(String method, String path, int times, int status, String contentType, String body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599: " + status);
        }
        return add(method, path, times, new Misbehaviour(Reply.text(status, contentType, body), null));
    }

    /** The connection is reset by the server (TCP RST) instead of an answer. */
    public Faults connectionReset(String method, String path, int times) {
        return add(method, path, times, new Misbehaviour(null, Fault.CONNECTION_RESET_BY_PEER));
    }

    /** The connection is closed without any answer. */
    public Faults emptyResponse(String method, String path, int times) {
        return add(method, path, times, new Misbehaviour(null, Fault.EMPTY_RESPONSE));
    }

    /** A 200 whose chunked body is malformed, then the connection closes. */
    public Faults malformedChunk(String method, String path, int times) {
        return add(method, path, times, new Misbehaviour(null, Fault.MALFORMED_RESPONSE_CHUNK));
    }

    /** Garbage instead of an HTTP answer, then the connection closes. */
    public Faults randomDataThenClose(String method, String path, int times) {
        return add(method, path, times, new Misbehaviour(null, Fault.RANDOM_DATA_THEN_CLOSE));
    }

    /** Removes every planned misbehaviour and delay. */
    public void clear() {
        plan.clear();
    }

    private Faults add(String method, String path, int times, Misbehaviour misbehaviour) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        plan.add(method, path, times, misbehaviour);
        return this;
    }
}
