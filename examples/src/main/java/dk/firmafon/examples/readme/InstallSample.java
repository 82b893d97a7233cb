package dk.firmafon.examples.readme;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.calls.model.Call;
import reactor.core.publisher.Flux;

/** README, "Install": with firmafon-bom imported and firmafon-sdk declared, one entry point for every resource. */
final class InstallSample {
    private InstallSample() {}

    static Flux<Call> firstCalls(String token) {
        // [readme]
        Firmafon firmafon = Firmafon.builder()
                .baseUri(Firmafon.FIRMAFON) // or Firmafon.RELATEL, or a fake on loopback
                .auth(AuthStrategy.bearer(token))
                .build(); // one per application; close() on shutdown
        return firmafon.calls().list().take(10); // newest first, pages fetched as you consume
        // [readme]
    }
}
