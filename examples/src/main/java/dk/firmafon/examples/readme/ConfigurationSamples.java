package dk.firmafon.examples.readme;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.micrometer.FirmafonObservations;
import dk.firmafon.net.HttpProxy;
import dk.firmafon.net.NetworkSettings;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** docs/configuration.md and docs/observability.md: network settings, shutting down, observations. */
final class ConfigurationSamples {
    private ConfigurationSamples() {}

    static Firmafon throughACorporateProxy(AuthStrategy auth, String proxyPassword) {
        // [readme]
        NetworkSettings network = NetworkSettings.builder()
                .proxy(HttpProxy.of("proxy.corp.example", 3128)
                        .withCredentials("svc-firmafon", proxyPassword)
                        .withNonProxyHosts(List.of("localhost", "*.corp.example")))
                .trustedCertificates(Path.of("/etc/ssl/corp-ca.pem")) // a TLS-inspecting proxy's CA
                .userAgent("myapp/1.2") // User-Agent: myapp/1.2 firmafon-java-sdk/<version>
                .build();
        Firmafon firmafon =
                Firmafon.builder().auth(auth).client(c -> c.network(network)).build();
        // [readme]
        return firmafon;
    }

    static void shutDown(Firmafon firmafon) {
        // [readme]
        firmafon.closeGracefully(Duration.ofSeconds(10)).block(Duration.ofSeconds(11)); // off the event loop
        // [readme]
    }

    static FirmafonClient observed(String token, ObservationRegistry observationRegistry) {
        // [readme]
        FirmafonClient client = FirmafonClient.builder()
                .auth(AuthStrategy.bearer(token))
                .requestObserver(FirmafonObservations.of(observationRegistry))
                .build();
        // [readme]
        return client;
    }
}
