package dk.firmafon.spring.boot;

import dk.firmafon.error.AuthenticationException;
import dk.firmafon.error.FirmafonApiException;
import dk.firmafon.error.FirmafonClosedException;
import dk.firmafon.error.FirmafonException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.ForbiddenException;
import dk.firmafon.error.NotFoundException;
import dk.firmafon.error.RateLimitedException;
import dk.firmafon.error.ReauthorizationRequiredException;
import dk.firmafon.error.UnprocessableEntityException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Opt-in ({@code firmafon.web.problem-details.enabled=true}): an SDK failure that reaches a controller of the
 * application becomes an RFC 9457 {@code application/problem+json} answer with a status that says whose problem it
 * is, instead of a 500. Works for WebFlux and MVC alike (a {@code @RestControllerAdvice}).
 *
 * <table>
 *   <caption>The mapping</caption>
 *   <tr><th>SDK failure</th><th>status</th></tr>
 *   <tr><td>an argument the SDK refused before sending (a malformed uuid, a bad number)</td><td>400</td></tr>
 *   <tr><td>{@link NotFoundException}</td><td>404</td></tr>
 *   <tr><td>{@link ForbiddenException} (e.g. the product the resource needs is missing)</td><td>403</td></tr>
 *   <tr><td>{@link ReauthorizationRequiredException} (the signed-in user must sign in to Firmafon again)</td>
 *       <td>401</td></tr>
 *   <tr><td>{@link UnprocessableEntityException}</td><td>422</td></tr>
 *   <tr><td>{@link RateLimitedException}</td><td>429, with {@code Retry-After} when Firmafon sent one</td></tr>
 *   <tr><td>{@link FirmafonIoException} of a timeout kind</td><td>504</td></tr>
 *   <tr><td>{@link FirmafonClosedException} (the application is shutting down)</td><td>503</td></tr>
 *   <tr><td>any other {@link FirmafonException}: 5xx at Firmafon, the service's own credential refused, a
 *       connection failure</td><td>502</td></tr>
 * </table>
 *
 * <p>A problem carries a fixed title and a fixed detail for its kind, and the Firmafon status where there was one:
 * never the SDK's message, a request's URI, a token, a phone number or a name (for a refused argument, only the
 * argument's name). Log the exception itself for the diagnosis; the SDK's message is redacted there too.
 */
@RestControllerAdvice
public class FirmafonProblemDetails {
    private static final Set<FirmafonIoException.Kind> TIMEOUTS = EnumSet.of(
            FirmafonIoException.Kind.CONNECT_TIMEOUT,
            FirmafonIoException.Kind.TLS_HANDSHAKE_TIMEOUT,
            FirmafonIoException.Kind.RESPONSE_TIMEOUT,
            FirmafonIoException.Kind.ATTEMPT_TIMEOUT,
            FirmafonIoException.Kind.OVERALL_TIMEOUT,
            FirmafonIoException.Kind.POOL_ACQUIRE_TIMEOUT);

    /** The answer for an SDK failure. */
    @ExceptionHandler(FirmafonException.class)
    public ResponseEntity<ProblemDetail> firmafonFailure(FirmafonException failure) {
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.status(status(failure)).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (failure instanceof RateLimitedException limited) {
            limited.retryAfter()
                    .map(Duration::toSeconds)
                    .ifPresent(seconds -> answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds))));
        }
        return answer.body(problem(failure));
    }

    /**
     * An argument the SDK refused before anything was sent: 400 naming the argument (never its value). Any other
     * {@link IllegalArgumentException} is the application's own and is left to its handlers (a 500, as before).
     */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> refusedArgument(IllegalArgumentException refused) throws Exception {
        if (!thrownBySdk(refused)) {
            throw refused;
        }
        String message = refused.getMessage() == null ? "" : refused.getMessage();
        int space = message.indexOf(' ');
        String argument = space > 0 ? message.substring(0, space) : "an argument";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The request to Firmafon was refused before it was sent: " + argument + " is not valid.");
        problem.setTitle("Invalid argument for Firmafon");
        problem.setProperty("argument", argument);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Whether the SDK's own argument checks threw it (the first frame in an SDK package, not this starter's). */
    static boolean thrownBySdk(IllegalArgumentException refused) {
        StackTraceElement[] trace = refused.getStackTrace();
        if (trace.length == 0) {
            return false;
        }
        String thrower = trace[0].getClassName();
        return thrower.startsWith("dk.firmafon.") && !thrower.startsWith("dk.firmafon.spring.");
    }

    /** The status {@code failure} is answered with (see the class documentation). */
    public static HttpStatus status(FirmafonException failure) {
        if (failure instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (failure instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (failure instanceof ReauthorizationRequiredException) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (failure instanceof UnprocessableEntityException) {
            return HttpStatus.valueOf(422); // UNPROCESSABLE_CONTENT in Spring 7, UNPROCESSABLE_ENTITY before
        }
        if (failure instanceof RateLimitedException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (failure instanceof FirmafonIoException io && TIMEOUTS.contains(io.kind())) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        if (failure instanceof FirmafonClosedException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.BAD_GATEWAY;
    }

    private static ProblemDetail problem(FirmafonException failure) {
        HttpStatus status = status(failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(failure, status));
        problem.setTitle(title(status));
        if (failure instanceof FirmafonApiException api) {
            problem.setProperty("firmafonStatus", api.status());
        }
        return problem;
    }

    private static String title(HttpStatus status) {
        return switch (status.value()) {
            case 404 -> "Not found at Firmafon";
            case 403 -> "Not allowed by Firmafon";
            case 401 -> "Sign in to Firmafon again";
            case 422 -> "Refused by Firmafon";
            case 429 -> "Rate limited by Firmafon";
            case 504 -> "Firmafon did not answer in time";
            case 503 -> "Shutting down";
            default -> "Firmafon is unavailable";
        };
    }

    private static String detail(FirmafonException failure, HttpStatus status) {
        if (failure instanceof AuthenticationException) {
            return "Firmafon refused this service's credential.";
        }
        return switch (status.value()) {
            case 404 -> "Firmafon has no such resource.";
            case 403 -> "Firmafon does not allow this for the account (a product may be missing).";
            case 401 -> "The signed-in user's Firmafon authorization has ended.";
            case 422 -> "Firmafon refused the request's data.";
            case 429 -> "Too many requests to Firmafon; try again later.";
            case 504 -> "Firmafon did not answer in time.";
            case 503 -> "The service is shutting down.";
            default -> "Firmafon could not be reached or failed.";
        };
    }
}
