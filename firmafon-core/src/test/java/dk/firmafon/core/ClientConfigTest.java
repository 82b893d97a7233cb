package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.netty.NettyHttpClient;
import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.FirmafonClosedException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.ServerErrorException;
import dk.firmafon.net.RetryPolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

class ClientConfigTest extends WireMockTest {

    @Test
    void theUserAgentNamesTheSdkAndItsBuiltVersion() {
        assertThat(FirmafonClient.userAgent()).matches("firmafon-java-sdk/\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void aMutatedClientSharesThePoolAndClosingItLeavesTheOriginalWorking() {
        server.stubFor(get(urlPathEqualTo(path("/employee"))).willReturn(okJson("{\"employee\": {}}")));
        FirmafonClient original = client();
        FirmafonClient derived =
                original.mutate().auth(AuthStrategy.basic(TOKEN)).build();

        StepVerifier.create(derived.execute(ApiRequest.get("/employee")))
                .expectComplete()
                .verify(TIMEOUT);
        derived.close();
        StepVerifier.create(original.execute(ApiRequest.get("/employee")))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(derived.baseUri()).isEqualTo(original.baseUri());
        assertThat(derived.auth()).isNotSameAs(original.auth());
        server.verify(getRequestedFor(urlPathEqualTo(path("/employee")))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Basic .*")));
    }

    @Test
    void closingAClientReleasesItsPoolWhichItsMutatedCopiesShare() {
        server.stubFor(get(urlPathEqualTo(path("/employee"))).willReturn(okJson("{\"employee\": {}}")));
        FirmafonClient original = client();
        Mono<Void> assembledBeforeClose = original.execute(ApiRequest.get("/employee"));
        FirmafonClient derived =
                original.mutate().auth(AuthStrategy.basic(TOKEN)).build();
        StepVerifier.create(derived.execute(ApiRequest.get("/employee")))
                .expectComplete()
                .verify(TIMEOUT);

        original.close();

        StepVerifier.create(assembledBeforeClose)
                .expectError(FirmafonClosedException.class)
                .verify(TIMEOUT);
        StepVerifier.create(original.execute(ApiRequest.get("/employee")))
                .expectErrorMatches(e -> e instanceof FirmafonClosedException closed
                        && !closed.requestMayHaveBeenSent()
                        && e.getMessage().equals("this FirmafonClient is closed; the request was not sent"))
                .verify(TIMEOUT);
        StepVerifier.create(derived.execute(ApiRequest.get("/employee")))
                .expectErrorMatches(e -> e instanceof FirmafonClosedException
                        && e.getMessage()
                                .equals(
                                        "this FirmafonClient is closed (the client whose connection pool it shares was closed); "
                                                + "the request was not sent"))
                .verify(TIMEOUT);
        server.verify(1, getRequestedFor(urlPathEqualTo(path("/employee"))));
    }

    @Test
    void closeGracefullyReportsABadTimeoutInTheStreamAndClosesNothing() {
        server.stubFor(get(urlPathEqualTo(path("/employee"))).willReturn(okJson("{\"employee\": {}}")));
        FirmafonClient client = client();
        Mono<Void> negative = client.closeGracefully(java.time.Duration.ofSeconds(-1));
        StepVerifier.create(negative)
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("timeout must be zero or positive, was PT-1S"))
                .verify(TIMEOUT);
        StepVerifier.create(client.closeGracefully(null))
                .expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(client.execute(ApiRequest.get("/employee")))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void onShutdownCompletesWhenTheClientOrThePoolItSharesBeginsToShutDown() {
        FirmafonClient original = client();
        FirmafonClient derived =
                original.mutate().auth(AuthStrategy.basic(TOKEN)).build();
        StepVerifier.create(derived.onShutdown())
                .then(original::close)
                .expectComplete()
                .verify(TIMEOUT);
        FirmafonClient draining = client();
        StepVerifier.create(draining.onShutdown())
                .then(() -> draining.closeGracefully(java.time.Duration.ofSeconds(5))
                        .subscribe())
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(draining.onShutdown()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aClientWithNoDefaultUserRefusesItsOwnCallsAndServesEveryUserThroughWithAuth() {
        server.stubFor(get(urlPathEqualTo(path("/employee"))).willReturn(okJson("{\"employee\": {}}")));
        FirmafonClient application =
                FirmafonClient.builder().baseUri(baseUri()).noDefaultUser().build();
        try {
            StepVerifier.create(application.execute(ApiRequest.get("/employee")))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("withAuth(oauth.forUser(userKey))")
                            .hasMessageContaining("nothing was sent"))
                    .verify(TIMEOUT);
            server.verify(0, getRequestedFor(urlPathEqualTo(path("/employee"))));
            StepVerifier.create(application.withAuth(AuthStrategy.bearer(TOKEN)).execute(ApiRequest.get("/employee")))
                    .expectComplete()
                    .verify(TIMEOUT);
            server.verify(
                    1,
                    getRequestedFor(urlPathEqualTo(path("/employee")))
                            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        } finally {
            application.close();
        }
    }

    @Test
    void aUserSuppliedNettyClientIsUsedAndNeverClosedByTheSdk() {
        server.stubFor(get(urlPathEqualTo(path("/employee"))).willReturn(okJson("{\"employee\": {}}")));
        ConnectionProvider pool = ConnectionProvider.create("user-pool", 2);
        try {
            FirmafonClient client = client(b ->
                    b.httpClient(NettyHttpClient.of(HttpClient.create(pool).headers(h -> h.set("X-Custom", "yes")))));

            StepVerifier.create(client.execute(ApiRequest.get("/employee")))
                    .expectComplete()
                    .verify(TIMEOUT);
            client.close();

            assertThat(pool.isDisposed()).isFalse();
            server.verify(getRequestedFor(urlPathEqualTo(path("/employee")))
                    .withHeader("X-Custom", equalTo("yes"))
                    .withHeader("Accept", equalTo("application/json")));
        } finally {
            pool.dispose();
        }
    }

    @Test
    void theExchangeListenerHearsEveryAttempt() {
        server.stubFor(
                get(urlPathEqualTo(path("/calls"))).willReturn(aResponse().withStatus(503)));
        server.stubFor(
                get(urlPathEqualTo(path("/reset"))).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        List<String> heard = new CopyOnWriteArrayList<>();
        ExchangeListener listener = new ExchangeListener() {
            @Override
            public void onResponse(HttpMethod method, String path, int status, int attempt, long elapsedNanos) {
                heard.add(method + " " + path + " " + status + " #" + attempt);
            }

            @Override
            public void onFailure(HttpMethod method, String path, Throwable error, int attempt, long elapsedNanos) {
                heard.add(method + " " + path + " " + error.getClass().getSimpleName() + " #" + attempt);
            }
        };
        FirmafonClient client = client(b -> b.exchangeListener(listener).retryPolicy(fastRetries(2)));

        StepVerifier.create(client.execute(ApiRequest.get("/calls").withQuery("limit", 1)))
                .expectError(ServerErrorException.class)
                .verify(TIMEOUT);
        StepVerifier.create(client.execute(ApiRequest.get("/reset").withIdempotent(false)))
                .expectError(FirmafonIoException.class)
                .verify(TIMEOUT);

        assertThat(heard)
                .containsExactly("GET /calls 503 #1", "GET /calls 503 #2", "GET /reset FirmafonIoException #1");
    }

    @Test
    void builderArgumentsAreCheckedNamingTheArgument() {
        assertThatThrownBy(() -> FirmafonClient.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("auth must be set");
        assertThatThrownBy(() -> FirmafonClient.builder().responseTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("responseTimeout");
        assertThatThrownBy(() -> FirmafonClient.builder().baseUri(java.net.URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("baseUri");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("jitter");
    }

    @Test
    void badArgumentsAreDeliveredInTheStreamNotThrown() {
        FirmafonClient client = client();

        StepVerifier.create(client.retrieve(null, "contact", Object.class))
                .expectErrorMessage("request must not be null")
                .verify(TIMEOUT);
        StepVerifier.create(client.retrieve(ApiRequest.get("/x"), "contact", null))
                .expectErrorMessage("type must not be null")
                .verify(TIMEOUT);
        StepVerifier.create(client.paginate(null))
                .expectErrorMessage("paging must not be null")
                .verify(TIMEOUT);
        StepVerifier.create(client.execute(ApiRequest.post("/x").withBody(new Object())))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("body could not be written as JSON"))
                .verify(TIMEOUT);
    }

    @Test
    void apiRequestEncodesPathSegmentsAndKeepsQueryOrder() {
        assertThat(ApiRequest.pathSegment("a0000000-0000-4000-8000-000000000003"))
                .isEqualTo("a0000000-0000-4000-8000-000000000003");
        assertThat(ApiRequest.pathSegment("../admin")).isEqualTo("..%2Fadmin");
        assertThat(ApiRequest.pathSegment("..")).isEqualTo("%2E%2E");
        assertThat(ApiRequest.pathSegment("Reception#1 æ")).isEqualTo("Reception%231%20%C3%A6");
        ApiRequest request =
                ApiRequest.get("calls").withQuery("b", 2).withQuery("a", null).withQuery("c", "x y");
        assertThat(request.path()).isEqualTo("/calls");
        assertThat(request.query()).containsExactly(java.util.Map.entry("b", "2"), java.util.Map.entry("c", "x y"));
        assertThat(request.idempotent()).isTrue();
        assertThat(ApiRequest.post("/x").idempotent()).isFalse();
        assertThatThrownBy(() -> ApiRequest.get("/calls?limit=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("path must not contain '?'");
    }
}
