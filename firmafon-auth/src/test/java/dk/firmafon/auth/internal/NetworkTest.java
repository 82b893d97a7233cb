package dk.firmafon.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.firmafon.net.HttpProxy;
import dk.firmafon.net.NetworkSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private static final NetworkSettings SYSTEM =
            NetworkSettings.builder().systemProxy(true).build();

    @Test
    void withoutSystemProxyNothingFromTheJvmOrTheEnvironmentIsUsed() {
        assertThat(Network.proxyFor(
                        NetworkSettings.defaults(),
                        "https",
                        Map.of("https.proxyHost", "p"),
                        Map.of("HTTPS_PROXY", "http://p:1")))
                .isNull();
    }

    @Test
    void anExplicitProxyWinsOverTheSystems() {
        NetworkSettings explicit =
                SYSTEM.toBuilder().proxy(HttpProxy.of("explicit", 3128)).build();
        assertThat(Network.proxyFor(explicit, "https", Map.of("https.proxyHost", "p"), Map.of()))
                .isEqualTo(HttpProxy.of("explicit", 3128));
    }

    @Test
    void theJvmPropertiesOfTheTargetsSchemeComeFirst() {
        Map<String, String> properties = Map.of(
                "https.proxyHost",
                "secure-proxy",
                "https.proxyPort",
                "8443",
                "http.proxyHost",
                "plain-proxy",
                "http.nonProxyHosts",
                "localhost|127.*|*.corp.example");
        HttpProxy https = Network.proxyFor(SYSTEM, "https", properties, Map.of("HTTPS_PROXY", "http://env:1"));
        assertThat(https).isNotNull();
        assertThat(https.host()).isEqualTo("secure-proxy");
        assertThat(https.port()).isEqualTo(8443);
        assertThat(https.bypasses("localhost")).isTrue();
        assertThat(https.bypasses("127.0.0.1")).isTrue();
        assertThat(https.bypasses("api.corp.example")).isTrue();
        assertThat(https.bypasses("app.firmafon.dk")).isFalse();
        HttpProxy http = Network.proxyFor(SYSTEM, "http", properties, Map.of());
        assertThat(http.host()).isEqualTo("plain-proxy");
        assertThat(http.port()).isEqualTo(80);
    }

    @Test
    void theEnvironmentConventionWithCredentialsAndNoProxy() {
        HttpProxy proxy = Network.proxyFor(
                SYSTEM,
                "https",
                Map.of(),
                Map.of(
                        "https_proxy",
                        "http://svc%40corp:p%3Ass@proxy.corp.example:3128/",
                        "NO_PROXY",
                        "localhost, .internal.example,10.1.2.3"));
        assertThat(proxy).isNotNull();
        assertThat(proxy.host()).isEqualTo("proxy.corp.example");
        assertThat(proxy.port()).isEqualTo(3128);
        assertThat(proxy.username()).contains("svc@corp");
        assertThat(proxy.password()).contains("p:ss");
        assertThat(proxy.bypasses("db.internal.example")).isTrue();
        assertThat(proxy.bypasses("internal.example")).isTrue();
        assertThat(proxy.bypasses("10.1.2.3")).isTrue();
        assertThat(proxy.bypasses("app.relatel.dk")).isFalse();
        assertThat(proxy.toString()).doesNotContain("p:ss").contains("password=[REDACTED]");
        assertThat(Network.proxyFor(SYSTEM, "http", Map.of(), Map.of("HTTP_PROXY", "plain:8080"))
                        .port())
                .isEqualTo(8080);
    }

    @Test
    void aMalformedProxySettingIsRefusedNamingIt() {
        assertThatThrownBy(() -> Network.proxyFor(SYSTEM, "https", Map.of(), Map.of("HTTPS_PROXY", "socks5://x:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HTTPS_PROXY must be an http:// proxy URL");
        assertThatThrownBy(() -> Network.proxyFor(
                        SYSTEM, "https", Map.of("https.proxyHost", "p", "https.proxyPort", "eighty"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("https.proxyPort must be a port number");
        assertThatThrownBy(() -> HttpProxy.of("p", 0)).hasMessageContaining("proxy port");
    }

    @Test
    void theApplicationsUserAgentGoesFirst() {
        assertThat(Network.userAgent(NetworkSettings.defaults(), "firmafon-java-sdk/1"))
                .isEqualTo("firmafon-java-sdk/1");
        assertThat(Network.userAgent(
                        NetworkSettings.builder().userAgent(" myapp/1.2 ").build(), "firmafon-java-sdk/1"))
                .isEqualTo("myapp/1.2 firmafon-java-sdk/1");
    }

    @Test
    void aProxyUrlMayLeaveOutItsSchemeAndPortAndABadOneIsNamedByItsSourceWithoutItsPassword() {
        HttpProxy bare = HttpProxy.fromUrl("--proxy", "proxy.corp.example");
        assertThat(bare.host()).isEqualTo("proxy.corp.example");
        assertThat(bare.port()).isEqualTo(80);
        assertThat(bare.username()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> HttpProxy.fromUrl("--proxy", "socks5://svc:s3cret@proxy.corp.example:1080"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--proxy must be an http:// proxy URL")
                .hasMessageNotContaining("s3cret");
    }
}
