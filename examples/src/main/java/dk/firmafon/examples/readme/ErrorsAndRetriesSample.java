package dk.firmafon.examples.readme;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.model.Contact;
import dk.firmafon.error.AuthenticationException;
import dk.firmafon.error.FirmafonApiException;
import dk.firmafon.error.NotFoundException;
import dk.firmafon.error.RateLimitedException;
import dk.firmafon.net.RetryPolicy;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** README, "Errors, retries and timeouts". */
final class ErrorsAndRetriesSample {
    private ErrorsAndRetriesSample() {}

    static Firmafon configured(String token) {
        // [readme]
        Firmafon firmafon = Firmafon.builder()
                .auth(AuthStrategy.bearer(token))
                .client(client -> client.connectTimeout(Duration.ofSeconds(5))
                        .responseTimeout(Duration.ofSeconds(20))
                        .retryPolicy(RetryPolicy.builder()
                                .maxAttempts(4)
                                .initialBackoff(Duration.ofMillis(200))
                                .build()))
                .build();
        // [readme]
        return firmafon;
    }

    static Mono<String> handled(Firmafon firmafon, long contactId) {
        // [readme]
        // Every error is a FirmafonException delivered in the stream; messages name status, method and the redacted
        // URL.
        return firmafon.contacts()
                .get(contactId)
                .map(contact -> contact.name().orElse("(no name)"))
                .onErrorResume(NotFoundException.class, e -> Mono.just("no such contact"))
                .onErrorResume(
                        AuthenticationException.class, e -> Mono.error(new IllegalStateException("sign in again", e)))
                .onErrorResume(RateLimitedException.class, e -> Mono.delay(
                                e.retryAfter().orElse(Duration.ofSeconds(1)))
                        .then(firmafon.contacts().get(contactId).map(Contact::toString)))
                .doOnError(
                        FirmafonApiException.class,
                        e -> System.err.println(e.status() + " " + e.method() + " " + e.uri()));
        // [readme]
    }
}
