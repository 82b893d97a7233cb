package dk.firmafon.micrometer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.testing.FirmafonWireMock;
import dk.firmafon.error.FirmafonApiException;
import dk.firmafon.net.RetryPolicy;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class FirmafonObservationsTest {
    /** The bound of every wait in this test. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    @RegisterExtension
    static final FirmafonWireMock wire = FirmafonWireMock.atRoot();

    private static final RetryPolicy FAST = RetryPolicy.builder()
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build();

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private static ApiRequest call(String uuid) {
        return ApiRequest.get("/calls/{uuid}", uuid);
    }

    private FirmafonClient client(ObservationRegistry registry) {
        return wire.client(
                b -> b.requestObserver(FirmafonObservations.of(registry)).retryPolicy(FAST));
    }

    @Test
    void aCallIsOneObservationTaggedWithItsTemplateAndItsAttemptIsAChild() {
        wire.stubFor(get(urlPathMatching("/calls/.*")).willReturn(okJson("{\"call\":{\"call_uuid\":\"x\"}}")));
        TestObservationRegistry registry = TestObservationRegistry.create();
        List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
        String uuid = uuid();
        StepVerifier.create(client(registry).retrieve(call(uuid), "call", JsonNode.class))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(DefaultFirmafonObservationConvention.NAME, 1)
                .hasObservationWithNameEqualTo(DefaultFirmafonObservationConvention.NAME)
                .that()
                .hasBeenStarted()
                .hasBeenStopped()
                .hasContextualNameEqualTo("firmafon GET /calls/{uuid}")
                .hasLowCardinalityKeyValue("uri", "/calls/{uuid}")
                .hasLowCardinalityKeyValue("method", "GET")
                .hasLowCardinalityKeyValue("operation", "GET /calls/{uuid}")
                .hasLowCardinalityKeyValue("status", "200")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasLowCardinalityKeyValue("attempts", "1")
                .hasLowCardinalityKeyValue("exception", "none")
                .doesNotHaveError();
        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo(FirmafonObservations.ATTEMPTS)
                .that()
                .hasLowCardinalityKeyValue("status", "200")
                .hasLowCardinalityKeyValue("attempt", "1")
                .hasParentObservationContextMatching(
                        parent -> parent.getName().equals(DefaultFirmafonObservationConvention.NAME));
        assertThat(stopped).hasSize(2);
        assertThat(stopped.toString()).doesNotContain(uuid).doesNotContain(FirmafonWireMock.TOKEN);
    }

    /** Counted down when the first attempt starts ({@code started}) or stops (its response head arrived). */
    private static CountDownLatch attempt(ObservationRegistry registry, boolean started) {
        CountDownLatch latch = new CountDownLatch(1);
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof FirmafonAttemptContext;
            }

            @Override
            public void onStart(Observation.Context context) {
                if (started) {
                    latch.countDown();
                }
            }

            @Override
            public void onStop(Observation.Context context) {
                latch.countDown();
            }
        });
        return latch;
    }

    @Test
    void aCallCancelledWhileItsBodyIsStillArrivingKeepsTheStatusItGot() throws InterruptedException {
        StringBuilder page = new StringBuilder("{\"calls\":[");
        for (int i = 0; i < 2_000; i++) {
            page.append(i == 0 ? "" : ",").append("{\"call_uuid\":\"").append(i).append("\"}");
        }
        wire.stubFor(get(urlPathMatching("/calls"))
                .willReturn(okJson(page.append("]}").toString()).withChunkedDribbleDelay(20, 4_000)));
        TestObservationRegistry registry = TestObservationRegistry.create();
        CountDownLatch headArrived = attempt(registry, false);
        reactor.core.Disposable call =
                client(registry).retrieveJson(ApiRequest.get("/calls")).subscribe();
        assertThat(headArrived.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        call.dispose();
        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo(DefaultFirmafonObservationConvention.NAME)
                .that()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("uri", "/calls")
                .hasLowCardinalityKeyValue("status", "200")
                .hasLowCardinalityKeyValue("outcome", "CANCELLED");
    }

    @Test
    void aCallCancelledBeforeAnyResponseHasNoStatus() throws InterruptedException {
        wire.stubFor(get(urlPathMatching("/calls/.*"))
                .willReturn(okJson("{\"call\":{\"call_uuid\":\"x\"}}").withFixedDelay(5_000)));
        TestObservationRegistry registry = TestObservationRegistry.create();
        CountDownLatch attemptStarted = attempt(registry, true);
        reactor.core.Disposable call =
                client(registry).retrieve(call(uuid()), "call", JsonNode.class).subscribe();
        assertThat(attemptStarted.await(10, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        call.dispose();
        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo(DefaultFirmafonObservationConvention.NAME)
                .that()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("status", "NONE")
                .hasLowCardinalityKeyValue("outcome", "CANCELLED");
        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo(FirmafonObservations.ATTEMPTS)
                .that()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("outcome", "CANCELLED");
    }

    @Test
    void aHundredDifferentCallsMakeOneTimerNotAHundred() {
        wire.stubFor(get(urlPathMatching("/calls/.*")).willReturn(okJson("{\"call\":{\"call_uuid\":\"x\"}}")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        FirmafonClient client = client(registry);
        List<String> uuids = java.util.stream.Stream.generate(FirmafonObservationsTest::uuid)
                .limit(100)
                .toList();
        Flux.fromIterable(uuids)
                .concatMap(uuid -> client.retrieve(call(uuid), "call", JsonNode.class))
                .blockLast(Duration.ofSeconds(30));
        List<Timer> timers = List.copyOf(
                meters.find(DefaultFirmafonObservationConvention.NAME).timers());
        assertThat(timers).hasSize(1);
        assertThat(timers.get(0).count()).isEqualTo(100);
        assertThat(timers.get(0).getId().getTag("uri")).isEqualTo("/calls/{uuid}");
        assertThat(meters.find(FirmafonObservations.ATTEMPTS).timers()).hasSize(1);
        assertThat(meters.getMeters())
                .allSatisfy(meter -> assertThat(meter.getId().toString()).doesNotContainPattern("[0-9a-f]{8}-"));
    }

    @Test
    void aRetryIsAnEventOnTheCallAndASecondAttempt() {
        wire.stubFor(get(urlEqualTo("/calls/abc"))
                .inScenario("retry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("second"));
        wire.stubFor(get(urlEqualTo("/calls/abc"))
                .inScenario("retry")
                .whenScenarioStateIs("second")
                .willReturn(okJson("{\"call\":{\"call_uuid\":\"abc\"}}")));
        TestObservationRegistry registry = TestObservationRegistry.create();
        StepVerifier.create(client(registry).retrieve(call("abc"), "call", JsonNode.class))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(FirmafonObservations.ATTEMPTS, 2)
                .hasObservationWithNameEqualTo(DefaultFirmafonObservationConvention.NAME)
                .that()
                .hasLowCardinalityKeyValue("attempts", "2")
                .hasLowCardinalityKeyValue("status", "200")
                .hasEvent(FirmafonObservations.RETRY);
    }

    @Test
    void aFailedCallCarriesItsStatusOutcomeAndError() {
        wire.stubFor(get(urlEqualTo("/calls/gone"))
                .willReturn(aResponse().withStatus(404).withBody("{\"status\":\"failure\"}")));
        TestObservationRegistry registry = TestObservationRegistry.create();
        StepVerifier.create(client(registry).retrieve(call("gone"), "call", JsonNode.class))
                .expectError(FirmafonApiException.class)
                .verify(Duration.ofSeconds(10));
        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo(DefaultFirmafonObservationConvention.NAME)
                .that()
                .hasLowCardinalityKeyValue("status", "404")
                .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
                .hasError();
    }

    @Test
    void aRefusedConnectionIsANetworkError() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        FirmafonClient client = FirmafonClient.builder()
                .baseUri(java.net.URI.create("http://127.0.0.1:1"))
                .auth(dk.firmafon.auth.AuthStrategy.bearer(FirmafonWireMock.TOKEN))
                .retryPolicy(RetryPolicy.none())
                .requestObserver(FirmafonObservations.of(registry))
                .build();
        try (client) {
            StepVerifier.create(client.retrieve(call("x"), "call", JsonNode.class))
                    .expectError()
                    .verify(Duration.ofSeconds(10));
        }
        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo(DefaultFirmafonObservationConvention.NAME)
                .that()
                .hasLowCardinalityKeyValue("status", "NONE")
                .hasLowCardinalityKeyValue("outcome", "NETWORK_ERROR");
    }

    @Test
    void withTracingTheCallIsASpanUnderTheCallersAttemptsAreItsChildrenAndTraceparentIsSent() {
        wire.stubFor(get(urlPathMatching("/calls/.*")).willReturn(okJson("{\"call\":{\"call_uuid\":\"x\"}}")));
        List<MutableSpan> spans = new CopyOnWriteArrayList<>();
        Tracing tracing = Tracing.newBuilder()
                .currentTraceContext(ThreadLocalCurrentTraceContext.newBuilder().build())
                .propagationFactory(new W3CPropagation())
                .traceId128Bit(true)
                .sampler(Sampler.ALWAYS_SAMPLE)
                .addSpanHandler(new SpanHandler() {
                    @Override
                    public boolean end(brave.propagation.TraceContext context, MutableSpan span, Cause cause) {
                        spans.add(span);
                        return true;
                    }
                })
                .build();
        try (tracing) {
            BraveTracer tracer =
                    new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()));
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig()
                    .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                            new PropagatingSenderTracingObservationHandler<>(tracer, new BravePropagator(tracing)),
                            new DefaultTracingObservationHandler(tracer)));
            Observation caller = Observation.start("caller", registry);
            FirmafonClient client = client(registry);
            client.retrieve(call(uuid()), "call", JsonNode.class)
                    .contextWrite(context -> context.put(FirmafonObservations.OBSERVATION_KEY, caller))
                    .block(Duration.ofSeconds(10));
            caller.stop();

            MutableSpan callerSpan = only(spans, "caller");
            MutableSpan callSpan = only(spans, "firmafon get /calls/{uuid}");
            MutableSpan attemptSpan = only(spans, "firmafon attempt get /calls/{uuid}");
            assertThat(callSpan.traceId()).isEqualTo(callerSpan.traceId());
            assertThat(callSpan.parentId()).isEqualTo(callerSpan.id());
            assertThat(attemptSpan.parentId()).isEqualTo(callSpan.id());
            wire.verify(getRequestedFor(urlPathMatching("/calls/.*"))
                    .withHeader(
                            "traceparent", matching("00-" + callerSpan.traceId() + "-" + attemptSpan.id() + "-01")));
        }
    }

    private static MutableSpan only(List<MutableSpan> spans, String name) {
        List<MutableSpan> named = spans.stream()
                .filter(span -> name.equalsIgnoreCase(span.name()))
                .toList();
        assertThat(named).as("spans named %s among %s", name, spans).hasSize(1);
        return named.get(0);
    }
}
