package dk.firmafon.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.calls.StatisticsQuery.EndpointType;
import dk.firmafon.calls.StatisticsQuery.Grouping;
import dk.firmafon.calls.model.Call;
import dk.firmafon.calls.model.Recording;
import dk.firmafon.calls.model.Smiley;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.testing.FirmafonWireMock;
import dk.firmafon.error.FirmafonSecurityException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Smileys, call recordings and statistics against WireMock stubs carrying the reference's documented payloads. */
class FeedbackClientsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The smiley of the Relatel reference's property table (dev.relatel.dk/api-v2/reference/smiley). */
    private static final String SMILEY = "{\"id\":1,\"call_uuid\":\"218ec3b2-6403-11e7-2bbf-9da5cece18a5\","
            + "\"conversation_type\":\"call\",\"conversation_uuid\":\"218ec3b2-6403-11e7-2bbf-9da5cece18a5\","
            + "\"rated_at\":\"2014-11-12T16:14:33+01:00\",\"sort_value\":\"2014-11-12T16:14:33+01:00\",\"rating\":1,"
            + "\"net_promoter_score\":\"8\",\"kind\":\"neutral\",\"emoji\":\"\\uD83E\\uDD37\","
            + "\"comment\":\"Very nice people.\",\"number\":\"4571999999\",\"number_formatted\":\"71 99 99 99\","
            + "\"email\":null,\"contact\":{\"id\":1,\"name\":\"Relatel A/S\",\"number\":\"4571999999\","
            + "\"number_formatted\":\"71 99 99 99\",\"email\":\"kundeservice@relatel.dk\"},"
            + "\"endpoint\":\"ChatReception#3\",\"reception_id\":4,\"employee_id\":432,"
            + "\"call_recording\":{\"id\":234,\"started_at\":\"2014-11-12T16:10:02+01:00\",\"duration\":101,"
            + "\"sound\":{\"formats\":[\"audio/mpeg\"],\"url\":\"%s/call_recordings/234/sound\"}}}";

    @RegisterExtension
    static final FirmafonWireMock wm = FirmafonWireMock.atApiV2();

    @TempDir
    Path dir;

    private String smiley() {
        return String.format(SMILEY, wm.apiBaseUri());
    }

    @Test
    void aSmileyFromTheReferenceDecodesWithItsRecordingAndChatReception() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/smileys")).willReturn(okJson("{\"smileys\":[" + smiley() + "]}")));
        SmileysClient smileys = SmileysClient.create(wm.client());

        StepVerifier.create(smileys.list(SmileyQuery.all()
                        .withEndpoint(Endpoint.chatReception(3))
                        .withLimit(5)))
                .assertNext(smiley -> {
                    assertThat(smiley.id()).contains(1L);
                    assertThat(smiley.netPromoterScore()).contains(8); // sent as a string, read leniently
                    assertThat(smiley.kind()).contains("neutral");
                    assertThat(smiley.endpoint()).contains(Endpoint.chatReception(3));
                    assertThat(smiley.ratedAt()).contains(OffsetDateTime.parse("2014-11-12T16:14:33+01:00"));
                    assertThat(smiley.ratedAtInstant()).contains(java.time.Instant.parse("2014-11-12T15:14:33Z"));
                    assertThat(smiley.sortValue()).isEqualTo(smiley.ratedAt()); // "same as rated_at"
                    assertDeprecatedFieldsAreRead(smiley);
                    assertThat(smiley.contact().flatMap(c -> c.numberFormatted()))
                            .contains("71 99 99 99");
                    assertThat(smiley.email()).isEmpty();
                    Recording recording = smiley.callRecording().orElseThrow();
                    assertThat(recording.numericId()).hasValue(234);
                    assertThat(recording.duration()).contains(Duration.ofSeconds(101));
                    assertThat(recording.startedAt()).isPresent();
                })
                .expectComplete()
                .verify(TIMEOUT);
        wm.verify(getRequestedFor(urlPathEqualTo("/api/v2/smileys"))
                .withQueryParam("endpoint", equalTo("ChatReception#3"))
                .withQueryParam("limit", equalTo("5"))
                .withHeader("Authorization", equalTo(FirmafonWireMock.BEARER)));
    }

    @SuppressWarnings("deprecation") // call_uuid and reception_id: deprecated in the reference, still read
    private static void assertDeprecatedFieldsAreRead(Smiley smiley) {
        assertThat(smiley.callUuid()).contains("218ec3b2-6403-11e7-2bbf-9da5cece18a5");
        assertThat(smiley.receptionId()).contains(4L);
    }

    @Test
    void aCallCarriesItsSmiley() throws Exception {
        String call = "{\"call_uuid\":\"c-1\",\"smiley\":" + smiley() + "}";
        Call decoded = FirmafonClient.newObjectMapper().readValue(call, Call.class);
        assertThat(decoded.smiley().flatMap(Smiley::netPromoterScore)).contains(8);
    }

    @Test
    void smileyStatisticsAndStatisticsAreTheDocumentsTheServiceSends() {
        wm.stubFor(
                get(urlPathEqualTo("/api/v2/smileys/statistics")).willReturn(okJson("{\"statistics\":{\"total\":3}}")));
        wm.stubFor(get(urlPathEqualTo("/api/v2/statistics"))
                .willReturn(okJson("{\"statistics\":[{\"key\":\"2026-11-02T00:00:00\",\"period_day\":"
                        + "\"2026-11-02T00:00:00\",\"endpoint\":\"Reception#7\",\"calls\":4,\"answered\":\"3\"}]}")));
        FirmafonClient client = wm.client();

        StepVerifier.create(SmileysClient.create(client).statistics(SmileyQuery.all()))
                .assertNext(
                        json -> assertThat(json.at("/statistics/total").asInt()).isEqualTo(3))
                .expectComplete()
                .verify(TIMEOUT);
        StatisticsQuery query = StatisticsQuery.of(EndpointType.RECEPTION)
                .between(java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2026, 11, 30))
                .withEndpoints(List.of(Endpoint.reception(7), Endpoint.reception(8)))
                .groupedBy(Grouping.PERIOD_DAY);
        StepVerifier.create(StatisticsClient.create(client).statistics(query))
                .assertNext(statistics -> {
                    assertThat(statistics.rows()).hasSize(1);
                    dk.firmafon.calls.model.StatisticsRow row =
                            statistics.rows().get(0);
                    assertThat(row.key()).contains("2026-11-02T00:00:00");
                    assertThat(row.periodDay()).contains(java.time.LocalDateTime.parse("2026-11-02T00:00:00"));
                    assertThat(row.endpoint()).contains(Endpoint.reception(7));
                    assertThat(row.figures()).containsOnlyKeys("calls", "answered");
                    assertThat(row.figure("answered")).contains(java.math.BigDecimal.valueOf(3)); // "3" read as one
                    assertThat(statistics.raw().at("/statistics/0/calls").asInt())
                            .isEqualTo(4);
                })
                .expectComplete()
                .verify(TIMEOUT);
        // dates and one aggregation key, as the reference documents them (start 2018-10-01, end 2018-10-31)
        wm.verify(getRequestedFor(urlPathEqualTo("/api/v2/statistics"))
                .withQueryParam("endpoint_type", equalTo("Reception"))
                .withQueryParam("start", equalTo("2026-11-01"))
                .withQueryParam("end", equalTo("2026-11-30"))
                .withQueryParam("endpoint", equalTo("Reception#7,Reception#8"))
                .withQueryParam("group_by", equalTo("period_day")));
    }

    @Test
    void badStatisticsAndSmileyArgumentsAreRefusedNamingThemBeforeAnythingIsSent() {
        StatisticsClient statistics = StatisticsClient.create(wm.client());
        SmileysClient smileys = SmileysClient.create(wm.client());
        StatisticsQuery reception = StatisticsQuery.of(EndpointType.RECEPTION);
        refused(statistics.statistics(null), "query must not be null");
        refused(
                statistics.statistics(reception.withEndpoints(List.of(Endpoint.employee(12)))),
                "query.endpoints must all be of the query's endpoint type Reception (one type per request)");
        refused(
                statistics.statistics(
                        reception.between(java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2026, 11, 1))),
                "query.end must not be before query.start");
        refused(
                statistics.statistics(
                        StatisticsQuery.of(EndpointType.CHAT_RECEPTION).groupedBy(Grouping.IVR_KEY)),
                "query.groupBy IVR_KEY is not available with endpoint type CHAT_RECEPTION");
        refused(
                statistics.statistics(reception.groupedBy(Grouping.CHAT_RECEPTION_ID)),
                "query.groupBy CHAT_RECEPTION_ID is not available with endpoint type RECEPTION");
        refused(
                statistics.statistics(reception.withEndpoints(List.of(Fixtures.readEndpoint("undefined")))),
                "query.endpoints must be Type#id");
        refused(smileys.list(null).next(), "query must not be null");
        refused(smileys.list(SmileyQuery.all().withLimit(101)).next(), "query.limit must be between 1 and 100");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    private static void refused(reactor.core.publisher.Mono<?> call, String message) {
        StepVerifier.create(call)
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(message))
                .verify(TIMEOUT);
    }

    @Test
    void aRecordingIsReadAndItsSoundStreamedByIdOrByItsOwnUrl() throws Exception {
        byte[] sound = new byte[300_000];
        for (int i = 0; i < sound.length; i++) {
            sound[i] = (byte) (i * 31);
        }
        wm.stubFor(get(urlPathEqualTo("/api/v2/call_recordings/234"))
                .willReturn(okJson("{\"call_recording\":"
                        + String.format(SMILEY, wm.apiBaseUri())
                                .replaceAll("^.*\"call_recording\":", "")
                                .replaceAll("}$", "")
                        + "}")));
        wm.stubFor(get(urlPathEqualTo("/api/v2/call_recordings/234/sound"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(sound)));
        CallRecordingsClient recordings = CallRecordingsClient.create(wm.client());

        Recording recording = recordings.get(234).block(TIMEOUT);
        assertThat(recording.numericId()).hasValue(234);
        assertThat(bytes(recordings.download(recording))).isEqualTo(sound);
        assertThat(bytes(recordings.download(234))).isEqualTo(sound);
        Path file = dir.resolve("234.mp3");
        assertThat(recordings.downloadTo(234, file).block(TIMEOUT)).isEqualTo(sound.length);
        assertThat(Files.readAllBytes(file)).isEqualTo(sound);
        wm.verify(
                3,
                getRequestedFor(urlPathEqualTo("/api/v2/call_recordings/234/sound"))
                        .withHeader("Authorization", equalTo(FirmafonWireMock.BEARER)));
    }

    @Test
    void aRecordingWhoseUrlIsOnAnotherHostIsRefusedAndNothingIsSent() {
        Recording foreign = Recording.builder()
                .id("9")
                .sound(FirmafonClient.newObjectMapper()
                        .createObjectNode()
                        .put("url", "https://recordings.example.org/9.mp3"))
                .build();
        CallRecordingsClient recordings = CallRecordingsClient.create(wm.client());
        StepVerifier.create(recordings.download(foreign))
                .expectError(FirmafonSecurityException.class)
                .verify(TIMEOUT);
        StepVerifier.create(recordings.download(0))
                .expectErrorMessage("id must be positive, was 0")
                .verify(TIMEOUT);
        StepVerifier.create(recordings.download(Recording.builder().id("x").build()))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("recording must have a sound.url"))
                .verify(TIMEOUT);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    private static byte[] bytes(Flux<ByteBuffer> body) {
        return body.map(buffer -> {
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    return chunk;
                })
                .reduce(new java.io.ByteArrayOutputStream(), (out, chunk) -> {
                    out.writeBytes(chunk);
                    return out;
                })
                .map(java.io.ByteArrayOutputStream::toByteArray)
                .block(TIMEOUT);
    }
}
