package dk.firmafon.core.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.HttpMethod;
import dk.firmafon.core.internal.Attempt;
import dk.firmafon.core.internal.ClientAccess;
import dk.firmafon.foundation.internal.Checks;
import dk.firmafon.foundation.internal.Timeouts;
import java.net.URI;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * JSON POSTs to a second host that takes its credential in the body (the live events feed), on a
 * {@link FirmafonClient}'s own transport (pool, proxy, TLS, logging, lifecycle) but never with the API credential:
 * the request goes through the pipeline below authentication. The target must pass the client's plain-http rule.
 */
public final class ExternalJson {
    private ExternalJson() {}

    /**
     * POSTs {@code body} (JSON) to {@code target} and reads the JSON answer (a non-2xx answer is the usual typed
     * {@code FirmafonApiException}); {@code timeout} is the attempt's deadline and the silence it allows (a long
     * poll holds the answer back on purpose).
     */
    public static Mono<JsonNode> post(
            FirmafonClient client, URI target, Object body, Duration timeout, boolean allowInsecureHttp) {
        return Mono.defer(() -> {
            if (Checks.isPlainHttpRefused(target, allowInsecureHttp)) {
                throw new IllegalArgumentException("refusing to send the credential over plain http to "
                        + target.getHost() + ": use https, or allowInsecureHttp(true) if you really mean it");
            }
            byte[] json;
            try {
                json = client.objectMapper().writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("body could not be written as JSON", e);
            }
            Attempt call = Attempt.first(
                    HttpMethod.POST,
                    Checks.canonical(target),
                    target.getRawPath(),
                    json,
                    false,
                    false,
                    null,
                    null,
                    new String[0],
                    Timeouts.capped(timeout).toNanos());
            return ClientAccess.unauthenticated(client).sendJson(call).next();
        });
    }
}
