package dk.firmafon.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Listens on the redirect URI's loopback address for the one OAuth callback of {@code auth login}, on the JDK's own
 * HTTP server. The first request to the redirect path is read with a caller-supplied function (which checks the
 * state and extracts the code); the browser is told whether that worked, and {@link #await(Duration)} returns the
 * result or throws what the function threw.
 */
final class CallbackListener<T> implements AutoCloseable {
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final HttpServer server;
    private final URI redirectUri;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private CallbackListener(HttpServer server, URI redirectUri, Function<URI, T> reader) {
        this.server = server;
        this.redirectUri = redirectUri;
        String path =
                redirectUri.getRawPath() == null || redirectUri.getRawPath().isEmpty() ? "/" : redirectUri.getRawPath();
        server.createContext("/", exchange -> respond(exchange, path, reader));
    }

    /**
     * Starts listening on {@code redirectUri}'s host and port (port 0 picks a free one: {@link #redirectUri()} then
     * has the real port).
     *
     * @throws ConfigurationException when the redirect URI is not {@code http} on a loopback host
     */
    static <T> CallbackListener<T> start(URI redirectUri, Function<URI, T> reader) {
        String host = redirectUri.getHost();
        if (!"http".equalsIgnoreCase(redirectUri.getScheme()) || host == null || !LOOPBACK_HOSTS.contains(host)) {
            throw new ConfigurationException("auth login receives the callback itself, so FIRMAFON_REDIRECT_URI must be"
                    + " http on a loopback host, e.g. http://127.0.0.1:8765/callback (was " + redirectUri
                    + "); for other redirect URIs use `auth url` and `auth exchange`");
        }
        int port = redirectUri.getPort() < 0 ? 80 : redirectUri.getPort();
        try {
            InetAddress address = InetAddress.getByName(host.replace("[", "").replace("]", ""));
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
            CallbackListener<T> listener = new CallbackListener<>(
                    server, withPort(redirectUri, server.getAddress().getPort()), reader);
            server.start();
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen for the OAuth callback on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The redirect URI with the port actually listened on. */
    URI redirectUri() {
        return redirectUri;
    }

    /** Waits (on the calling thread) for the callback; throws what reading it threw. */
    T await(Duration timeout) throws TimeoutException {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the OAuth callback", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void respond(HttpExchange exchange, String path, Function<URI, T> reader) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())
                    || !path.equals(exchange.getRequestURI().getRawPath())) {
                send(exchange, 404, "Not the Firmafon sign-in callback.");
                return;
            }
            if (result.isDone()) {
                send(exchange, 409, "This sign-in was already handled; return to the terminal.");
                return;
            }
            try {
                T value = reader.apply(redirectUri.resolve(exchange.getRequestURI()));
                result.complete(value);
                send(exchange, 200, "Signed in to Firmafon. You can close this tab and return to the terminal.");
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                send(exchange, 400, "Sign-in failed: " + e.getMessage());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = ("<!doctype html><meta charset=utf-8><title>firmafon</title><p>" + html(text) + "</p>\n")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static URI withPort(URI uri, int port) {
        try {
            return new URI(
                    uri.getScheme(), uri.getUserInfo(), uri.getHost(), port, uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("redirect URI " + uri + ": " + e.getMessage(), e);
        }
    }
}
