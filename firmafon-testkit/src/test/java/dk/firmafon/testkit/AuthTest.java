package dk.firmafon.testkit;

import static dk.firmafon.testkit.Http.body;
import static dk.firmafon.testkit.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.testsupport.Secrets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthTest {
    private static final String SECOND_TOKEN = Secrets.register(Secrets.Kind.ACCESS_TOKEN, "second-token");

    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    private static HttpResponse<String> withHeader(FakeFirmafon fake, String authorization) {
        return send(HttpRequest.newBuilder(Http.uri(fake, "/employee"))
                .header("Authorization", authorization)
                .build());
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"status\":\"failure\",\"message\":\"401 Unauthorized\"}");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void bearerHeaderIsAccepted(FakeFirmafon fake) {
        assertThat(withHeader(fake, "Bearer " + fake.accessToken()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void basicWithTheTokenAsUserAndAnEmptyPasswordIsAccepted(FakeFirmafon fake) {
        assertThat(withHeader(fake, basic(fake.accessToken() + ":")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void basicWithAPasswordIsRefused(FakeFirmafon fake) {
        assertUnauthorized(withHeader(fake, basic(fake.accessToken() + ":secret")));
    }

    @Test
    void queryParameterIsAccepted(FakeFirmafon fake) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(Http.uri(fake, "/employee?access_token=" + fake.accessToken()))
                        .build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).at("/employee/id").asLong()).isEqualTo(FakeFirmafon.CURRENT_EMPLOYEE_ID);
    }

    @Test
    void wrongTokenIs401WithTheServiceBodyAndABearerChallenge(FakeFirmafon fake) {
        assertUnauthorized(withHeader(fake, "Bearer wrong"));
        assertUnauthorized(send(HttpRequest.newBuilder(Http.uri(fake, "/calls?access_token=wrong"))
                .build()));
        assertUnauthorized(withHeader(fake, "Token " + fake.accessToken()));
    }

    @Test
    void noCredentialsIs401(FakeFirmafon fake) {
        assertUnauthorized(send(HttpRequest.newBuilder(Http.uri(fake, "/calls")).build()));
    }

    @Test
    void revokedTokenIs401AndAnAddedTokenWorks(FakeFirmafon fake) {
        fake.addToken(SECOND_TOKEN);
        assertThat(withHeader(fake, "Bearer second-token").statusCode()).isEqualTo(200);
        fake.revokeToken(fake.accessToken());
        assertUnauthorized(withHeader(fake, "Bearer " + fake.accessToken()));
        assertThat(fake.isTokenValid(fake.accessToken())).isFalse();
    }

    @Test
    void theResetBeforeEachTestRestoresTheDefaultToken(FakeFirmafon fake) {
        // revokedTokenIs401AndAnAddedTokenWorks may have run first: the token must work again
        assertThat(withHeader(fake, "Bearer " + fake.accessToken()).statusCode())
                .isEqualTo(200);
        assertThat(fake.isTokenValid(SECOND_TOKEN)).isFalse();
    }
}
