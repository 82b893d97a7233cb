package dk.firmafon.testkit;

import static dk.firmafon.testkit.Http.body;
import static dk.firmafon.testkit.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuthTest {

    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> authorize(FakeFirmafon fake, String extra) {
        String query = "?client_id=" + encode(fake.clientId()) + "&response_type=code&redirect_uri="
                + encode(fake.redirectUri().toString()) + extra;
        return send(
                HttpRequest.newBuilder(URI.create(fake.authorizeUri() + query)).build());
    }

    private static Map<String, List<String>> callback(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).isEqualTo(302);
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return dk.firmafon.testkit.internal.Exchange.parseForm(location.getRawQuery());
    }

    private static String code(FakeFirmafon fake, String extra) {
        return callback(authorize(fake, extra)).get("code").get(0);
    }

    private static HttpResponse<String> tokenForm(FakeFirmafon fake, String form) {
        return send(HttpRequest.newBuilder(fake.tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private static String codeGrant(FakeFirmafon fake, String code) {
        return "grant_type=authorization_code&code=" + encode(code) + "&client_id=" + encode(fake.clientId())
                + "&client_secret=" + encode(fake.clientSecret()) + "&redirect_uri="
                + encode(fake.redirectUri().toString());
    }

    @Test
    void authorizeRedirectsToTheRedirectUriWithCodeAndState(FakeFirmafon fake) {
        HttpResponse<String> redirect = authorize(fake, "&state=xyz-123");
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).startsWith(fake.redirectUri() + "?code=");
        assertThat(callback(redirect).get("state")).containsExactly("xyz-123");
    }

    @Test
    void authorizeCanOmitStateLikeTheRealService(FakeFirmafon fake) {
        fake.omitStateOnRedirect(true);
        Map<String, List<String>> callback = callback(authorize(fake, "&state=xyz"));
        assertThat(callback).containsKey("code").doesNotContainKey("state");
    }

    @Test
    void authorizeCanAnswerAccessDenied(FakeFirmafon fake) {
        fake.denyAuthorization(true);
        Map<String, List<String>> callback = callback(authorize(fake, "&state=s1"));
        assertThat(callback.get("error")).containsExactly("access_denied");
        assertThat(callback.get("state")).containsExactly("s1");
        assertThat(callback).doesNotContainKey("code");
    }

    @Test
    void authorizeRefusesAnUnregisteredRedirectUriWithoutRedirecting(FakeFirmafon fake) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(fake.authorizeUri() + "?client_id="
                        + fake.clientId() + "&response_type=code&redirect_uri=" + encode("https://evil.example/cb")))
                .build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void codeIsExchangedOnceAndTheTokenWorksForTheApi(FakeFirmafon fake) {
        String code = code(fake, "&state=s");
        HttpResponse<String> first = tokenForm(fake, codeGrant(fake, code));
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode token = body(first);
        assertThat(token.fieldNames())
                .toIterable()
                .contains("access_token", "token_type", "expires_in", "refresh_token", "created_at");
        assertThat(token.get("token_type").asText()).isEqualTo("bearer");

        HttpResponse<String> api = send(HttpRequest.newBuilder(Http.uri(fake, "/employee"))
                .header("Authorization", "Bearer " + token.get("access_token").asText())
                .build());
        assertThat(api.statusCode()).isEqualTo(200);

        HttpResponse<String> second = tokenForm(fake, codeGrant(fake, code));
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(body(second).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void tokenAcceptsParametersInTheQueryString(FakeFirmafon fake) {
        String code = code(fake, "");
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(fake.tokenUri() + "?" + codeGrant(fake, code)))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void tokenAcceptsClientSecretBasic(FakeFirmafon fake) {
        String code = code(fake, "");
        String basic = Base64.getEncoder()
                .encodeToString((fake.clientId() + ":" + fake.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(fake.tokenUri())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                        + "&redirect_uri=" + encode(fake.redirectUri().toString())))
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void wrongClientSecretIsInvalidClient(FakeFirmafon fake) {
        String code = code(fake, "");
        HttpResponse<String> response =
                tokenForm(fake, codeGrant(fake, code).replace(encode(fake.clientSecret()), "nope"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void pkceVerifierIsChecked(FakeFirmafon fake) throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String pkce = "&code_challenge=" + challenge + "&code_challenge_method=S256";

        HttpResponse<String> wrong =
                tokenForm(fake, codeGrant(fake, code(fake, pkce)) + "&code_verifier=not-the-verifier");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(body(wrong).get("error").asText()).isEqualTo("invalid_grant");

        HttpResponse<String> missing = tokenForm(fake, codeGrant(fake, code(fake, pkce)));
        assertThat(missing.statusCode()).isEqualTo(400);

        HttpResponse<String> right = tokenForm(fake, codeGrant(fake, code(fake, pkce)) + "&code_verifier=" + verifier);
        assertThat(right.statusCode()).isEqualTo(200);
    }

    @Test
    void refreshTokenGivesANewTokenOnce(FakeFirmafon fake) {
        JsonNode token = body(tokenForm(fake, codeGrant(fake, code(fake, ""))));
        String refresh = "grant_type=refresh_token&refresh_token="
                + token.get("refresh_token").asText() + "&client_id=" + fake.clientId() + "&client_secret="
                + fake.clientSecret();
        HttpResponse<String> refreshed = tokenForm(fake, refresh);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(fake.isTokenValid(body(refreshed).get("access_token").asText()))
                .isTrue();
        assertThat(tokenForm(fake, refresh).statusCode()).isEqualTo(400);
    }

    @Test
    void unknownGrantTypeIsUnsupported(FakeFirmafon fake) {
        HttpResponse<String> response = tokenForm(
                fake, "grant_type=password&client_id=" + fake.clientId() + "&client_secret=" + fake.clientSecret());
        assertThat(body(response).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void theTokenLifetimeIsTwoHoursByDefaultAndConfigurable(FakeFirmafon fake) {
        assertThat(body(tokenForm(fake, codeGrant(fake, code(fake, "&state=d"))))
                        .path("expires_in")
                        .asLong())
                .isEqualTo(7200);
        try (FakeFirmafon shortLived = FakeFirmafon.builder()
                .tokenLifetime(java.time.Duration.ofSeconds(5))
                .start()) {
            assertThat(body(tokenForm(shortLived, codeGrant(shortLived, code(shortLived, "&state=s"))))
                            .path("expires_in")
                            .asLong())
                    .isEqualTo(5);
        }
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> FakeFirmafon.builder().tokenLifetime(java.time.Duration.ZERO))
                .withMessage("tokenLifetime must be at least 1 s, was PT0S");
    }
}
