package dk.firmafon.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dk.firmafon.testkit.internal.ApiPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fake received, oldest first: every request, including those answered with a fault.
 *
 * <pre>{@code
 * assertThat(fake.journal().count("POST", "/employees/15/message")).isEqualTo(1);
 * RecordedRequest last = fake.journal().last();
 * assertThat(last.header("Authorization")).hasValue("Bearer " + fake.accessToken());
 * }</pre>
 *
 * <p>Paths given to {@link #count} and {@link #requests(String, String)} are matched like {@link Faults} matches them:
 * below {@code /api/v2} or absolute, {@code .json} ignored, {@code *} for any one segment or any method.
 */
public final class Journal {

    private final WireMockServer server;

    Journal(WireMockServer server) {
        this.server = server;
    }

    /** Every request received since the start or the last {@link #clear()}, oldest first. */
    public List<RecordedRequest> requests() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        List<RecordedRequest> requests = new ArrayList<>(events.size());
        for (int i = events.size() - 1; i >= 0; i--) {
            requests.add(recorded(events.get(i).getRequest()));
        }
        return requests;
    }

    /** The requests that match a method and path, oldest first. */
    public List<RecordedRequest> requests(String method, String path) {
        return requests().stream()
                .filter(r -> ApiPath.matches(method, path, r.method(), r.path()))
                .toList();
    }

    /** How many requests matched a method and path. */
    public int count(String method, String path) {
        return requests(method, path).size();
    }

    /** The newest request; {@link IllegalStateException} when there was none. */
    public RecordedRequest last() {
        List<RecordedRequest> requests = requests();
        if (requests.isEmpty()) {
            throw new IllegalStateException("the fake has received no request");
        }
        return requests.get(requests.size() - 1);
    }

    /** Forgets every request received so far. */
    public void clear() {
        server.resetRequests();
    }

    private static RecordedRequest recorded(LoggedRequest request) {
        String url = request.getUrl();
        int question = url.indexOf('?');
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        byte[] body = request.getBody();
        return new RecordedRequest(
                request.getMethod().getName(),
                question < 0 ? url : url.substring(0, question),
                question < 0 ? "" : url.substring(question + 1),
                headers,
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }
}
