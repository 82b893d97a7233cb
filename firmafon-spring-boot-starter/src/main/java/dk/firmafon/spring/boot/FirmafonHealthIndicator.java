package dk.firmafon.spring.boot;

import dk.firmafon.auth.OAuth2Auth;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.error.FirmafonApiException;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Whether Firmafon answers this application's credential: {@code GET /employee} within 5 s. Up when it does; down
 * with the error's kind and (redacted) message when it does not. With per-user OAuth there is no service-wide
 * credential to try: the status is then unknown, and says so.
 */
public final class FirmafonHealthIndicator implements ReactiveHealthIndicator {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FirmafonClient client;

    public FirmafonHealthIndicator(FirmafonClient client) {
        this.client = client;
    }

    @Override
    public Mono<Health> health() {
        if (client.auth() instanceof OAuth2Auth) {
            return Mono.just(Health.unknown()
                    .withDetail("baseUri", client.baseUri().toString())
                    .withDetail("reason", "requests are made as each signed-in user: no service-wide credential")
                    .build());
        }
        return client.retrieveJson(ApiRequest.get("/employee"))
                .timeout(TIMEOUT)
                .map(ignored -> Health.up()
                        .withDetail("baseUri", client.baseUri().toString())
                        .build())
                .onErrorResume(error -> Mono.just(Health.down()
                        .withDetail("baseUri", client.baseUri().toString())
                        .withDetail("status", error instanceof FirmafonApiException api ? api.status() : "no response")
                        .withDetail("error", error.getClass().getSimpleName() + ": " + error.getMessage())
                        .build()));
    }
}
