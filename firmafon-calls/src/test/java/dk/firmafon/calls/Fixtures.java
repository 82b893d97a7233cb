package dk.firmafon.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.testsupport.TestSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** The shared example payloads (copied to test resources), the mapper that reads them, and a client for WireMock. */
public final class Fixtures {
    /** The client's mapper (snake_case, java.time, Optional, unknown fields ignored, offsets kept). */
    public static final ObjectMapper MAPPER = FirmafonClient.newObjectMapper();
    /** The token every WireMock test authenticates with. */
    public static final String TOKEN = TestSecrets.TEST_TOKEN;

    private Fixtures() {}

    /** A client for a fake server at {@code baseUrl}, authenticating with {@code Bearer test-token}. */
    public static FirmafonClient client(String baseUrl) {
        return FirmafonClient.builder()
                .baseUri(URI.create(baseUrl))
                .auth(AuthStrategy.bearer(TOKEN))
                .build();
    }

    /** An endpoint as the server may send it (e.g. {@code undefined}), read like the client reads it. */
    public static Endpoint readEndpoint(String text) {
        return MAPPER.convertValue(text, Endpoint.class);
    }

    /** A number as the server may send it (e.g. {@code anonymous}), read like the client reads it. */
    public static PhoneNumber readPhoneNumber(String text) {
        return MAPPER.convertValue(text, PhoneNumber.class);
    }

    /** {@code json} as a tree. */
    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code fixtures/<name>}. */
    public static String text(String name) {
        return dk.firmafon.testsupport.Fixtures.text(name);
    }
}
