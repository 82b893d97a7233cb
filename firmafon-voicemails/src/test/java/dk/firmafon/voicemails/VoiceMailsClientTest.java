package dk.firmafon.voicemails;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.PageCursor;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.core.testing.FirmafonWireMock;
import dk.firmafon.error.FirmafonException;
import dk.firmafon.error.NotFoundException;
import dk.firmafon.voicemails.model.VoiceMail;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VoiceMailsClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String BEARER = "Bearer test-token";
    private static final String LIST = "/api/v2/voice_mails";
    private static final String CURSOR = "created_at_lt_or_eq";
    /** The client's mapper: reads values leniently, as from a payload. */
    private static final ObjectMapper MAPPER = FirmafonClient.newObjectMapper();

    private static final String VOICE_MAIL_5012 =
            "{\"voice_mail\": {\"id\": 5012, \"created_at\": \"2025-05-30T16:45:10+02:00\","
                    + " \"heard\": %s, \"sound\": {\"formats\": [\"audio/mpeg\"], \"url\":"
                    + " \"http://app.firmafon.dk/api/v1/voice_mails/5012.mp3\"}, \"duration\": 37,"
                    + " \"from_number\": \"4522446688\", \"from_contact\": null, \"endpoint_name\": \"Jonas Juhl\","
                    + " \"endpoint\": \"Employee#12\"}}";

    @RegisterExtension
    static final FirmafonWireMock wm = FirmafonWireMock.atApiV2();

    @TempDir
    Path dir;

    private FirmafonClient firmafon;
    private VoiceMailsClient voiceMails;

    @BeforeEach
    void connect() {
        firmafon = wm.client();
        voiceMails = VoiceMailsClient.create(firmafon);
    }

    @AfterEach
    void close() {
        firmafon.close();
    }

    /** A voice mail created at 12:00:{second}+02:00 on 2025-05-30. */
    private static String voiceMail(long id, int second) {
        return String.format(
                "{\"id\": %d, \"created_at\": \"2025-05-30T12:00:%02d+02:00\", \"heard\": false,"
                        + " \"endpoint\": \"Reception#1\", \"new_field\": true}",
                id, second);
    }

    private static Instant at(int second) {
        return OffsetDateTime.parse(String.format("2025-05-30T12:00:%02d+02:00", second))
                .toInstant();
    }

    private static String page(String... voiceMails) {
        return "{\"voice_mails\": [" + String.join(", ", voiceMails) + "]}";
    }

    private static void stubPages(String... pages) {
        String state = STARTED;
        for (int i = 0; i < pages.length; i++) {
            String next = "page " + (i + 2);
            wm.stubFor(get(urlPathEqualTo(LIST))
                    .inScenario("paging")
                    .whenScenarioStateIs(state)
                    .willReturn(okJson(pages[i]))
                    .willSetStateTo(next));
            state = next;
        }
    }

    /** The requests the server saw, oldest first. */
    private static List<ServeEvent> requests() {
        return wm.getAllServeEvents().stream()
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .collect(Collectors.toList());
    }

    private static Instant cursorOf(ServeEvent request) {
        return OffsetDateTime.parse(request.getRequest().queryParameter(CURSOR).firstValue())
                .toInstant();
    }

    @Test
    void listFollowsTheInclusiveCursorAndEmitsEachVoiceMailOnceAcrossTies() {
        stubPages(
                page(voiceMail(105, 5), voiceMail(104, 4), voiceMail(103, 3)),
                page(voiceMail(103, 3), voiceMail(102, 3), voiceMail(101, 2)),
                page(voiceMail(101, 2)),
                page());

        StepVerifier.create(voiceMails
                        .list(VoiceMailQuery.builder().limit(3).build())
                        .map(VoiceMail::id))
                .expectNext(105L, 104L, 103L, 102L, 101L)
                .expectComplete()
                .verify(TIMEOUT);

        List<ServeEvent> requests = requests();
        assertThat(requests).hasSize(3).allSatisfy(request -> {
            assertThat(request.getRequest().queryParameter("limit").firstValue())
                    .isEqualTo("3");
            assertThat(request.getRequest().getHeader("Authorization")).isEqualTo(BEARER);
        });
        assertThat(requests.get(0).getRequest().queryParameter(CURSOR).isPresent())
                .isFalse();
        assertThat(cursorOf(requests.get(1))).isEqualTo(at(3));
        assertThat(cursorOf(requests.get(2))).isEqualTo(at(2));
    }

    @Test
    void listSendsEveryFilterAndStartsAtCreatedAtOrBefore() {
        wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(page())));
        VoiceMailQuery query = VoiceMailQuery.builder()
                .limit(50)
                .endpoint(Endpoint.employee(12))
                .number(PhoneNumber.of("+45 22 44 66 88"))
                .createdAtOrBefore(at(30))
                .build();

        StepVerifier.create(voiceMails.list(query)).expectComplete().verify(TIMEOUT);

        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo(LIST))
                        .withQueryParam("limit", equalTo("50"))
                        .withQueryParam("endpoint", equalTo("Employee#12"))
                        .withQueryParam("number", equalTo("4522446688"))
                        .withHeader("Authorization", equalTo(BEARER)));
        assertThat(cursorOf(requests().get(0))).isEqualTo(at(30));
    }

    @Test
    void listWithoutFiltersSendsOnlyTheLimit() {
        wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(page())));

        StepVerifier.create(voiceMails.list(VoiceMailQuery.all()))
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo(LIST))
                        .withQueryParam("limit", equalTo("100"))
                        .withQueryParam("endpoint", absent())
                        .withQueryParam("number", absent())
                        .withQueryParam(CURSOR, absent()));
    }

    @Test
    void pageReturnsOnePageAndResumesFromItsCursorWithoutRepeats() {
        stubPages(
                page(voiceMail(105, 5), voiceMail(104, 4), voiceMail(103, 3)),
                page(voiceMail(103, 3), voiceMail(102, 3), voiceMail(101, 2)));
        VoiceMailQuery query = VoiceMailQuery.builder().limit(3).build();

        PageCursor[] next = new PageCursor[1];
        StepVerifier.create(voiceMails.page(query, null))
                .assertNext(page -> {
                    assertThat(page.items()).extracting(VoiceMail::id).containsExactly(105L, 104L, 103L);
                    assertThat(page.next()).hasValueSatisfying(cursor -> assertThat(cursor.timestamp())
                            .isEqualTo(at(3)));
                    next[0] = page.next().orElseThrow();
                })
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(voiceMails.page(query, next[0]))
                .assertNext(page ->
                        assertThat(page.items()).extracting(VoiceMail::id).containsExactly(102L, 101L))
                .expectComplete()
                .verify(TIMEOUT);

        List<ServeEvent> requests = requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getRequest().queryParameter(CURSOR).isPresent())
                .isFalse();
        assertThat(cursorOf(requests.get(1))).isEqualTo(at(3));
    }

    @Test
    void getReadsOneVoiceMail() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/voice_mails/5012"))
                .willReturn(okJson(String.format(VOICE_MAIL_5012, false))));

        StepVerifier.create(voiceMails.get(5012))
                .assertNext(voiceMail -> {
                    assertThat(voiceMail.id()).isEqualTo(5012L);
                    assertThat(voiceMail.heard()).isFalse();
                    assertThat(voiceMail.duration()).contains(37);
                    assertThat(voiceMail.endpoint()).contains(Endpoint.employee(12));
                })
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v2/voice_mails/5012"))
                        .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void getVoiceMail404IsAnError() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/voice_mails/404"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\": \"failure\", \"message\": \"404 Not Found\"}")));

        StepVerifier.create(voiceMails.get(404))
                .expectErrorSatisfies(error ->
                        assertThat(error).isInstanceOf(NotFoundException.class).hasMessageContaining("404"))
                .verify(TIMEOUT);
    }

    @Test
    void markHeardPutsHeardTrue() {
        wm.stubFor(put(urlPathEqualTo("/api/v2/voice_mails/5012"))
                .willReturn(okJson(String.format(VOICE_MAIL_5012, true))));

        StepVerifier.create(voiceMails.markHeard(5012).map(VoiceMail::heard))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                putRequestedFor(urlPathEqualTo("/api/v2/voice_mails/5012"))
                        .withHeader("Authorization", equalTo(BEARER))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson("{\"voice_mail\": {\"heard\": true}}")));
    }

    @Test
    void markUnheardPutsHeardFalse() {
        wm.stubFor(put(urlPathEqualTo("/api/v2/voice_mails/5012"))
                .willReturn(okJson(String.format(VOICE_MAIL_5012, false))));

        StepVerifier.create(voiceMails.markUnheard(5012).map(VoiceMail::heard))
                .expectNext(false)
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                putRequestedFor(urlPathEqualTo("/api/v2/voice_mails/5012"))
                        .withHeader("Authorization", equalTo(BEARER))
                        .withRequestBody(equalToJson("{\"voice_mail\": {\"heard\": false}}")));
    }

    @Test
    void deleteSendsDeleteAndCompletes() {
        wm.stubFor(delete(urlPathEqualTo("/api/v2/voice_mails/5012"))
                .willReturn(aResponse().withStatus(200)));

        StepVerifier.create(voiceMails.delete(5012)).expectComplete().verify(TIMEOUT);

        wm.verify(
                1,
                deleteRequestedFor(urlPathEqualTo("/api/v2/voice_mails/5012"))
                        .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void downloadStreamsTheSoundFromTheConfiguredHostNotFromSoundUrl() {
        byte[] sound = SoundBodies.bytes(300 * 1024 + 7);
        wm.stubFor(get(urlPathEqualTo("/api/v2/voice_mails/5012/sound"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(sound)));

        StepVerifier.create(voiceMails.download(5012).reduce(new byte[0], VoiceMailsClientTest::append))
                .assertNext(body -> assertThat(body).isEqualTo(sound))
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v2/voice_mails/5012/sound"))
                        .withHeader("Authorization", equalTo(BEARER)));
        wm.verify(1, anyRequestedFor(anyUrl()));
    }

    private static byte[] append(byte[] head, ByteBuffer tail) {
        byte[] joined = Arrays.copyOf(head, head.length + tail.remaining());
        tail.get(joined, head.length, tail.remaining());
        return joined;
    }

    @Test
    void downloadOfAMissingVoiceMailIsAnError() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/voice_mails/404/sound"))
                .willReturn(aResponse().withStatus(404).withBody("{\"status\": \"failure\"}")));

        StepVerifier.create(voiceMails.download(404))
                .expectErrorSatisfies(error ->
                        assertThat(error).isInstanceOf(NotFoundException.class).hasMessageContaining("404"))
                .verify(TIMEOUT);
    }

    @Test
    void downloadToWritesTheExactBytesAndReportsHowMany() throws IOException {
        int size = 5 * 1024 * 1024 + 3;
        wm.stubFor(get(urlPathEqualTo("/api/v2/voice_mails/5012/sound"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(SoundBodies.bytes(size))));
        Path file = dir.resolve("5012.mp3");
        Files.writeString(file, "an older, longer file that must be replaced entirely".repeat(1000));

        StepVerifier.create(voiceMails.downloadTo(5012, file))
                .expectNext((long) size)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(SoundBodies.sha256(file)).isEqualTo(SoundBodies.sha256(size));
        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v2/voice_mails/5012/sound"))
                        .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void downloadToDeletesThePartialFileWhenTheBodyBreaks() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/voice_mails/5012/sound"))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        Path file = dir.resolve("5012.mp3");

        StepVerifier.create(voiceMails.downloadTo(5012, file))
                .expectError(FirmafonException.class)
                .verify(TIMEOUT);

        assertThat(file).doesNotExist();
    }

    @Test
    void downloadToDeletesThePartialFileWhenCancelled() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/voice_mails/5012/sound"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "audio/mpeg")
                        .withBody(SoundBodies.bytes(64 * 1024))
                        .withChunkedDribbleDelay(2, 4000)));
        Path file = dir.resolve("5012.mp3");

        StepVerifier.create(voiceMails.downloadTo(5012, file).timeout(Duration.ofMillis(1000)))
                .expectError(TimeoutException.class)
                .verify(TIMEOUT);

        // the clean-up after a cancel runs asynchronously: wait for it without sleeping
        StepVerifier.create(Mono.fromCallable(() -> Files.exists(file))
                        .filter(exists -> !exists)
                        .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(20))))
                .expectNext(false)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void downloadToAMissingDirectoryFailsNamingTheFile() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/voice_mails/5012/sound"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(new byte[10])));
        Path file = dir.resolve("missing").resolve("5012.mp3");

        StepVerifier.create(voiceMails.downloadTo(5012, file))
                .expectErrorSatisfies(error ->
                        assertThat(error).isInstanceOf(FirmafonException.class).hasMessageContaining(file.toString()))
                .verify(TIMEOUT);
    }

    static Stream<Arguments> badInput() {
        Path file = Path.of("never-written.mp3");
        return Stream.of(
                bad("list of null", c -> c.list(null), "query must not be null"),
                bad(
                        "list with limit 0",
                        c -> c.list(VoiceMailQuery.builder().limit(0).build()),
                        "query.limit must be between 1 and 100, was 0"),
                bad(
                        "list with limit 101",
                        c -> c.list(VoiceMailQuery.builder().limit(101).build()),
                        "query.limit must be between 1 and 100, was 101"),
                bad("page of null", c -> c.page(null, null), "query must not be null"),
                bad(
                        "page with limit -1",
                        c -> c.page(VoiceMailQuery.builder().limit(-1).build(), null),
                        "query.limit must be between 1 and 100"),
                bad(
                        "list with a malformed endpoint",
                        c -> c.list(VoiceMailQuery.builder()
                                .endpoint(MAPPER.convertValue("undefined", Endpoint.class))
                                .build()),
                        "query.endpoint must be Type#id"),
                bad(
                        "page with a number that is no number",
                        c -> c.page(
                                VoiceMailQuery.builder()
                                        .number(MAPPER.convertValue("anonymous", PhoneNumber.class))
                                        .build(),
                                null),
                        "query.number must contain only digits"),
                bad("get of id 0", c -> c.get(0), "id must be positive"),
                bad("markHeard of id -5", c -> c.markHeard(-5), "id must be positive"),
                bad("markUnheard of id 0", c -> c.markUnheard(0), "id must be positive"),
                bad("delete of id 0", c -> c.delete(0), "id must be positive"),
                bad("download of id 0", c -> c.download(0), "id must be positive"),
                bad("downloadTo of id 0", c -> c.downloadTo(0, file), "id must be positive"),
                bad("downloadTo a null file", c -> c.downloadTo(5012, null), "file must not be null"));
    }

    private static Arguments bad(String description, Function<VoiceMailsClient, Publisher<?>> call, String message) {
        return Arguments.of(description, call, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputFailsNamingTheArgumentAndSendsNothing(
            String description, Function<VoiceMailsClient, Publisher<?>> call, String message) {
        StepVerifier.create(call.apply(voiceMails))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(message))
                .verify(TIMEOUT);

        wm.verify(0, anyRequestedFor(anyUrl()));
        assertThat(Path.of("never-written.mp3")).doesNotExist();
    }
}
