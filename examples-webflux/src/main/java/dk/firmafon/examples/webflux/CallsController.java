package dk.firmafon.examples.webflux;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.firmafon.Firmafon;
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
import reactor.core.publisher.Flux;

/**
 * {@code GET /calls/recent?max=N}: the signed-in user's newest calls as newline-delimited JSON, one call per line as
 * the API names its fields, streamed as the SDK pages through them. The {@link Firmafon} bean sends the signed-in
 * user's token: nothing here knows about users or tokens.
 */
@RestController
class CallsController {
    private final Firmafon firmafon;

    CallsController(Firmafon firmafon) {
        this.firmafon = firmafon;
    }

    @GetMapping(value = "/calls/recent", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<String> recent(@RequestParam(name = "max", defaultValue = "20") int max) {
        if (max < 1 || max > 1000) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "max must be 1 to 1000"));
        }
        return firmafon.calls().list().take(max).map(this::line);
    }

    private String line(Call call) {
        try {
            return firmafon.client().objectMapper().writeValueAsString(call) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write call " + call.callUuid() + " as JSON", e);
        }
    }

    /** Firmafon refused the user's token (and Spring Security forgot it): they must sign in again. */
    @ExceptionHandler({ReauthorizationRequiredException.class, AuthenticationException.class})
    ResponseEntity<Map<String, String>> signInAgain(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "sign_in_again", "message", String.valueOf(e.getMessage())));
    }
}
