package dk.firmafon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.testkit.FakeFirmafon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OAuth commands against a fake whose registered redirect URI is a free loopback port. The test plays the
 * browser: it requests the authorization URL the CLI opens, takes the fake's 302 Location and requests it against
 * the CLI's callback listener.
 */
class AuthCommandsTest {
    @TempDir
    Path home;

    private FakeFirmafon fake;
    private URI redirectUri;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Integer> callbackStatuses = new ArrayList<>();

    @BeforeEach
    void startFake() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redirectUri = URI.create("http://127.0.0.1:" + port + "/callback");
        fake = FakeFirmafon.builder().redirectUri(redirectUri).start();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private CliRun oauthRun() {
        return CliRun.unconfigured(home)
                .env(Settings.BASE_URL, fake.baseUri().toString())
                .env(Settings.CLIENT_ID, fake.clientId())
                .env(Settings.CLIENT_SECRET, fake.clientSecret())
                .env(Settings.REDIRECT_URI, redirectUri.toString());
    }

    /** A browser that follows the authorization redirect to the callback, as a user's browser would. */
    private boolean followRedirect(URI authorizationUri) {
        try {
            HttpResponse<String> authorize =
                    http.send(HttpRequest.newBuilder(authorizationUri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
            URI location = URI.create(authorize.headers().firstValue("Location").orElseThrow());
            assertThat(location.toString()).startsWith(redirectUri.toString());
            HttpResponse<String> callback =
                    http.send(HttpRequest.newBuilder(location).build(), HttpResponse.BodyHandlers.ofString());
            callbackStatuses.add(callback.statusCode());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loginFollowsTheRedirectStoresAPrivateTokenAndLaterCommandsUseIt() throws IOException {
        CliRun login = oauthRun().browser(this::followRedirect);

        CliRun.Result result = login.run("auth", "login", "--timeout", "20");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(fake.authorizeUri().toString())
                .contains("state=")
                .contains("signed in; token stored in " + login.tokenFile());
        assertThat(callbackStatuses).containsExactly(200);
        Path tokenFile = login.tokenFile();
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(tokenFile.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(fake.journal().count("POST", "/token")).isEqualTo(1);

        CliRun.Result me = CliRun.unconfigured(home).run("employees", "me", "--json");

        assertThat(me.exitCode()).as(me.toString()).isZero();
        assertThat(me.err()).doesNotContain("embedded");
        assertThat(me.out()).contains("\"id\":" + FakeFirmafon.CURRENT_EMPLOYEE_ID);
        String sent = fake.journal().last().header("Authorization").orElseThrow();
        assertThat(sent).startsWith("Bearer ").isNotEqualTo("Bearer " + fake.accessToken());
        assertThat(Files.readString(tokenFile)).contains(sent.substring("Bearer ".length()));
    }

    @Test
    void anExpiredStoredTokenIsRefreshedWithItsRefreshTokenAndTheNewOneIsKept() throws IOException {
        CliRun login = oauthRun().browser(this::followRedirect);
        assertThat(login.run("auth", "login", "--timeout", "20").exitCode()).isZero();
        Path tokenFile = login.tokenFile();
        com.fasterxml.jackson.databind.node.ObjectNode stored = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(tokenFile.toFile());
        dk.firmafon.auth.OAuthToken token =
                dk.firmafon.auth.StoredToken.decode(stored.get("oauth_token").asText());
        assertThat(token.refreshToken()).isPresent();
        // the same token, received long ago: expired by now
        dk.firmafon.auth.OAuthToken expired = dk.firmafon.auth.OAuthToken.builder()
                .from(token)
                .receivedAt(java.time.Instant.now().minus(java.time.Duration.ofDays(30)))
                .build();
        stored.put("oauth_token", dk.firmafon.auth.StoredToken.encode(expired));
        PrivateFile.write(tokenFile, stored.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int refreshesBefore = fake.journal().count("POST", "/token");

        CliRun.Result me = oauthRun().run("employees", "me", "--json");

        assertThat(me.exitCode()).as(me.toString()).isZero();
        assertThat(fake.journal().count("POST", "/token")).isEqualTo(refreshesBefore + 1);
        String sent = fake.journal().last().header("Authorization").orElseThrow();
        assertThat(sent).isNotEqualTo("Bearer " + token.accessToken());
        String kept = Files.readString(tokenFile);
        assertThat(kept)
                .contains(sent.substring("Bearer ".length()))
                .doesNotContain(token.refreshToken().get());
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void loginRefusesACallbackWithoutTheState() {
        fake.omitStateOnRedirect(true);

        CliRun.Result result = oauthRun().browser(this::followRedirect).run("auth", "login", "--timeout", "20");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(result.err()).contains("state");
        assertThat(callbackStatuses).containsExactly(400);
        assertThat(fake.journal().count("POST", "/token")).isZero();
        assertThat(Files.exists(oauthRun().tokenFile())).isFalse();
    }

    @Test
    void loginReportsADeniedAuthorization() {
        fake.denyAuthorization(true);

        CliRun.Result result = oauthRun().browser(this::followRedirect).run("auth", "login", "--timeout", "20");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(result.err()).contains("access_denied");
    }

    @Test
    void urlThenExchangeWithTheCallbackUrlStoresTheToken() throws IOException {
        CliRun.Result url = oauthRun().run("auth", "url");
        assertThat(url.exitCode()).as(url.toString()).isZero();
        URI authorizationUri = URI.create(url.out().trim());

        HttpResponse<String> authorize;
        try {
            authorize =
                    http.send(HttpRequest.newBuilder(authorizationUri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String callback = authorize.headers().firstValue("Location").orElseThrow();

        CliRun.Result exchange = oauthRun().run("auth", "exchange", callback);

        assertThat(exchange.exitCode()).as(exchange.toString()).isZero();
        assertThat(Files.readString(oauthRun().tokenFile())).contains("access_token");
        assertThat(oauthRun().run("auth", "logout").out()).contains("deleted");
        assertThat(Files.exists(oauthRun().tokenFile())).isFalse();
    }

    @Test
    void theAuthCommandsNameTheMissingSetting() {
        CliRun.Result result = oauthRun().without(Settings.CLIENT_SECRET).run("auth", "url");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("FIRMAFON_CLIENT_SECRET");
    }
}
