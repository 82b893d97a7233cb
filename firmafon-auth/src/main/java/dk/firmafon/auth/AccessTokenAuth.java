package dk.firmafon.auth;

import dk.firmafon.foundation.internal.Checks;
import reactor.core.publisher.Mono;

/**
 * A one-off access token a Firmafon user created in the web interface. Sent as {@code Authorization: Bearer}
 * unless {@link AuthStrategy#queryParameter(String)} was chosen explicitly. Such a token cannot be renewed:
 * once the API answers 401 it never works again.
 */
public final class AccessTokenAuth implements AuthStrategy {
    private final Credential credential;
    private final Mono<Credential> credentialMono;

    private AccessTokenAuth(Credential credential) {
        this.credential = credential;
        this.credentialMono = Mono.just(credential);
    }

    static AccessTokenAuth bearer(String token) {
        return new AccessTokenAuth(Credential.header("Authorization", "Bearer " + Checks.token("token", token)));
    }

    static AccessTokenAuth queryParameter(String token) {
        return new AccessTokenAuth(Credential.queryParameter("access_token", Checks.token("token", token)));
    }

    /** Where the token is placed on requests. */
    public Credential.Placement placement() {
        return credential.placement();
    }

    @Override
    public Mono<Credential> credential() {
        return credentialMono;
    }

    /** A static token cannot be replaced: always {@code false}. */
    @Override
    public Mono<Boolean> invalidate(Credential rejected) {
        return Mono.just(Boolean.FALSE);
    }

    @Override
    public String toString() {
        return "AccessTokenAuth{" + credential.placement() + ", token=[REDACTED]}";
    }
}
