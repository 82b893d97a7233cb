package dk.firmafon.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.Firmafon;
import dk.firmafon.auth.AccessTokenAuth;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.BasicAuth;
import dk.firmafon.auth.Credential;
import dk.firmafon.auth.OAuth2Auth;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.events.EventsClient;
import dk.firmafon.micrometer.DefaultFirmafonObservationConvention;
import dk.firmafon.testkit.FakeFirmafon;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** Every condition and property of the auto-configuration, on a real (browser-free) Spring context. */
class FirmafonAutoConfigurationTest {
    /** The bound of every wait in this test. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    private static final FakeFirmafon FAKE = FakeFirmafon.start();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(FirmafonAutoConfiguration.class, FirmafonHealthAutoConfiguration.class));

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    private static String fakeBase() {
        return "firmafon.base-uri=" + FAKE.baseUri();
    }

    @Test
    void withoutACredentialThereIsNoClient() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(FirmafonClient.class);
            assertThat(context).doesNotHaveBean(Firmafon.class);
            assertThat(context).doesNotHaveBean(AuthStrategy.class);
            assertThat(context).hasSingleBean(FirmafonProperties.class);
        });
    }

    @Test
    void aTokenGivesABearerClientOnTheFirmafonPresetAndEveryBean() {
        runner.withPropertyValues("firmafon.token=" + FAKE.accessToken()).run(context -> {
            FirmafonClient client = context.getBean(FirmafonClient.class);
            assertThat(client.baseUri()).isEqualTo(FirmafonClient.FIRMAFON);
            assertThat(client.auth()).isInstanceOf(AccessTokenAuth.class);
            Credential credential = client.auth().credential().block(WAIT);
            assertThat(credential.value()).isEqualTo("Bearer " + FAKE.accessToken());
            assertThat(context).hasSingleBean(Firmafon.class);
            assertThat(context.getBean(Firmafon.class).client()).isSameAs(client);
            assertThat(context).hasSingleBean(EventsClient.class);
            assertThat(context.getBean(FirmafonProperties.class).toString()).doesNotContain(FAKE.accessToken());
        });
    }

    @Test
    void theTokenIsSentAsConfigured() {
        runner.withPropertyValues("firmafon.token=abc", "firmafon.token-placement=basic")
                .run(context -> assertThat(context.getBean(AuthStrategy.class)).isInstanceOf(BasicAuth.class));
        runner.withPropertyValues("firmafon.token=abc", "firmafon.token-placement=query-parameter")
                .run(context -> assertThat(context.getBean(AuthStrategy.class)
                                .credential()
                                .block(WAIT)
                                .placement())
                        .isEqualTo(Credential.Placement.QUERY_PARAMETER));
    }

    @Test
    void thePresetOrTheBaseUriChoosesTheService() {
        runner.withPropertyValues("firmafon.token=abc", "firmafon.preset=relatel")
                .run(context -> assertThat(context.getBean(FirmafonClient.class).baseUri())
                        .isEqualTo(FirmafonClient.RELATEL));
        runner.withPropertyValues("firmafon.token=abc", "firmafon.preset=relatel", fakeBase())
                .run(context -> assertThat(context.getBean(FirmafonClient.class).baseUri())
                        .isEqualTo(FAKE.baseUri()));
    }

    @Test
    void timeoutsRetriesPoolAndNetworkAreApplied() {
        runner.withPropertyValues(
                        fakeBase(),
                        "firmafon.token=" + FAKE.accessToken(),
                        "firmafon.connect-timeout=2s",
                        "firmafon.response-timeout=3s",
                        "firmafon.attempt-timeout=4s",
                        "firmafon.overall-timeout=20s",
                        "firmafon.retry.max-attempts=5",
                        "firmafon.retry.initial-backoff=50ms",
                        "firmafon.retry.max-backoff=1s",
                        "firmafon.pool.max-connections=7",
                        "firmafon.pool.acquire-timeout=9s",
                        "firmafon.network.user-agent=myapp/1.2",
                        "firmafon.network.compression=true")
                .run(context -> {
                    FirmafonClient client = context.getBean(FirmafonClient.class);
                    assertThat(client.retryPolicy().maxAttempts()).isEqualTo(5);
                    assertThat(client.retryPolicy().initialBackoff()).isEqualTo(Duration.ofMillis(50));
                    assertThat(client.retryPolicy().maxBackoff()).isEqualTo(Duration.ofSeconds(1));
                    client.retrieveJson(ApiRequest.get("/employee")).block(Duration.ofSeconds(10));
                    String agent = FAKE.journal().last().header("User-Agent").orElseThrow();
                    assertThat(agent).startsWith("myapp/1.2 firmafon-java-sdk/");
                });
    }

    @Test
    void aBadPropertyFailsStartupNamingIt() {
        runner.withPropertyValues("firmafon.token=abc", "firmafon.retry.max-attempts=0")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("maxAttempts"));
        runner.withPropertyValues("firmafon.token=abc", "firmafon.network.user-agent=bad\u0007agent")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("userAgent"));
    }

    @Test
    void theApplicationsOwnBeansWin() {
        AuthStrategy own = AuthStrategy.basic("own");
        runner.withPropertyValues("firmafon.token=abc")
                .withBean(AuthStrategy.class, () -> own)
                .run(context ->
                        assertThat(context.getBean(FirmafonClient.class).auth()).isSameAs(own));
        FirmafonClient ownClient =
                FirmafonClient.builder().auth(AuthStrategy.bearer("mine")).build();
        runner.withPropertyValues("firmafon.token=abc")
                .withBean(FirmafonClient.class, () -> ownClient)
                .run(context -> {
                    assertThat(context).getBean(FirmafonClient.class).isSameAs(ownClient);
                    assertThat(context.getBean(Firmafon.class).client()).isSameAs(ownClient);
                });
        ownClient.close();
    }

    @Test
    void customizersShapeTheBuilderInOrder() {
        AtomicInteger calls = new AtomicInteger();
        runner.withPropertyValues("firmafon.token=abc")
                .withBean("first", FirmafonClientCustomizer.class, () -> builder -> calls.incrementAndGet())
                .withBean("second", FirmafonClientCustomizer.class, () -> builder -> builder.maxConnections(3))
                .run(context -> {
                    assertThat(context).hasSingleBean(FirmafonClient.class);
                    assertThat(calls).hasValue(1);
                });
    }

    @Test
    void aSigningSecretGivesAWebhookReceiver() {
        runner.withPropertyValues("firmafon.webhooks.signing-secret=whsec-Ex4mple", "firmafon.webhooks.tolerance=2m")
                .run(context -> {
                    assertThat(context).hasSingleBean(dk.firmafon.events.WebhookReceiver.class);
                    assertThat(context.getBean(dk.firmafon.events.WebhookReceiver.class)
                                    .toString())
                            .doesNotContain("whsec-Ex4mple");
                });
        runner.run(context -> assertThat(context).doesNotHaveBean(dk.firmafon.events.WebhookReceiver.class));
    }

    @Test
    void disabledMeansNoBeansEvenWithAToken() {
        runner.withPropertyValues("firmafon.token=abc", "firmafon.enabled=false")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(FirmafonClient.class)
                        .doesNotHaveBean(FirmafonProperties.class));
    }

    @Test
    void closingTheContextClosesThePool() {
        FirmafonClient[] kept = new FirmafonClient[1];
        runner.withPropertyValues(fakeBase(), "firmafon.token=" + FAKE.accessToken(), "firmafon.shutdown-grace=1s")
                .run(context -> kept[0] = context.getBean(FirmafonClient.class));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> kept[0].retrieveJson(ApiRequest.get("/employee")).block(Duration.ofSeconds(5)))
                .hasMessageContaining("closed");
    }

    @Test
    void everyCallIsObservedWithItsTemplateWhenThereIsAnObservationRegistry() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withPropertyValues(fakeBase(), "firmafon.token=" + FAKE.accessToken())
                .withBean(ObservationRegistry.class, () -> registry)
                .run(context -> {
                    context.getBean(Firmafon.class).calls().list().take(3).blockLast(Duration.ofSeconds(10));
                    TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo(DefaultFirmafonObservationConvention.NAME)
                            .that()
                            .hasLowCardinalityKeyValue("uri", "/calls")
                            .hasLowCardinalityKeyValue("status", "200");
                });
        TestObservationRegistry untouched = TestObservationRegistry.create();
        runner.withPropertyValues(
                        fakeBase(), "firmafon.token=" + FAKE.accessToken(), "firmafon.observations.enabled=false")
                .withBean(ObservationRegistry.class, () -> untouched)
                .run(context -> {
                    context.getBean(Firmafon.class).calls().list().take(1).blockLast(Duration.ofSeconds(10));
                    TestObservationRegistryAssert.assertThat(untouched).doesNotHaveAnyObservation();
                });
        runner.withPropertyValues(fakeBase(), "firmafon.token=" + FAKE.accessToken())
                .withClassLoader(new FilteredClassLoader("dk.firmafon.micrometer"))
                .withBean(ObservationRegistry.class, () -> untouched)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(FirmafonClientCustomizer.class));
    }

    @Test
    void theHealthProbeIsCachedNeverRetriedAndCanLeaveTheApiAlone() {
        runner.withPropertyValues(fakeBase(), "firmafon.token=" + FAKE.accessToken())
                .run(context -> {
                    FirmafonHealthIndicator indicator = context.getBean(FirmafonHealthIndicator.class);
                    long before = FAKE.journal().count("GET", "/employee");
                    assertThat(indicator.health().block(WAIT).getStatus()).isEqualTo(Status.UP);
                    assertThat(indicator.health().block(WAIT).getStatus()).isEqualTo(Status.UP);
                    assertThat(FAKE.journal().count("GET", "/employee") - before)
                            .as("two probes within firmafon.health.cache-for, one API call")
                            .isEqualTo(1);
                    context.getBean(FirmafonClient.class).close();
                    Health closed = indicator.health().block(WAIT);
                    assertThat(closed.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(closed.getDetails()).containsEntry("reason", "the client is shutting down");
                });
        runner.withPropertyValues(fakeBase(), "firmafon.token=" + FAKE.accessToken(), "firmafon.health.cache-for=0s")
                .run(context -> {
                    long before = FAKE.journal().count("GET", "/employee");
                    FAKE.faults().serverError("GET", "/employee", 1, 503);
                    Health health = context.getBean(FirmafonHealthIndicator.class)
                            .health()
                            .block(WAIT);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("status", 503);
                    assertThat(FAKE.journal().count("GET", "/employee") - before)
                            .as("a probe is never retried (a GET otherwise is, on 503)")
                            .isEqualTo(1);
                });
        runner.withPropertyValues(fakeBase(), "firmafon.token=" + FAKE.accessToken(), "firmafon.health.call-api=false")
                .run(context -> {
                    long before = FAKE.journal().count("GET", "/employee");
                    Health health = context.getBean(FirmafonHealthIndicator.class)
                            .health()
                            .block(WAIT);
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(FAKE.journal().count("GET", "/employee")).isEqualTo(before);
                });
        runner.withPropertyValues(fakeBase(), "firmafon.token=abc", "firmafon.health.timeout=0s")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("firmafon.health.timeout must be positive, was PT0S"));
    }

    @Test
    void theHealthIndicatorAsksTheApiWithTheServiceCredential() {
        runner.withPropertyValues(fakeBase(), "firmafon.token=" + FAKE.accessToken())
                .run(context -> {
                    Health health = context.getBean(FirmafonHealthIndicator.class)
                            .health()
                            .block(Duration.ofSeconds(10));
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                });
        runner.withPropertyValues(fakeBase(), "firmafon.token=revoked-or-wrong").run(context -> {
            Health health =
                    context.getBean(FirmafonHealthIndicator.class).health().block(Duration.ofSeconds(10));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", 401);
            assertThat(health.toString()).doesNotContain("revoked-or-wrong");
        });
        runner.withPropertyValues(fakeBase(), "firmafon.token=abc", "management.health.firmafon.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(FirmafonHealthIndicator.class));
        runner.withPropertyValues(fakeBase(), "firmafon.token=abc")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(FirmafonHealthIndicator.class));
    }

    private final ApplicationContextRunner security = runner.withConfiguration(
                    AutoConfigurations.of(ReactiveOAuth2ClientAutoConfiguration.class))
            .withInitializer(context -> new FirmafonOAuth2Defaults()
                    .postProcessEnvironment(context.getEnvironment(), new SpringApplication()));

    @Test
    void aFirmafonClientRegistrationNeedsOnlyItsIdSecretAndTheCallsAreMadeAsTheSignedInUser() {
        security.withPropertyValues(
                        fakeBase(),
                        "spring.security.oauth2.client.registration.firmafon.client-id=" + FAKE.clientId(),
                        "spring.security.oauth2.client.registration.firmafon.client-secret=" + FAKE.clientSecret())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ClientRegistration registration = context.getBean(ReactiveClientRegistrationRepository.class)
                            .findByRegistrationId("firmafon")
                            .block(WAIT);
                    assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(FAKE.baseUri() + "/token");
                    assertThat(registration.getProviderDetails().getAuthorizationUri())
                            .isEqualTo(FAKE.baseUri() + "/authorize");
                    assertThat(registration
                                    .getProviderDetails()
                                    .getUserInfoEndpoint()
                                    .getUri())
                            .isEqualTo(FAKE.baseUri() + "/employee");
                    assertThat(registration.getAuthorizationGrantType())
                            .isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
                    assertThat(registration.getClientAuthenticationMethod())
                            .isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
                    AuthStrategy auth = context.getBean(FirmafonClient.class).auth();
                    assertThat(auth).isInstanceOf(OAuth2Auth.class);
                    assertThat(auth.toString()).isEqualTo("OAuth2Auth{external=spring-security:firmafon}");
                    assertThat(context.getBean(FirmafonHealthIndicator.class)
                                    .health()
                                    .block(WAIT)
                                    .getStatus())
                            .isEqualTo(Status.UNKNOWN);
                });
    }

    @Test
    void theRelatelProviderHasItsOwnDefaultsAndTheTokenPropertyStillWins() {
        security.withPropertyValues(
                        "spring.security.oauth2.client.registration.relatel.client-id=id",
                        "spring.security.oauth2.client.registration.relatel.client-secret=secret",
                        "firmafon.security.registration-id=relatel",
                        "firmafon.token=abc")
                .run(context -> {
                    ClientRegistration registration = context.getBean(ReactiveClientRegistrationRepository.class)
                            .findByRegistrationId("relatel")
                            .block(WAIT);
                    assertThat(registration.getProviderDetails().getTokenUri())
                            .isEqualTo("https://app.relatel.dk/api/v2/token");
                    assertThat(context.getBean(AuthStrategy.class)).isInstanceOf(AccessTokenAuth.class);
                });
        security.withPropertyValues(
                        "spring.security.oauth2.client.registration.relatel.client-id=id",
                        "spring.security.oauth2.client.registration.relatel.client-secret=secret",
                        "firmafon.security.registration-id=relatel")
                .run(context -> assertThat(context.getBean(AuthStrategy.class)).isInstanceOf(OAuth2Auth.class));
    }

    @Test
    void withoutSpringSecurityOrARegistrationThereIsNoSignedInUserStrategy() {
        security.withPropertyValues(
                        "spring.security.oauth2.client.registration.other.client-id=id",
                        "spring.security.oauth2.client.registration.other.client-secret=s",
                        "spring.security.oauth2.client.registration.other.authorization-grant-type=client_credentials",
                        "spring.security.oauth2.client.provider.other.token-uri=https://example.com/token")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AuthStrategy.class));
        runner.withPropertyValues("firmafon.token=abc")
                .withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(FirmafonClient.class));
    }

    @Test
    void theMetadataDescribesEveryPropertyForIdeCompletion() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = metadata.get("properties").findValuesAsText("name");
        assertThat(names)
                .contains(
                        "firmafon.preset",
                        "firmafon.base-uri",
                        "firmafon.token",
                        "firmafon.token-placement",
                        "firmafon.retry.max-attempts",
                        "firmafon.network.proxy.host",
                        "firmafon.security.registration-id",
                        "firmafon.events.web-socket",
                        "firmafon.observations.enabled",
                        "firmafon.shutdown-grace",
                        "firmafon.webhooks.signing-secret",
                        "management.health.firmafon.enabled");
        for (JsonNode property : metadata.get("properties")) {
            assertThat(property.path("description").asText())
                    .as(property.get("name").asText())
                    .isNotBlank();
        }
    }
}
