package dk.firmafon.auth;

import dk.firmafon.foundation.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import reactor.core.publisher.Mono;

/** HTTP Basic as Firmafon defines it: the access token as user name, an empty password. */
public final class BasicAuth implements AuthStrategy {
    private final Mono<Credential> credential;

    private BasicAuth(String token) {
        String encoded = Base64.getEncoder()
                .encodeToString((Checks.token("token", token) + ":").getBytes(StandardCharsets.UTF_8));
        this.credential = Mono.just(Credential.header("Authorization", "Basic " + encoded));
    }

    static BasicAuth of(String token) {
        return new BasicAuth(token);
    }

    @Override
    public Mono<Credential> credential() {
        return credential;
    }

    /** A static token cannot be replaced: always {@code false}. */
    @Override
    public Mono<Boolean> invalidate(Credential rejected) {
        return Mono.just(Boolean.FALSE);
    }

    @Override
    public String toString() {
        return "BasicAuth{token=[REDACTED]}";
    }
}
