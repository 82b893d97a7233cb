package dk.firmafon.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.HttpMethod;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code firmafon api METHOD PATH}: any authenticated request, printing the JSON body. */
@Command(
        name = "api",
        description = {
            "Send any authenticated request and print the JSON body.",
            "For example:",
            "  firmafon api GET /calls -q limit=5",
            "  firmafon api POST /contacts -d '{\"contact\": {\"number\": \"4571999999\", \"name\": \"Ann\"}}'"
        })
final class ApiCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "METHOD", description = "GET, POST, PUT or DELETE.")
    String method = "GET";

    @Parameters(index = "1", paramLabel = "PATH", description = "Relative to the base URL, e.g. /calls.")
    String path = "/";

    @Option(
            names = {"-q", "--query"},
            paramLabel = "NAME=VALUE",
            description = "A query parameter (repeatable).")
    Map<String, String> query = new LinkedHashMap<>();

    @Option(
            names = {"-d", "--data"},
            paramLabel = "JSON",
            description = "A JSON request body.")
    Optional<String> data = Optional.empty();

    ApiCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        ApiRequest request = request(httpMethod());
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            request = request.withQuery(parameter.getKey(), parameter.getValue());
        }
        if (data.isPresent()) {
            request = request.withBody(body(data.get()));
        }
        Optional<JsonNode> body = client().retrieveJson(request).blockOptional(WAIT);
        body.ifPresent(output()::document);
        return ExitCodes.OK;
    }

    private HttpMethod httpMethod() {
        try {
            return HttpMethod.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("METHOD must be GET, POST, PUT or DELETE, was " + method);
        }
    }

    private ApiRequest request(HttpMethod httpMethod) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("PATH must start with /, was " + path);
        }
        return switch (httpMethod) {
            case GET -> ApiRequest.get(path);
            case POST -> ApiRequest.post(path);
            case PUT -> ApiRequest.put(path);
            case DELETE -> ApiRequest.delete(path);
        };
    }

    private JsonNode body(String json) {
        try {
            return client().objectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--data is not JSON: " + e.getOriginalMessage());
        }
    }
}
