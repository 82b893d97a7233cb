package dk.firmafon.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real faye 1.4.3 server (npm) on loopback, for the conformance tests: installed with {@code npm ci} from the
 * committed {@code src/test/faye/package-lock.json} into {@code target/faye-server} the first time, started as a
 * {@code node} process. Node 20 and npm must be installed (the README's requirements): without them the tests fail
 * with a message that says so, they never skip.
 */
final class FayeServer implements AutoCloseable {
    static final String PUBLISHER = "test-publisher-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final reactor.netty.http.client.HttpClient HTTP = reactor.netty.http.client.HttpClient.create()
            .responseTimeout(WAIT)
            .headers(headers -> headers.set("Content-Type", "application/json"));

    private final String token;
    private final boolean websocket;
    private Process process;
    private int port;

    private FayeServer(String token, boolean websocket) {
        this.token = token;
        this.websocket = websocket;
    }

    /** Starts a server that takes {@code token} in {@code ext}; {@code websocket == false} refuses upgrades. */
    static FayeServer start(String token, boolean websocket) throws IOException, InterruptedException {
        FayeServer server = new FayeServer(token, websocket);
        server.launch(0);
        return server;
    }

    URI feedUri() {
        return URI.create("http://127.0.0.1:" + port + "/faye");
    }

    /** Publishes {@code data} on {@code channel}, as the service would. */
    void publish(String channel, String data) throws IOException, InterruptedException {
        String body = "[{\"channel\":\"" + channel + "\",\"data\":" + data + ",\"ext\":{\"publisher\":\"" + PUBLISHER
                + "\"}}]";
        String answer = HTTP.post()
                .uri(feedUri())
                .send(reactor.netty.ByteBufFlux.fromString(reactor.core.publisher.Mono.just(body)))
                .responseContent()
                .aggregate()
                .asString()
                .block(WAIT);
        JsonNode reply = JSON.readTree(answer);
        if (!reply.path(0).path("successful").asBoolean(false)) {
            throw new IllegalStateException("faye refused the publication: " + answer);
        }
    }

    /** The meta messages the server accepted: handshakes, subscribes, unsubscribes, disconnects. */
    JsonNode stats() throws IOException, InterruptedException {
        String answer = HTTP.get()
                .uri("http://127.0.0.1:" + port + "/control/stats")
                .responseContent()
                .aggregate()
                .asString()
                .block(WAIT);
        return JSON.readTree(answer);
    }

    /** Closes every open connection (held long polls included); the server keeps its sessions. */
    void dropConnections() throws IOException, InterruptedException {
        HTTP.post()
                .uri("http://127.0.0.1:" + port + "/control/drop")
                .responseContent()
                .aggregate()
                .asString()
                .block(WAIT);
    }

    /** Stops and starts the server on the same port: it forgets every session. */
    void restart() throws IOException, InterruptedException {
        int same = port;
        stop();
        launch(same);
    }

    private void launch(int wanted) throws IOException, InterruptedException {
        Path dir = installed();
        ProcessBuilder builder = new ProcessBuilder(node(), "server.js").directory(dir.toFile());
        builder.environment().put("PORT", Integer.toString(wanted));
        builder.environment().put("FAYE_TOKEN", token);
        builder.environment().put("FAYE_PUBLISHER", PUBLISHER);
        builder.environment().put("FAYE_TIMEOUT", "2");
        builder.environment().put("FAYE_WEBSOCKET", Boolean.toString(websocket));
        builder.redirectErrorStream(true);
        process = builder.start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String first;
        try {
            first = line.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the faye server did not start within 30 s", e);
        }
        if (first == null || !first.startsWith("listening ")) {
            stop();
            throw new IllegalStateException("the faye server did not start: " + first);
        }
        port = Integer.parseInt(first.substring("listening ".length()).trim());
        Thread drain = new Thread(
                () -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                },
                "faye-output");
        drain.setDaemon(true);
        drain.start();
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code target/faye-server} with faye installed by {@code npm ci} (once). */
    private static synchronized Path installed() throws IOException, InterruptedException {
        Path source = Path.of("src", "test", "faye");
        Path target = Path.of("target", "faye-server");
        Files.createDirectories(target);
        for (String file : List.of("package.json", "package-lock.json", "server.js")) {
            Files.copy(source.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(target.resolve("node_modules").resolve("faye"))) {
            Process npm = new ProcessBuilder(npm(), "ci", "--no-audit", "--no-fund")
                    .directory(target.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(target.resolve("npm-ci.log").toFile())
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IllegalStateException(
                        "npm ci did not finish within 5 minutes; see " + target.resolve("npm-ci.log"));
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed (exit " + npm.exitValue() + "): "
                        + Files.readString(target.resolve("npm-ci.log")));
            }
        }
        return target;
    }

    private static String node() {
        return tool("node");
    }

    private static String npm() {
        return tool("npm");
    }

    /** The tool on the PATH, or a clear failure: the live-events tests need Node 20 and npm. */
    private static String tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("the live-events conformance tests run the real faye server and need " + name
                + " (Node 20 with npm) on the PATH; install Node 20 (see the README's requirements)");
    }
}
