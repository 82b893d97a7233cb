package dk.firmafon.examples.webflux;

import dk.firmafon.auth.AuthorizationCode;
import dk.firmafon.auth.AuthorizationRequest;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.error.OAuthCallbackException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * "Sign in with Firmafon": {@code /login} sends the browser to Firmafon with a fresh state (and PKCE verifier) kept
 * in the session; {@code /login/callback} checks the state, exchanges the code, stores the token under a new random
 * user key, renews the session id and sends the browser on to the calls.
 */
@RestController
class SignInController {
    private static final String STATE = "firmafon.state";
    private static final String CODE_VERIFIER = "firmafon.codeVerifier";

    private final OAuth2Client oauth;
    private final SignedInUsers users;

    SignInController(OAuth2Client oauth, SignedInUsers users) {
        this.oauth = oauth;
        this.users = users;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_PLAIN_VALUE)
    Mono<String> home(WebSession session) {
        return Mono.just(
                users.userKey(session).isPresent()
                        ? "Signed in. Your recent calls: /calls/recent\n"
                        : "Not signed in. Sign in with Firmafon: /login\n");
    }

    @GetMapping("/login")
    Mono<ResponseEntity<Void>> login(WebSession session) {
        // the state and PKCE verifier come from SecureRandom, which may read the OS: off the event loop
        return Mono.fromCallable(oauth::authorizationRequest)
                .subscribeOn(Schedulers.boundedElastic())
                .map(request -> {
                    session.getAttributes().put(STATE, request.state());
                    request.codeVerifier()
                            .ifPresent(verifier -> session.getAttributes().put(CODE_VERIFIER, verifier));
                    return ResponseEntity.status(HttpStatus.FOUND)
                            .location(request.uri())
                            .<Void>build();
                });
    }

    @GetMapping("/login/callback")
    Mono<ResponseEntity<Void>> callback(@RequestParam Map<String, String> parameters, WebSession session) {
        String state = session.getAttribute(STATE);
        if (state == null) {
            return Mono.error(new OAuthCallbackException("no sign-in is in progress in this session: start at /login"));
        }
        AuthorizationRequest request = oauth.authorizationRequest(state, session.getAttribute(CODE_VERIFIER));
        session.getAttributes().remove(STATE);
        session.getAttributes().remove(CODE_VERIFIER);
        return Mono.fromCallable(() -> oauth.authorizationCode(parameters, request))
                .flatMap(code -> signIn(session, code, request))
                .thenReturn(ResponseEntity.status(HttpStatus.FOUND)
                        .location(URI.create("/calls/recent"))
                        .<Void>build());
    }

    private Mono<Void> signIn(WebSession session, AuthorizationCode code, AuthorizationRequest request) {
        return Mono.fromCallable(() -> UUID.randomUUID().toString())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(userKey -> oauth.exchangeAndStore(userKey, code, request)
                        .then(session.changeSessionId())
                        .doOnSuccess(done -> session.getAttributes().put(SignedInUsers.USER_KEY, userKey)));
    }

    /** A callback that fails the state check, carries an error (e.g. access_denied) or no code. */
    @ExceptionHandler(OAuthCallbackException.class)
    ResponseEntity<Map<String, String>> callbackFailed(OAuthCallbackException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(Map.of("error", "sign_in_failed", "message", e.getMessage()));
    }
}
