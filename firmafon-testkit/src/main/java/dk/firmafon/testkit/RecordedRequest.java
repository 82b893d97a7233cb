package dk.firmafon.testkit;

import dk.firmafon.testkit.internal.Exchange;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request the fake received, as {@link Journal#requests()} reports it.
 *
 * @param method the HTTP method, upper case
 * @param path the raw path, e.g. {@code /api/v2/calls}
 * @param query the raw query string, empty when there was none
 * @param headers the headers, names as sent
 * @param body the body as UTF-8 text, empty when there was none
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, String body) {

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter, decoded. */
    public Optional<String> queryParameter(String name) {
        List<String> values = Exchange.parseForm(query).get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + redacted(query));
    }

    /** Secrets in the query string never reach a test report. */
    private static String redacted(String query) {
        return query.replaceAll(
                "(?i)(access_token|client_secret|code|code_verifier|refresh_token)=[^&]*", "$1=REDACTED");
    }
}
