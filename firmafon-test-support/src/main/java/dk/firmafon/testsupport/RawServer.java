package dk.firmafon.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on a free loopback port that hands each accepted connection to a script, on a thread of its own: for
 * the answers an HTTP library would refuse to give (a body trickled a byte at a time, an endless run of
 * {@code 100 Continue}, a duplicate {@code Content-Length}, a TLS handshake that never starts). Counts connections and
 * the requests the scripts read; keeps the request heads for assertions.
 */
public final class RawServer implements AutoCloseable {
    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        void run(Connection connection) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private RawServer(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "raw-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server running {@code script} for each connection. */
    public static RawServer start(Script script) {
        try {
            return new RawServer(script);
        } catch (IOException e) {
            throw new IllegalStateException("could not open a loopback server socket", e);
        }
    }

    /** Starts a server that answers every request on every connection with {@code response}, byte for byte. */
    public static RawServer answeringEvery(String response) {
        return start(connection -> {
            while (connection.readRequest() != null) {
                connection.write(response);
            }
        });
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                open.add(client);
                Thread handler = new Thread(() -> serve(client), "raw-server-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            script.run(new Connection(client));
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server closed: what the script tests is on the client's side
        } finally {
            open.remove(client);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** {@code https://127.0.0.1:<port>}. */
    public URI httpsUri() {
        return URI.create("https://127.0.0.1:" + socket.getLocalPort());
    }

    /** The port. */
    public int port() {
        return socket.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Requests the scripts read so far ({@link Connection#readRequest()}). */
    public int requests() {
        return requests.get();
    }

    /** The request heads read so far (request line and headers), in order. */
    public List<String> heads() {
        return List.copyOf(heads);
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        for (Socket client : open) {
            try {
                client.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    /** One accepted connection, as a script sees it. */
    public final class Connection {
        private final Socket client;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket client) throws IOException {
            this.client = client;
            this.in = client.getInputStream();
            this.out = client.getOutputStream();
        }

        /**
         * Reads one request (head and a {@code Content-Length} body) and returns its head; null when the client
         * closed the connection first.
         */
        public String readRequest() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            int b;
            while (matched < 4 && (b = in.read()) >= 0) {
                head.write(b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1
                        : b == '\r' ? 1 : 0;
            }
            if (matched < 4) {
                return null;
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    long length = Long.parseLong(line.substring(15).trim());
                    in.readNBytes((int) length);
                }
            }
            requests.incrementAndGet();
            heads.add(text);
            return text;
        }

        /** Writes {@code text} (ISO-8859-1) and flushes. */
        public void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Writes {@code bytes} and flushes. */
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Waits {@code millis}, or less when the server closes. */
        public void pause(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }

        /** Whether the client has closed its side (a read would end); never blocks. */
        public boolean clientClosed() {
            try {
                return client.isClosed() || client.isInputShutdown();
            } catch (RuntimeException e) {
                return true;
            }
        }

        /** Holds the connection open, reading and discarding, until the client closes it or the server does. */
        public void drainUntilClosed() throws IOException {
            byte[] buffer = new byte[4096];
            try {
                while (in.read(buffer) >= 0) {
                    // discard
                }
            } catch (SocketException closed) {
                // done
            }
        }
    }
}
