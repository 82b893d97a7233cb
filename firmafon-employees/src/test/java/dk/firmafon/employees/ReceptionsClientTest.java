package dk.firmafon.employees;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.employees.model.Reception;
import dk.firmafon.error.NotFoundException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ReceptionsClientTest extends WireMockClientTest {
    private static final String RECEPTION =
            Fixtures.json("reception.json").get("reception").toString();

    private ReceptionsClient receptions;

    @BeforeEach
    void create() {
        receptions = ReceptionsClient.create(firmafon);
    }

    @Test
    void listEmitsEveryReception() {
        WM.stubFor(get("/receptions")
                .willReturn(json("{\"receptions\": [" + RECEPTION + ", {\"id\": 8, "
                        + "\"name\": \"Support line\", \"phone_number\": {\"number\": \"4570201001\"}}]}")));

        StepVerifier.create(receptions.list().map(Reception::name))
                .expectNext(Optional.of("Main line"), Optional.of("Support line"))
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(1, authorized(getRequestedFor(urlEqualTo("/receptions"))));
    }

    @Test
    void getReadsOneReception() {
        WM.stubFor(get("/receptions/7").willReturn(fixture("reception.json")));

        StepVerifier.create(receptions.get(7))
                .assertNext(reception -> assertThat(reception.phoneNumber()).contains(PhoneNumber.of("4570201000")))
                .expectComplete()
                .verify(TIMEOUT);

        WM.verify(1, authorized(getRequestedFor(urlEqualTo("/receptions/7"))));
    }

    @Test
    void getReception404IsNotFoundException() {
        WM.stubFor(get("/receptions/99").willReturn(notFound()));

        StepVerifier.create(receptions.get(99))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotFoundException.class))
                .verify(TIMEOUT);
    }

    @Test
    void getRefusesANonPositiveIdNamingItAndSendsNothing() {
        StepVerifier.create(receptions.get(0))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("id must be positive, was 0"))
                .verify(TIMEOUT);

        verifyNothingSent();
    }
}
