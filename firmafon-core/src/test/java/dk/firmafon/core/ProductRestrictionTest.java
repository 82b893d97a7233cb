package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.testing.WireMockTest;
import dk.firmafon.error.ForbiddenException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

/** A 403 on a resource the API documents a product for names that product. */
class ProductRestrictionTest extends WireMockTest {

    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource(
            nullValues = "none",
            value = {
                "/receptions/7/statistics, Switch Premium",
                "/employee_groups/3, Switch",
                "/employee_groups, Switch",
                "/smileys, Switch",
                "/smileys/statistics, Switch",
                "/calls, Switch or Mobile",
                "/call_nodes/live, Switch or Mobile",
                "/contacts/311, Switch or Mobile",
                "/voice_mails/5012/sound, Switch or Mobile",
                "/employees/12, none",
                "/callsx, none"
            })
    void a403NamesTheProductTheResourceNeeds(String path, String product) {
        server.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\": \"failure\", \"message\": \"403 Forbidden\"}")));

        StepVerifier.create(client().retrieveJson(ApiRequest.get(path)))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ForbiddenException.class);
                    ForbiddenException forbidden = (ForbiddenException) e;
                    assertThat(forbidden.requiredProduct()).isEqualTo(Optional.ofNullable(product));
                    if (product != null) {
                        assertThat(forbidden)
                                .hasMessageEndingWith("(this resource needs Relatel's " + product
                                        + " product, should the company's subscription lack it)");
                    } else {
                        assertThat(forbidden.getMessage()).doesNotContain("product");
                    }
                })
                .verify(TIMEOUT);
    }
}
