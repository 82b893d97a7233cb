package dk.firmafon.announcements;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.core.FirmafonClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shared example payload (copied from the API page's fixtures) and the client's mapper. */
public final class Fixtures {
    private static final ObjectMapper MAPPER = FirmafonClient.newObjectMapper();

    private Fixtures() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The fixture's text, e.g. {@code text("announcement.json")}. */
    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
