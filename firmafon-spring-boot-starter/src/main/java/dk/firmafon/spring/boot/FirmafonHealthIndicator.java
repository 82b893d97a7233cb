package dk.firmafon.spring.boot;

import dk.firmafon.auth.OAuth2Auth;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.error.FirmafonApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Whether Firmafon answers this application's credential: one {@code GET /employee}, never retried, within the
 * probe's timeout (5 s by default). Up when it does; down with the error's kind and (redacted) message when it does
 * not; down at once when the client is shutting down. A result is reused for {@code firmafon.health.cache-for} (30 s
 * by default), so a probe every few seconds costs at most one API call per interval; with
 * {@code firmafon.health.call-api=false} the indicator never calls the API and reports the client's own state. With
 * per-user OAuth there is no service-wide credential to try: the status is then unknown, and says so.
 */
public final class FirmafonHealthIndicator implements ReactiveHealthIndicator {
    private final FirmafonClient client;
    private final boolean callApi;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private final AtomicReference<Checked> last = new AtomicReference<>();
    private volatile boolean shuttingDown;

    private record Checked(Instant at, Health health) {}

    /** The defaults: calls the API, 5 s timeout, a result reused for 30 s. */
    public FirmafonHealthIndicator(FirmafonClient client) {
        this(client, true, Duration.ofSeconds(5), Duration.ofSeconds(30), Clock.systemUTC());
    }

    /**
     * @param callApi whether a probe calls the API; false reports the client's state only
     * @param timeout the bound of one API call
     * @param cacheFor how long a result is reused; zero calls the API on every probe
     */
    public FirmafonHealthIndicator(
            FirmafonClient client, boolean callApi, Duration timeout, Duration cacheFor, Clock clock) {
        dk.firmafon.foundation.internal.Checks.positive("firmafon.health.timeout", timeout);
        if (cacheFor == null || cacheFor.isNegative()) {
            throw new IllegalArgumentException("firmafon.health.cache-for must not be negative, was " + cacheFor);
        }
        this.client = client;
        this.callApi = callApi;
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
        client.onShutdown().subscribe(null, error -> shuttingDown = true, () -> shuttingDown = true);
    }

    @Override
    public Mono<Health> health() {
        if (shuttingDown) {
            return Mono.just(Health.down()
                    .withDetail("baseUri", client.baseUri().toString())
                    .withDetail("reason", "the client is shutting down")
                    .build());
        }
        if (!callApi) {
            return Mono.just(Health.up()
                    .withDetail("baseUri", client.baseUri().toString())
                    .withDetail("check", "the client's state only (firmafon.health.call-api=false)")
                    .build());
        }
        if (client.auth() instanceof OAuth2Auth) {
            return Mono.just(Health.unknown()
                    .withDetail("baseUri", client.baseUri().toString())
                    .withDetail("reason", "requests are made as each signed-in user: no service-wide credential")
                    .build());
        }
        Checked recent = last.get();
        if (recent != null && clock.instant().isBefore(recent.at().plus(cacheFor))) {
            return Mono.just(recent.health());
        }
        // a probe is answered or not: never retried (withIdempotent(false)), bounded per attempt and as a whole
        return client.retrieveJson(
                        ApiRequest.get("/employee").withIdempotent(false).withTimeout(timeout))
                .timeout(timeout)
                .map(ignored -> Health.up()
                        .withDetail("baseUri", client.baseUri().toString())
                        .build())
                .onErrorResume(error -> Mono.just(Health.down()
                        .withDetail("baseUri", client.baseUri().toString())
                        .withDetail("status", error instanceof FirmafonApiException api ? api.status() : "no response")
                        .withDetail("error", error.getClass().getSimpleName() + ": " + error.getMessage())
                        .build()))
                .doOnNext(health -> last.set(new Checked(clock.instant(), health)));
    }
}
