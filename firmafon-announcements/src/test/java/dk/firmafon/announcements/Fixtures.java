package dk.firmafon.announcements;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.core.FirmafonClient;

/** The shared example payload (copied from the API page's fixtures) and the client's mapper. */
public final class Fixtures {
    private static final ObjectMapper MAPPER = FirmafonClient.newObjectMapper();

    private Fixtures() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The fixture's text, e.g. {@code text("announcement.json")}. */
    public static String text(String name) {
        return dk.firmafon.testsupport.Fixtures.text(name);
    }
}
