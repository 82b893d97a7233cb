package dk.firmafon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.testkit.FakeFirmafonExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Failures print one line naming what failed, and exit non-zero; a stack trace only with --debug. */
class ErrorsAndExitCodesTest {
    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    @TempDir
    Path home;

    private CliRun run() {
        return CliRun.against(FAKE.fake(), home);
    }

    @Test
    void notFoundPrintsOneLineWithStatusMethodAndUrlAndExitsOne() {
        CliRun.Result result = run().run("contacts", "get", "999999");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).as(result.toString()).hasSize(1);
        assertThat(result.err())
                .startsWith("firmafon: ")
                .contains("404")
                .contains("GET")
                .contains(FAKE.fake().baseUri() + "/contacts/999999");
    }

    @Test
    void debugAddsTheStackTrace() {
        CliRun.Result result = run().run("--debug", "contacts", "get", "999999");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.errLines().size()).isGreaterThan(1);
        assertThat(result.err()).contains("NotFoundException").contains("\tat ");
    }

    @Test
    void aRefusedTokenExitsThreeAndNeverPrintsTheToken() {
        CliRun.Result result = run().env(Settings.TOKEN, "wrong-token-123")
                .env(Settings.AUTH, "query")
                .run("employees", "me");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("401").doesNotContain("wrong-token-123");
    }

    @Test
    void everyAuthModeIsSentAsConfigured() {
        assertThat(run().env(Settings.AUTH, "basic").run("employees", "me").exitCode())
                .isZero();
        assertThat(FAKE.fake().journal().last().header("Authorization"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));

        assertThat(run().env(Settings.AUTH, "query").run("employees", "me").exitCode())
                .isZero();
        assertThat(FAKE.fake().journal().last().queryParameter("access_token"))
                .hasValue(FAKE.fake().accessToken());

        assertThat(run().env(Settings.AUTH, "bearer").run("employees", "me").exitCode())
                .isZero();
        assertThat(FAKE.fake().journal().last().header("Authorization"))
                .hasValue("Bearer " + FAKE.fake().accessToken());
    }

    @Test
    void aServerErrorThatOutlastsTheRetriesExitsOne() {
        FAKE.fake().faults().serverError("GET", "/employee", 10, 503);

        CliRun.Result result = run().run("employees", "me");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("503");
    }

    @Test
    void aMalformedSettingIsAUsageErrorNamingTheVariable() {
        CliRun.Result result = run().env(Settings.AUTH, "digest").run("employees", "me");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .isEqualTo(
                        "firmafon: FIRMAFON_AUTH must be bearer, query or basic, was digest" + System.lineSeparator());
    }

    @Test
    void aBaseUrlWithoutAnyTokenIsNotSignedIn() {
        CliRun.Result result = run().without(Settings.TOKEN).run("employees", "me");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(result.err())
                .contains("not signed in")
                .contains("FIRMAFON_TOKEN")
                .contains("auth login");
    }

    @Test
    void aBadArgumentIsAUsageErrorAndSendsNothing() {
        FAKE.fake().journal().clear();

        CliRun.Result result = run().run("calls", "dial", "not-a-number");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(FAKE.fake().journal().requests()).isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun.Result result = run().run("calls", "frobnicate");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("frobnicate");
    }

    @Test
    void helpListsEveryResource() {
        CliRun.Result result = run().run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("calls", "employees", "groups", "contacts", "receptions", "voicemails", "auth", "api");
    }
}
