package dk.firmafon.examples.readme;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import java.net.URI;
import java.time.Duration;

/** Prints your ten newest calls. */
public class FirstProgram {
    public static void main(String[] args) {
        String token = System.getenv("FIRMAFON_TOKEN"); // a personal access token from Firmafon's web interface
        if (token == null) {
            System.err.println("Set FIRMAFON_TOKEN (and FIRMAFON_BASE_URI for Relatel or a fake)");
            System.exit(2);
        }
        URI api = URI.create(System.getenv().getOrDefault("FIRMAFON_BASE_URI", Firmafon.FIRMAFON.toString()));
        try (Firmafon firmafon =
                Firmafon.builder().baseUri(api).auth(AuthStrategy.bearer(token)).build()) {
            firmafon.calls()
                    .list() // newest first, pages fetched as you consume
                    .take(10)
                    .doOnNext(call -> System.out.println(call.callUuid() + " "
                            + call.startedAtInstant().map(Object::toString).orElse("(not started)")))
                    .blockLast(Duration.ofSeconds(30)); // a program waits here; a reactive service returns the Flux
        }
    }
}
