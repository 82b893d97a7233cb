package dk.firmafon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.ExchangeListener;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.HttpMethod;
import dk.firmafon.core.testing.FirmafonWireMock;
import dk.firmafon.voicemails.VoiceMailQuery;
import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class FirmafonTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final FirmafonWireMock wm = FirmafonWireMock.atApiV2();

    /** Every resource client accessor, by name. */
    private static final Map<String, Function<Firmafon, Object>> CLIENTS = Map.of(
            "calls", Firmafon::calls,
            "employees", Firmafon::employees,
            "employeeGroups", Firmafon::employeeGroups,
            "receptions", Firmafon::receptions,
            "contacts", Firmafon::contacts,
            "voiceMails", Firmafon::voiceMails,
            "announcements", Firmafon::announcements);

    private static Firmafon.Builder toWireMock() {
        return Firmafon.builder().baseUri(URI.create(wm.baseUrl() + "/api/v2")).auth(AuthStrategy.bearer("test-token"));
    }

    @Test
    void everyResourceClientIsCreatedOnceOverTheOneSharedFirmafonClient() {
        try (Firmafon firmafon = toWireMock().build()) {
            CLIENTS.forEach((name, accessor) -> {
                Object client = accessor.apply(firmafon);
                assertThat(client).as(name).isNotNull().isSameAs(accessor.apply(firmafon));
                assertThat(transportOf(client)).as(name + "'s FirmafonClient").isSameAs(firmafon.client());
            });
            assertThat(CLIENTS.values().stream()
                            .map(accessor -> accessor.apply(firmafon))
                            .distinct())
                    .hasSize(7);
        }
    }

    /** The one FirmafonClient field of a resource client. */
    private static Object transportOf(Object resourceClient) {
        List<Field> fields = Arrays.stream(resourceClient.getClass().getDeclaredFields())
                .filter(field -> field.getType() == FirmafonClient.class)
                .toList();
        assertThat(fields)
                .as(resourceClient.getClass().getSimpleName() + " fields of type FirmafonClient")
                .hasSize(1);
        try {
            fields.get(0).setAccessible(true);
            return fields.get(0).get(resourceClient);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyResourceClientSendsWithTheConfiguredUriAuthAndClientOptions() {
        for (String list :
                List.of("calls", "employees", "employee_groups", "receptions", "voice_mails", "announcements")) {
            wm.stubFor(get(urlPathEqualTo("/api/v2/" + list)).willReturn(okJson("{\"" + list + "\": []}")));
        }
        wm.stubFor(delete(urlPathEqualTo("/api/v2/contacts/311"))
                .willReturn(aResponse().withStatus(200)));
        Queue<String> heard = new ConcurrentLinkedQueue<>();
        ExchangeListener listener = new ExchangeListener() {
            @Override
            public void onResponse(HttpMethod method, String path, int status, int attempt, long elapsedNanos) {
                heard.add(method + " " + status);
            }
        };

        try (Firmafon firmafon =
                toWireMock().client(client -> client.exchangeListener(listener)).build()) {
            StepVerifier.create(Flux.<Object>concat(
                            firmafon.calls().list(),
                            firmafon.employees().list(),
                            firmafon.employeeGroups().list(),
                            firmafon.receptions().list(),
                            firmafon.contacts().delete(311),
                            firmafon.voiceMails().list(VoiceMailQuery.all()),
                            firmafon.announcements().list()))
                    .expectComplete()
                    .verify(TIMEOUT);
        }

        for (String list :
                List.of("calls", "employees", "employee_groups", "receptions", "voice_mails", "announcements")) {
            wm.verify(
                    1,
                    getRequestedFor(urlPathEqualTo("/api/v2/" + list))
                            .withHeader("Authorization", equalTo("Bearer test-token")));
        }
        wm.verify(
                1,
                deleteRequestedFor(urlPathEqualTo("/api/v2/contacts/311"))
                        .withHeader("Authorization", equalTo("Bearer test-token")));
        wm.verify(7, anyRequestedFor(anyUrl()));
        assertThat(heard).hasSize(7).containsOnly("GET 200", "DELETE 200");
    }

    @Test
    void createUsesTheGivenFirmafonClient() {
        FirmafonClient client = wm.client();

        try (Firmafon firmafon = Firmafon.create(client)) {
            assertThat(firmafon.client()).isSameAs(client);
            assertThat(transportOf(firmafon.voiceMails())).isSameAs(client);
        }
    }

    @Test
    void presetsNameTheFirmafonAndRelatelApis() {
        assertThat(Firmafon.FIRMAFON).isEqualTo(URI.create("https://app.firmafon.dk/api/v2"));
        assertThat(Firmafon.RELATEL).isEqualTo(URI.create("https://app.relatel.dk/api/v2"));

        try (Firmafon firmafon = Firmafon.builder()
                .baseUri(Firmafon.RELATEL)
                .auth(AuthStrategy.bearer("t"))
                .build()) {
            assertThat(firmafon.client().baseUri()).isEqualTo(Firmafon.RELATEL);
        }
    }
}
