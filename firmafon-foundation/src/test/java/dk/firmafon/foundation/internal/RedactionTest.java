package dk.firmafon.foundation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void uriMasksEverySecretQueryParameterAndUserInfo() {
        String printed = Redaction.uri(
                URI.create(
                        "https://user:pw@app.firmafon.dk/api/v2/calls?limit=5&access_token=s3cret&code=abc&Refresh_Token=r1#x"));

        assertThat(printed)
                .isEqualTo("https://app.firmafon.dk/api/v2/calls?limit=5&access_token=[REDACTED]&code=[REDACTED]"
                        + "&Refresh_Token=[REDACTED]#x")
                .doesNotContain("s3cret", "abc", "r1", "pw");
    }

    @Test
    void maskValuesFindsASecretInEveryEncodingAServerCouldEchoItIn() {
        String secret = "s3/cr+t k-ey\"1";
        java.util.List<String> echoes = java.util.List.of(
                secret,
                "s3%2Fcr%2Bt+k-ey%221", // form-encoded
                "s3%2fcr%2bt%20k%2Dey%221", // partly, lower case
                "%73%33%2F%63%72%2B%74%20%6B%2D%65%79%22%31", // every byte
                "s3%252Fcr%252Bt%2520k-ey%2522" + "1", // twice
                "s3\\/cr+t k-ey\\\"1", // JSON-escaped
                "s3\\u002Fcr+t k\\u002dey\\\"1", // JSON unicode escapes
                java.util.Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (String echo : echoes) {
            assertThat(Redaction.maskValues("before;" + echo + ";after", java.util.List.of(secret)))
                    .as(echo)
                    .isEqualTo("before;[REDACTED];after");
        }
        assertThat(Redaction.maskValues("abc and abcd", java.util.List.of("abc")))
                .isEqualTo("abc and abcd");
    }

    @Test
    void secretValuesOfACredentialIncludeTheTokenInsideBearerAndBasic() {
        assertThat(Redaction.secretValues("Bearer tok-123")).containsExactly("Bearer tok-123", "tok-123");
        String basic = java.util.Base64.getEncoder().encodeToString("tok-456:".getBytes());
        assertThat(Redaction.secretValues("Basic " + basic)).containsExactly("Basic " + basic, "tok-456");
    }

    @Test
    void uriLeavesOrdinaryParametersAloneAndMasksANumberToItsLastDigits() {
        assertThat(Redaction.uri("http://127.0.0.1:8080/calls?number=4571999999&endpoint=Reception%231"))
                .isEqualTo("http://127.0.0.1:8080/calls?number=********99&endpoint=Reception%231");
    }

    @Test
    void excerptMasksJsonFormAndAuthorizationSecretsAndIsCut() {
        String body = "{\"access_token\": \"tok1\", \"refresh_token\":\"tok2\", \"expires_in\": 7200}"
                + " client_secret=sec&code=c0de Authorization: Bearer abc.def";

        String excerpt = Redaction.excerpt(body, 500);

        assertThat(excerpt)
                .doesNotContain("tok1", "tok2", "sec&", "c0de", "abc.def")
                .contains("7200");
        assertThat(Redaction.excerpt("x".repeat(50), 10)).isEqualTo("xxxxxxxxxx…");
    }

    @Test
    void secretHeadersAreMaskedCaseInsensitively() {
        assertThat(Redaction.headerValue("AUTHORIZATION", "Bearer x")).isEqualTo(Redaction.MASK);
        assertThat(Redaction.headerValue("Accept", "application/json")).isEqualTo("application/json");
    }

    @Test
    void aHeaderThatEchoesTheRequestUriHasItsSecretParametersMasked() {
        assertThat(Redaction.headerValue(
                        "Location", "https://app.firmafon.dk/api/v2/calls?access_token=s3cret&limit=5"))
                .isEqualTo("https://app.firmafon.dk/api/v2/calls?access_token=[REDACTED]&limit=5");
    }
}
