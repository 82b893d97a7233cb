package dk.firmafon.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.firmafon.auth.AuthorizationRequest;
import dk.firmafon.auth.OAuth2Client;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code auth url} keeps for {@code auth exchange}: the request's {@code state} and PKCE code verifier, beside
 * the token file and as private as it (both are secrets; neither is ever printed).
 */
final class PendingAuthorization {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;

    PendingAuthorization(TokenFile tokenFile) {
        Path directory = tokenFile.path().toAbsolutePath().getParent();
        this.path = directory.resolve("pending-authorization.json");
    }

    void save(AuthorizationRequest request) {
        ObjectNode json = MAPPER.createObjectNode().put("state", request.state());
        request.codeVerifier().ifPresent(verifier -> json.put("code_verifier", verifier));
        try {
            PrivateFile.write(path, MAPPER.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the pending authorization as JSON", e);
        }
    }

    /** The saved request, rebuilt for {@code oauth}. */
    AuthorizationRequest load(OAuth2Client oauth) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationException("no authorization is pending: run `firmafon auth url` first");
        }
        try {
            JsonNode json = MAPPER.readTree(path.toFile());
            JsonNode verifier = json.path("code_verifier");
            return oauth.authorizationRequest(
                    json.path("state").asText(), verifier.isTextual() ? verifier.asText() : null);
        } catch (IOException e) {
            throw PrivateFile.unreadable("the pending sign-in", path, e, "run `firmafon auth url` again");
        }
    }

    void delete() {
        PrivateFile.delete(path);
    }
}
