package dk.firmafon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.FirmafonClient;
import dk.firmafon.testkit.FakeFirmafon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named profiles: the config file's round trip, its place, its mode, precedence, and a token file per profile. */
class ProfilesTest {
    private static final FakeFirmafon FAKE = FakeFirmafon.start();

    @TempDir
    Path home;

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    private CliRun cli() {
        return CliRun.unconfigured(home).without(Settings.TOKEN_FILE).env("HOME", home.toString());
    }

    @Test
    void setUseAndListRoundTripThroughAPrivateFileUnderHome() throws IOException {
        assertThat(cli().run(
                                "--profile",
                                "work",
                                "config",
                                "set",
                                "base-url",
                                FAKE.baseUri().toString())
                        .exitCode())
                .isZero();
        assertThat(cli().run("--profile", "work", "config", "set", "token", FAKE.accessToken())
                        .exitCode())
                .isZero();
        assertThat(cli().run("--profile", "work", "config", "set", "client-secret", "s3cr=t:with#odd\\chars")
                        .exitCode())
                .isZero();
        assertThat(cli().run("config", "use", "work").exitCode()).isZero();

        Path file = home.resolve(".config/firmafon/config.properties");
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        ConfigFile loaded = ConfigFile.load(file.getParent());
        assertThat(loaded.current()).isEqualTo("work");
        assertThat(loaded.profiles().get("work"))
                .containsEntry("client-secret", "s3cr=t:with#odd\\chars")
                .containsEntry("base-url", FAKE.baseUri().toString());

        CliRun.Result list = cli().run("config", "list");
        assertThat(list.out())
                .contains("* work")
                .contains("base-url = " + FAKE.baseUri())
                .contains("token = ***")
                .doesNotContain(FAKE.accessToken())
                .doesNotContain("s3cr=t");

        // the current profile is used: the fake, with the profile's token, not the embedded one
        CliRun.Result me = cli().run("employees", "me", "--json");
        assertThat(me.exitCode()).as(me.toString()).isZero();
        assertThat(me.err()).doesNotContain("embedded");
        assertThat(FAKE.journal().last().header("Authorization")).contains("Bearer " + FAKE.accessToken());
    }

    @Test
    void xdgConfigHomeWinsOverHomeAndTheEnvironmentWinsOverTheProfile() {
        Path xdg = home.resolve("xdg");
        CliRun xdgRun = cli().env("XDG_CONFIG_HOME", xdg.toString());
        assertThat(xdgRun.run("--profile", "eu", "config", "set", "preset", "relatel")
                        .exitCode())
                .isZero();
        assertThat(xdg.resolve("firmafon/config.properties")).exists();
        assertThat(home.resolve(".config/firmafon/config.properties")).doesNotExist();

        Map<String, String> env = Map.of("XDG_CONFIG_HOME", xdg.toString(), Settings.PROFILE, "eu");
        Settings eu = Settings.from(env, home, Optional.empty(), Optional.empty());
        assertThat(eu.baseUrl()).contains(FirmafonClient.RELATEL);
        assertThat(eu.profile()).isEqualTo("eu");
        assertThat(eu.tokenFile()).isEqualTo(xdg.resolve("firmafon/tokens/eu.json"));

        Settings overridden = Settings.from(
                Map.of("XDG_CONFIG_HOME", xdg.toString(), Settings.BASE_URL, "https://example.test/api/v2"),
                home,
                Optional.of("eu"),
                Optional.empty());
        assertThat(overridden.baseUrl()).contains(java.net.URI.create("https://example.test/api/v2"));

        Settings byDefault =
                Settings.from(Map.of("XDG_CONFIG_HOME", xdg.toString()), home, Optional.empty(), Optional.empty());
        assertThat(byDefault.profile()).isEqualTo("default");
        assertThat(byDefault.tokenFile()).isEqualTo(xdg.resolve("firmafon/token.json"));
    }

    @Test
    void badNamesKeysAndValuesAreRefusedNamingThem() {
        CliRun.Result unknownKey = cli().run("config", "set", "colour", "blue");
        assertThat(unknownKey.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownKey.err()).contains("unknown setting 'colour'");
        CliRun.Result badPreset = cli().run("config", "set", "preset", "telia");
        assertThat(badPreset.err()).contains("preset must be firmafon or relatel, was telia");
        CliRun.Result badName = cli().run("--profile", "Work Stuff", "config", "set", "auth", "basic");
        assertThat(badName.err()).contains("'Work Stuff' is not a profile name");
        CliRun.Result missing = cli().run("--profile", "nowhere", "calls", "list");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no profile 'nowhere'");
        CliRun.Result useMissing = cli().run("config", "use", "nowhere");
        assertThat(useMissing.err()).contains("no profile 'nowhere'");
    }

    @Test
    void aProxyFlagOrVariableMustBeAnHttpUrl() {
        CliRun.Result bad = cli().run("--proxy", "socks5://127.0.0.1:1080", "calls", "list", "--max", "1");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("the proxy must be an http:// URL");
    }
}
