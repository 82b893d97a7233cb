package dk.firmafon.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Routes a request by method and path pattern ({@code /calls/:uuid}) to the handler of its resource. */
public final class Router {

    /** Answers one matched request. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Exchange exchange);
    }

    private record Route(String method, String[] segments, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    public Router post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    public Router put(String pattern, Handler handler) {
        add("PATCH", pattern, handler);
        return add("PUT", pattern, handler);
    }

    public Router delete(String pattern, Handler handler) {
        return add("DELETE", pattern, handler);
    }

    private Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    /** Runs the matching handler; an unknown path or method is a 404 with the service's error body, as Rails routes it. */
    public Reply dispatch(Exchange exchange) {
        String[] segments = split(exchange.path());
        for (Route route : routes) {
            if (!route.method().equals(exchange.method())) {
                continue;
            }
            Map<String, String> params = match(route.segments(), segments);
            if (params != null) {
                exchange.pathParams(params);
                return route.handler().handle(exchange);
            }
        }
        throw HttpError.notFound();
    }

    private static @Nullable Map<String, String> match(String[] pattern, String[] actual) {
        if (pattern.length != actual.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith(":")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                params.put(
                        pattern[i].substring(1),
                        URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!pattern[i].equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
