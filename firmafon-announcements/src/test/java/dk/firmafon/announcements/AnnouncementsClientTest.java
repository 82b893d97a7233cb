package dk.firmafon.announcements;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dk.firmafon.announcements.model.Announcement;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.testing.FirmafonWireMock;
import dk.firmafon.error.NotFoundException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

class AnnouncementsClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String ANNOUNCEMENT = "{\"id\": 8, \"title\": \"New switchboard view\","
            + " \"body\": \"<p>The switchboard now shows queue length.</p>\"}";

    @RegisterExtension
    static final FirmafonWireMock WM = FirmafonWireMock.atRoot();

    private FirmafonClient firmafon;
    private AnnouncementsClient announcements;

    @BeforeEach
    void connect() {
        firmafon = WM.client();
        announcements = AnnouncementsClient.create(firmafon);
    }

    @AfterEach
    void close() {
        firmafon.close();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    @Test
    void listEmitsEveryAnnouncementNotYetDismissed() {
        WM.stubFor(get("/announcements")
                .willReturn(json("{\"announcements\": [" + ANNOUNCEMENT
                        + ", {\"id\": 9, \"title\": \"Holiday hours\", \"unknown_field\": true}]}")));

        StepVerifier.create(announcements.list().map(Announcement::id))
                .expectNext(8L, 9L)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                1,
                getRequestedFor(urlEqualTo("/announcements"))
                        .withHeader("Authorization", equalTo("Bearer test-token"))
                        .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void anEmptyListCompletesWithoutItems() {
        WM.stubFor(get("/announcements").willReturn(json("{\"announcements\": []}")));

        StepVerifier.create(announcements.list()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void markAsReadPostsAndReturnsTheAnnouncement() {
        WM.stubFor(post("/announcements/8/mark_as_read").willReturn(json(Fixtures.text("announcement.json"))));

        StepVerifier.create(announcements.markAsRead(8))
                .assertNext(announcement ->
                        assertThat(announcement.body()).contains("<p>The switchboard now shows queue length.</p>"))
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(
                1,
                postRequestedFor(urlEqualTo("/announcements/8/mark_as_read"))
                        .withHeader("Authorization", equalTo("Bearer test-token")));
    }

    @Test
    void markAsReadIsSafeToRepeatSoA503IsRetriedOnce() {
        String path = "/announcements/8/mark_as_read";
        WM.stubFor(post(path)
                .inScenario("busy")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        WM.stubFor(post(path)
                .inScenario("busy")
                .whenScenarioStateIs("recovered")
                .willReturn(json(Fixtures.text("announcement.json"))));

        StepVerifier.create(announcements.markAsRead(8).map(Announcement::id))
                .expectNext(8L)
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(2, postRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer test-token")));
    }

    @Test
    void markAsRead404IsNotFoundException() {
        WM.stubFor(post("/announcements/99/mark_as_read")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\": \"failure\", \"message\": \"Not found\"}")));

        StepVerifier.create(announcements.markAsRead(99))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotFoundException.class))
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -8})
    void markAsReadRefusesANonPositiveIdNamingItAndSendsNothing(long id) {
        StepVerifier.create(announcements.markAsRead(id))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("id must be positive, was " + id))
                .verify(TIMEOUT);

        WM.verify(0, anyRequestedFor(anyUrl()));
    }
}
