package dk.firmafon.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The token {@code auth login} stores for later commands: {@code {"access_token": ..., "base_url": ...}} in a file
 * only its owner can read (see {@link PrivateFile}).
 */
final class TokenFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;

    TokenFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** A stored token and the API base URL it is for. {@code toString()} never shows the token. */
    record Stored(String accessToken, URI baseUrl) {
        @Override
        public String toString() {
            return "Stored[accessToken=[REDACTED], baseUrl=" + baseUrl + "]";
        }
    }

    /** The stored token, if the file exists. */
    Optional<Stored> read() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            JsonNode json = MAPPER.readTree(path.toFile());
            String token = json.path("access_token").asText("");
            String baseUrl = json.path("base_url").asText("");
            if (token.isEmpty() || baseUrl.isEmpty()) {
                throw new ConfigurationException(
                        "the token file " + path + " lacks access_token or base_url: run `firmafon auth login` again");
            }
            return Optional.of(new Stored(token, URI.create(baseUrl)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("cannot read the token file " + path + ": " + e.getMessage());
        }
    }

    /** Stores {@code token}, replacing any earlier one. */
    void write(Stored token) {
        try {
            PrivateFile.write(
                    path,
                    MAPPER.writeValueAsBytes(MAPPER.createObjectNode()
                            .put("access_token", token.accessToken())
                            .put("base_url", token.baseUrl().toString())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the token as JSON", e);
        }
    }

    /** Deletes the stored token; returns whether there was one. */
    boolean delete() {
        return PrivateFile.delete(path);
    }
}
