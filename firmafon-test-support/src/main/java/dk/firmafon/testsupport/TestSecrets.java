package dk.firmafon.testsupport;

import dk.firmafon.testsupport.Secrets.Kind;

/**
 * The fixed secrets the SDK's module tests use, registered with {@link Secrets} from the start. Tests declare their
 * fixtures from these constants, so the guard always knows them.
 */
public final class TestSecrets {
    /** firmafon-testkit's default access token ({@code FakeFirmafon.DEFAULT_ACCESS_TOKEN}). */
    public static final String FAKE_FIRMAFON_ACCESS_TOKEN = "fake-firmafon-access-token-0001";
    /** firmafon-testkit's default client secret ({@code FakeFirmafon.DEFAULT_CLIENT_SECRET}). */
    public static final String FAKE_FIRMAFON_CLIENT_SECRET = "fake-firmafon-client-secret";
    /** The bearer token of the resource modules' WireMock tests. */
    public static final String TEST_TOKEN = "test-token";
    /** The token of firmafon-core's WireMock tests. */
    public static final String CORE_TOKEN = "s3cr3t-t0ken-value";
    /** The token of firmafon-auth's static-strategy tests. */
    public static final String STATIC_TOKEN = "st4tic-Token_value.x";
    /** The first access token an OAuth test's token endpoint issues. */
    public static final String ACCESS_TOKEN = "acc3ss-T0ken-one";
    /** The access token an OAuth test's token endpoint issues on refresh. */
    public static final String NEW_ACCESS_TOKEN = "acc3ss-T0ken-two";
    /** The first refresh token an OAuth test's token endpoint issues. */
    public static final String REFRESH_TOKEN = "r3fresh-T0ken-one";
    /** The refresh token an OAuth test's token endpoint issues on refresh. */
    public static final String NEW_REFRESH_TOKEN = "r3fresh-T0ken-two";
    /** The OAuth tests' client secret. */
    public static final String CLIENT_SECRET = "cl1ent-S3cret-value";
    /** The authorization code of the OAuth tests' callbacks. */
    public static final String AUTHORIZATION_CODE = "c0de-From-Callback";

    private TestSecrets() {}

    static void registerAll() {
        Secrets.register(Kind.ACCESS_TOKEN, FAKE_FIRMAFON_ACCESS_TOKEN, "TestSecrets.FAKE_FIRMAFON_ACCESS_TOKEN");
        Secrets.register(Kind.CLIENT_SECRET, FAKE_FIRMAFON_CLIENT_SECRET, "TestSecrets.FAKE_FIRMAFON_CLIENT_SECRET");
        Secrets.register(Kind.ACCESS_TOKEN, TEST_TOKEN, "TestSecrets.TEST_TOKEN");
        Secrets.register(Kind.ACCESS_TOKEN, CORE_TOKEN, "TestSecrets.CORE_TOKEN");
        Secrets.register(Kind.ACCESS_TOKEN, STATIC_TOKEN, "TestSecrets.STATIC_TOKEN");
        Secrets.register(Kind.ACCESS_TOKEN, ACCESS_TOKEN, "TestSecrets.ACCESS_TOKEN");
        Secrets.register(Kind.ACCESS_TOKEN, NEW_ACCESS_TOKEN, "TestSecrets.NEW_ACCESS_TOKEN");
        Secrets.register(Kind.REFRESH_TOKEN, REFRESH_TOKEN, "TestSecrets.REFRESH_TOKEN");
        Secrets.register(Kind.REFRESH_TOKEN, NEW_REFRESH_TOKEN, "TestSecrets.NEW_REFRESH_TOKEN");
        Secrets.register(Kind.CLIENT_SECRET, CLIENT_SECRET, "TestSecrets.CLIENT_SECRET");
        Secrets.register(Kind.AUTHORIZATION_CODE, AUTHORIZATION_CODE, "TestSecrets.AUTHORIZATION_CODE");
    }
}
