package dk.firmafon.employees;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.testing.FirmafonWireMock;
import dk.firmafon.employees.model.ReceptionPhase;
import dk.firmafon.employees.model.ReceptionStatistics;
import dk.firmafon.employees.model.TargetCounts;
import dk.firmafon.testsupport.Fixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** {@code GET /receptions/:id/statistics}, as the current reference documents it. */
class ReceptionStatisticsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final FirmafonWireMock wm = FirmafonWireMock.atApiV2();

    private FirmafonClient firmafon;
    private ReceptionsClient receptions;

    @BeforeEach
    void connect() {
        firmafon = wm.client();
        receptions = ReceptionsClient.create(firmafon);
    }

    @AfterEach
    void close() {
        firmafon.close();
    }

    @Test
    void statisticsSendsEveryParameterAndReadsTheReferencesPayload() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/receptions/7/statistics"))
                .willReturn(okJson(Fixtures.text("reception_statistics.json"))));
        ReceptionStatisticsQuery query = ReceptionStatisticsQuery.builder()
                .answerTarget(Duration.ofSeconds(20))
                .fromTime(Instant.parse("2026-11-01T00:00:00Z"))
                .toTime(Instant.parse("2026-12-01T00:00:00Z"))
                .addPhases(ReceptionPhase.OPEN, ReceptionPhase.BACKUP)
                .build();

        StepVerifier.create(receptions.statistics(7, query))
                .expectNext(ReceptionStatistics.builder()
                        .total(120L)
                        .answered(104L)
                        .missed(16L)
                        .averageAnswerTime(11.4)
                        .averageDuration(182.0)
                        .withinTarget(
                                TargetCounts.builder().missed(3L).answered(97L).build())
                        .build())
                .expectComplete()
                .verify(TIMEOUT);

        wm.verify(getRequestedFor(urlPathEqualTo("/api/v2/receptions/7/statistics"))
                .withQueryParam("answer_target", equalTo("20"))
                .withQueryParam("from_time", equalTo("2026-11-01T00:00:00Z"))
                .withQueryParam("to_time", equalTo("2026-12-01T00:00:00Z"))
                .withQueryParam("phase", equalTo("open,backup")));
    }

    @Test
    void badStatisticsArgumentsAreRefusedNamingThemBeforeAnythingIsSent() {
        StepVerifier.create(receptions.statistics(
                        7,
                        ReceptionStatisticsQuery.builder()
                                .answerTarget(Duration.ofMillis(1500))
                                .build()))
                .expectErrorMessage("query.answerTarget must be a positive whole number of seconds, was PT1.5S")
                .verify(TIMEOUT);
        StepVerifier.create(receptions.statistics(
                        7,
                        ReceptionStatisticsQuery.builder()
                                .fromTime(Instant.parse("2026-12-01T00:00:00Z"))
                                .toTime(Instant.parse("2026-11-01T00:00:00Z"))
                                .build()))
                .expectErrorMessage(
                        "query.toTime must not be before query.fromTime, was 2026-11-01T00:00:00Z before 2026-12-01T00:00:00Z")
                .verify(TIMEOUT);
        StepVerifier.create(receptions.statistics(0, ReceptionStatisticsQuery.all()))
                .expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(receptions.statistics(7, null))
                .expectErrorMessage("query must not be null (use ReceptionStatisticsQuery.all())")
                .verify(TIMEOUT);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
