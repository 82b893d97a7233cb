package dk.firmafon.examples.webflux;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.firmafon.calls.model.Call;
import dk.firmafon.error.AuthenticationException;
import dk.firmafon.error.ReauthorizationRequiredException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;

/**
 * {@code GET /calls/recent?max=N}: the signed-in user's newest calls as newline-delimited JSON, one call per line as
 * the API names its fields (written by the SDK's own mapper), streamed as the SDK pages through them.
 */
@RestController
class CallsController {
    private final SignedInUsers users;

    CallsController(SignedInUsers users) {
        this.users = users;
    }

    @GetMapping(value = "/calls/recent", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<String> recent(@RequestParam(name = "max", defaultValue = "20") int max, WebSession session) {
        if (max < 1 || max > 1000) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "max must be 1 to 1000"));
        }
        return users.userKey(session)
                .map(userKey -> users.calls(userKey).list().take(max).map(this::line))
                .orElseGet(() ->
                        Flux.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in first: /login")));
    }

    private String line(Call call) {
        try {
            return users.client().objectMapper().writeValueAsString(call) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write call " + call.callUuid() + " as JSON", e);
        }
    }

    /** The user's token is gone or was refused: they must sign in again. */
    @ExceptionHandler({ReauthorizationRequiredException.class, AuthenticationException.class})
    ResponseEntity<Map<String, String>> signInAgain(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "sign_in_again", "message", String.valueOf(e.getMessage())));
    }
}
