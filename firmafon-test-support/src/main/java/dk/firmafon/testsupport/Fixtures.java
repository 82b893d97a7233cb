package dk.firmafon.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API page's example payloads, kept once for every module's tests under {@code /fixtures/} on the test class
 * path (copied unchanged from the project's shared fixtures).
 */
public final class Fixtures {
    private Fixtures() {}

    /** The fixture's text, e.g. {@code text("call.json")}. */
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
