package dk.firmafon.benchmarks.internal;

import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.calls.CallsClient;
import dk.firmafon.calls.model.Call;
import dk.firmafon.core.FirmafonClient;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One cold start, as its own JVM (run by {@link StartupBenchmark}): builds a client, fetches one call, decodes it,
 * prints {@code FIRST <build ns> <first call ns> <classes loaded>} and exits. {@code sdk}: a {@link FirmafonClient} and
 * a {@link CallsClient}, as the README shows; {@code jdk}: the JDK's {@code HttpClient} and Jackson decoding into the
 * same model with the same mapper configuration (as {@link JdkClientContender}).
 */
public final class StartupProbe {
    private StartupProbe() {}

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        URI base = URI.create(args[1]);
        long start = System.nanoTime();
        Call call;
        long built;
        if ("sdk".equals(kind)) {
            try (FirmafonClient client = FirmafonClient.builder()
                    .baseUri(base)
                    .auth(AuthStrategy.bearer(CallsServer.TOKEN))
                    .build()) {
                built = System.nanoTime();
                call = CallsClient.create(client).get(CallsServer.KNOWN_UUID).block(Duration.ofSeconds(30));
            }
        } else {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            var reader = Envelopes.mapper().readerFor(Envelopes.CallEnvelope.class);
            built = System.nanoTime();
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/calls/" + CallsServer.KNOWN_UUID))
                            .header("Authorization", CallsServer.AUTHORIZATION)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            call = reader.<Envelopes.CallEnvelope>readValue(response.body()).call();
        }
        long first = System.nanoTime();
        if (call == null || call.callUuid().isEmpty()) {
            throw new IllegalStateException("no call decoded");
        }
        System.out.println("FIRST " + (built - start) + " " + (first - start) + " "
                + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.flush();
        System.exit(0);
    }
}
