package dk.firmafon.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void uriMasksEverySecretQueryParameterAndUserInfo() {
        String printed = Redaction.uri(URI.create(
                "https://user:pw@app.firmafon.dk/api/v2/calls?limit=5&access_token=s3cret&code=abc&Refresh_Token=r1#x"));

        assertThat(printed)
                .isEqualTo("https://app.firmafon.dk/api/v2/calls?limit=5&access_token=[REDACTED]&code=[REDACTED]"
                        + "&Refresh_Token=[REDACTED]#x")
                .doesNotContain("s3cret", "abc", "r1", "pw");
    }

    @Test
    void uriLeavesOrdinaryParametersAlone() {
        assertThat(Redaction.uri("http://127.0.0.1:8080/calls?number=4571999999&endpoint=Reception%231"))
                .isEqualTo("http://127.0.0.1:8080/calls?number=4571999999&endpoint=Reception%231");
    }

    @Test
    void excerptMasksJsonFormAndAuthorizationSecretsAndIsCut() {
        String body = "{\"access_token\": \"tok1\", \"refresh_token\":\"tok2\", \"expires_in\": 7200}"
                + " client_secret=sec&code=c0de Authorization: Bearer abc.def";

        String excerpt = Redaction.excerpt(body, 500);

        assertThat(excerpt).doesNotContain("tok1", "tok2", "sec&", "c0de", "abc.def").contains("7200");
        assertThat(Redaction.excerpt("x".repeat(50), 10)).isEqualTo("xxxxxxxxxx…");
    }

    @Test
    void secretHeadersAreMaskedCaseInsensitively() {
        assertThat(Redaction.headerValue("AUTHORIZATION", "Bearer x")).isEqualTo(Redaction.MASK);
        assertThat(Redaction.headerValue("Accept", "application/json")).isEqualTo("application/json");
    }

    @Test
    void aHeaderThatEchoesTheRequestUriHasItsSecretParametersMasked() {
        assertThat(Redaction.headerValue("Location", "https://app.firmafon.dk/api/v2/calls?access_token=s3cret&limit=5"))
                .isEqualTo("https://app.firmafon.dk/api/v2/calls?access_token=[REDACTED]&limit=5");
    }
}
