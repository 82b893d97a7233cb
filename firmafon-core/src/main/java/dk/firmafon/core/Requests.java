package dk.firmafon.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.core.internal.Attempt;
import dk.firmafon.core.internal.Hosts;
import dk.firmafon.foundation.internal.Checks;
import dk.firmafon.foundation.internal.Redaction;
import dk.firmafon.foundation.internal.Timeouts;
import java.net.URI;
import java.util.Locale;

/** Turns an {@link ApiRequest} into the pipeline's {@link Attempt} for one client: URI assembly in one home. */
final class Requests {
    private final URI baseUri;
    private final String base;
    private final ObjectMapper mapper;
    private final boolean allowInsecureHttp;

    Requests(URI baseUri, ObjectMapper mapper, boolean allowInsecureHttp) {
        this.baseUri = baseUri;
        String uri = Checks.canonical(baseUri);
        this.base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        this.mapper = mapper;
        this.allowInsecureHttp = allowInsecureHttp;
    }

    /**
     * The call for {@code request}: its URI (relative paths appended to the base; an absolute one parsed, checked
     * and sent as parsed), query (credential parameters kept apart, for the connection to add), body as JSON and
     * options.
     *
     * @throws IllegalArgumentException naming what is wrong with the request
     */
    Attempt call(ApiRequest request, boolean binary) {
        String path = request.path();
        StringBuilder uri;
        String metricsPath;
        String refusal = null;
        if (request.isAbsolute()) {
            URI target;
            try {
                target = URI.create(path);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("path is not a valid URI: " + Redaction.uri(path), e);
            }
            if (target.getRawUserInfo() != null) {
                throw new IllegalArgumentException(
                        "path must not contain user info (user:password@), was: " + Redaction.uri(path));
            }
            refusal = Hosts.refusal(target, baseUri, allowInsecureHttp);
            // what was checked is what is sent: the URI as java.net.URI parsed it, not the caller's string
            uri = new StringBuilder(path.length() + 32)
                    .append(refusal == null || target.getHost() != null ? Checks.canonical(target) : path);
            metricsPath = target.getScheme().toLowerCase(Locale.ROOT) + "://" + target.getHost()
                    + (target.getPort() >= 0 ? ":" + target.getPort() : "") + target.getRawPath();
        } else {
            uri = new StringBuilder(base.length() + path.length() + 48)
                    .append(base)
                    .append(path);
            metricsPath = path;
        }
        StringBuilder hidden = new StringBuilder();
        request.appendQuery(uri, hidden);
        byte[] body = null;
        Object json = request.bodyOrNull();
        if (json != null) {
            try {
                body = mapper.writeValueAsBytes(json);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "body could not be written as JSON (" + json.getClass().getSimpleName() + ")", e);
            }
        }
        Attempt call = Attempt.first(
                request.method(),
                uri.toString(),
                metricsPath,
                body,
                request.idempotent(),
                binary,
                refusal,
                hidden.length() == 0 ? null : hidden.toString(),
                request.headerArray(),
                request.timeout().map(t -> Timeouts.capped(t).toNanos()).orElse(-1L));
        return call.withPathTemplate(request.pathTemplate());
    }
}
