package dk.firmafon.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.Firmafon;
import dk.firmafon.auth.AuthStrategy;
import dk.firmafon.auth.OAuth2Client;
import dk.firmafon.calls.CallQuery;
import dk.firmafon.employees.model.EmployeeUpdate;
import dk.firmafon.error.AuthenticationException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.error.FirmafonTlsException;
import dk.firmafon.error.PagingException;
import dk.firmafon.error.RateLimitedException;
import dk.firmafon.error.ServerErrorException;
import dk.firmafon.error.TokenEndpointException;
import dk.firmafon.net.RetryPolicy;
import dk.firmafon.testkit.FakeFirmafon;
import dk.firmafon.testsupport.RawServer;
import dk.firmafon.testsupport.TestTls;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.test.StepVerifier;

/**
 * Every fault a network, proxy or the service can produce, against every kind of operation, driven through the SDK
 * as a user drives it ({@link Firmafon}) against the fake Firmafon. Each cell of {@link #matrix()} states its outcome
 * (the operation succeeds after the SDK repeated it, or fails with which SDK error), how many requests the server saw
 * and how many attempts the client made; after each cell the connection pool must hold no acquired connection.
 *
 * <p>Retry policy: 3 attempts, 10 ms backoff without jitter, {@code Retry-After} honoured up to 2 s. A fault hits the
 * listing on its second page (planned when the first item arrives), so items were already delivered when it strikes.
 */
class FaultMatrixTest {
    /** One fake for all cells, not reseeded between them: each cell clears faults and journal and has its own token. */
    private static FakeFirmafon fake;

    private static final AtomicInteger CELLS = new AtomicInteger();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The listing: the newest calls down to the 80th, in pages of 30. */
    private static final int PAGE_SIZE = 30;

    private static final int LISTED = 80;
    /** Requests that listing takes without faults: 3 full pages and a last one (the inclusive cursor repeats ties). */
    private static final int PAGES = 4;

    private static final long EMPLOYEE = 15;

    private static String callUuid = "";
    private static Instant oldestListed = Instant.EPOCH;

    @BeforeAll
    static void startTheFakeAndCheckTheFaultFreeListing() {
        fake = FakeFirmafon.start();
        try (PoolProbe pool = PoolProbe.create("warm-up");
                Firmafon firmafon = firmafon(
                        fake.baseUri(),
                        AuthStrategy.bearer(fake.accessToken()),
                        pool,
                        new Counting(),
                        Fault.HTML_500)) {
            StepVerifier.create(firmafon.calls().list().take(LISTED).collectList())
                    .consumeNextWith(calls -> {
                        callUuid = calls.get(0).callUuid();
                        oldestListed =
                                calls.get(LISTED - 1).startedAt().orElseThrow().toInstant();
                    })
                    .expectComplete()
                    .verify(TIMEOUT);
            fake.journal().clear();
            StepVerifier.create(Operation.LIST.run(firmafon).count())
                    .expectNext((long) LISTED)
                    .expectComplete()
                    .verify(TIMEOUT);
            assertThat(fake.journal().requests())
                    .as("requests of the fault-free listing")
                    .hasSize(PAGES);
        }
    }

    @AfterAll
    static void stopTheFake() {
        fake.close();
    }

    @BeforeEach
    void clearFaultsAndJournal() {
        fake.faults().clear();
        fake.journal().clear();
    }

    /** An operation as a user calls it: the method and path a fault is planned on, and the items of a success. */
    enum Operation {
        GET("GET", "/calls/*", 1),
        LIST("GET", "/calls", LISTED),
        UPDATE("PUT", "/employees/" + EMPLOYEE, 1),
        SMS("POST", "/employees/" + EMPLOYEE + "/message", 1);

        final String method;
        final String path;
        final int items;

        Operation(String method, String path, int items) {
            this.method = method;
            this.path = path;
            this.items = items;
        }

        Flux<?> run(Firmafon firmafon) {
            return switch (this) {
                case GET -> firmafon.calls().get(callUuid).flux();
                case LIST -> firmafon.calls()
                        .list(CallQuery.builder()
                                .limit(PAGE_SIZE)
                                .startedAtOrAfter(oldestListed)
                                .build());
                case UPDATE -> firmafon.employees()
                        .update(
                                EMPLOYEE,
                                EmployeeUpdate.builder().doNotDisturb(true).build())
                        .flux();
                case SMS -> firmafon.employees()
                        .sendMessage(EMPLOYEE, "The 10:30 meeting moved to 11:00")
                        .flux();
            };
        }
    }

    /** A fault, planned on the fake for an operation's method and path (or a base URI nothing answers on). */
    enum Fault {
        CONNECTION_REFUSED,
        UNRESOLVABLE_HOST,
        RESET_BEFORE_RESPONSE,
        EMPTY_RESPONSE,
        MALFORMED_CHUNK,
        RANDOM_DATA_THEN_CLOSE,
        BODY_SLOWER_THAN_RESPONSE_TIMEOUT,
        RETRY_AFTER_SECONDS_429,
        RETRY_AFTER_HTTP_DATE_429,
        RETRY_AFTER_BEYOND_CAP_429,
        HTML_500,
        HTML_502,
        HTML_503,
        HTML_504,
        HTML_503_ON_EVERY_ATTEMPT,
        UNAUTHORIZED_401,
        /** The body arrives a piece a second, each within the response timeout, the whole past the attempt deadline. */
        TRICKLING_BODY,
        /** A server of its own that answers every request with {@code 100 Continue} every 200 ms, for ever. */
        INFORMATIONAL_STORM,
        /** A server of its own that accepts the connection and never answers the TLS handshake. */
        TLS_STALL,
        /** A server of its own whose TLS certificate is self-signed. */
        SELF_SIGNED_CERTIFICATE,
        /** The listing's next page is answered as if no cursor had been sent: a full page of newer calls. */
        SERVER_IGNORES_CURSOR,
        /**
         * The user's OAuth token has expired, and the token endpoint (a server of its own) answers the refresh with a
         * 200 whose chunked body never ends.
         */
        UNBOUNDED_TOKEN_BODY;

        /** The server this fault needs of its own (instead of the fake), or null. */
        @Nullable
        OwnServer ownServer() {
            return switch (this) {
                case INFORMATIONAL_STORM -> OwnServer.raw(
                        RawServer.start(connection -> {
                            while (connection.readRequest() != null) {
                                for (int i = 0; i < 1_000; i++) {
                                    connection.write("HTTP/1.1 100 Continue\r\n\r\n");
                                    connection.pause(200);
                                }
                            }
                        }),
                        false);
                case TLS_STALL -> OwnServer.raw(RawServer.start(RawServer.Connection::drainUntilClosed), true);
                case SELF_SIGNED_CERTIFICATE -> OwnServer.tls();
                case UNBOUNDED_TOKEN_BODY -> OwnServer.raw(
                        RawServer.start(connection -> {
                            connection.readRequest();
                            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                    + "Transfer-Encoding: chunked\r\n\r\n");
                            byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes();
                            for (int i = 0; i < 16_384; i++) { // 1 GiB unless the client stops reading
                                connection.write(chunk);
                            }
                        }),
                        false);
                default -> null;
            };
        }

        /** Whether the fault's own server stands in for the API (else it is the token endpoint). */
        boolean ownServerIsTheApi() {
            return this != UNBOUNDED_TOKEN_BODY;
        }

        URI baseUri(FakeFirmafon fake, @Nullable OwnServer own) {
            if (own != null && ownServerIsTheApi()) {
                return own.baseUri();
            }
            return switch (this) {
                case CONNECTION_REFUSED -> URI.create("http://127.0.0.1:" + closedPort() + "/api/v2");
                case UNRESOLVABLE_HOST -> URI.create("http://nonexistent.invalid/api/v2");
                default -> fake.baseUri();
            };
        }

        /** Only the slow body needs a short response timeout; the others keep a loaded machine out of the picture. */
        Duration responseTimeout() {
            return this == BODY_SLOWER_THAN_RESPONSE_TIMEOUT ? Duration.ofMillis(500) : Duration.ofSeconds(10);
        }

        /** The trickle and the storm reset the response timeout with every piece: only the attempt deadline ends them. */
        Duration attemptTimeout() {
            return this == TRICKLING_BODY || this == INFORMATIONAL_STORM
                    ? Duration.ofMillis(1500)
                    : Duration.ofSeconds(60);
        }

        /** The stalled handshake counts against the connect timeout. */
        Duration connectTimeout() {
            return this == TLS_STALL ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
        }

        void plan(FakeFirmafon fake, Operation op, String token) {
            String m = op.method;
            String p = op.path;
            switch (this) {
                case CONNECTION_REFUSED, UNRESOLVABLE_HOST -> {}
                case RESET_BEFORE_RESPONSE -> fake.faults().connectionReset(m, p, 1);
                case EMPTY_RESPONSE -> fake.faults().emptyResponse(m, p, 1);
                case MALFORMED_CHUNK -> fake.faults().malformedChunk(m, p, 1);
                case RANDOM_DATA_THEN_CLOSE -> fake.faults().randomDataThenClose(m, p, 1);
                case BODY_SLOWER_THAN_RESPONSE_TIMEOUT -> fake.faults().slowBody(m, p, Duration.ofSeconds(4));
                case RETRY_AFTER_SECONDS_429 -> fake.faults().tooManyRequests(m, p, 1, Duration.ofSeconds(1));
                case RETRY_AFTER_HTTP_DATE_429 -> fake.faults()
                        .tooManyRequests(m, p, 1, Instant.now().plusSeconds(1));
                case RETRY_AFTER_BEYOND_CAP_429 -> fake.faults().tooManyRequests(m, p, 1, Duration.ofSeconds(120));
                case HTML_500 -> fake.faults().serverError(m, p, 1, 500);
                case HTML_502 -> fake.faults().serverError(m, p, 1, 502);
                case HTML_503 -> fake.faults().serverError(m, p, 1, 503);
                case HTML_504 -> fake.faults().serverError(m, p, 1, 504);
                case HTML_503_ON_EVERY_ATTEMPT -> fake.faults().serverError(m, p, 3, 503);
                case UNAUTHORIZED_401 -> fake.revokeToken(token);
                case TRICKLING_BODY -> fake.faults().slowBody(m, p, Duration.ofSeconds(4));
                case INFORMATIONAL_STORM, TLS_STALL, SELF_SIGNED_CERTIFICATE, UNBOUNDED_TOKEN_BODY -> {}
                case SERVER_IGNORES_CURSOR -> {
                    if (op == Operation.LIST) {
                        fake.faults().answer(m, p, 10, 200, "application/json", fullPageAfterEverything());
                    }
                }
            }
        }
    }

    /** A full page of calls that all started after every call of the listing, whatever cursor was asked for. */
    private static String fullPageAfterEverything() {
        StringBuilder page = new StringBuilder("{\"calls\": [");
        for (int i = 0; i < PAGE_SIZE; i++) {
            page.append(i == 0 ? "" : ",")
                    .append("{\"call_uuid\": \"ignored-cursor-")
                    .append(i)
                    .append("\", \"started_at\": \"2099-01-01T00:00:00Z\"}");
        }
        return page.append("]}").toString();
    }

    /** A fault's own server: where the requests and connections are counted instead of the fake's journal. */
    record OwnServer(
            URI baseUri,
            java.util.function.IntSupplier requests,
            java.util.function.IntSupplier connections,
            Runnable closer)
            implements AutoCloseable {
        static OwnServer raw(RawServer server, boolean https) {
            return new OwnServer(
                    (https ? server.httpsUri() : server.httpUri()).resolve("/api/v2"),
                    server::requests,
                    server::connections,
                    server::close);
        }

        static OwnServer tls() {
            AtomicInteger connections = new AtomicInteger();
            DisposableServer server = TestTls.server(TestTls.selfSigned(), "{}", connections);
            // a handshake that fails reaches no request
            return new OwnServer(
                    URI.create("https://127.0.0.1:" + server.port() + "/api/v2"),
                    () -> 0,
                    connections::get,
                    server::disposeNow);
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    /**
     * What a cell must end in.
     *
     * @param error the SDK error delivered, or {@code null} for success (every item, each once)
     * @param requests requests the server saw
     * @param attempts attempts the client made (more than {@code requests} only when it never reached the server)
     */
    record Expected(@Nullable Class<? extends Throwable> error, int requests, int attempts) {
        @Override
        public String toString() {
            return (error == null ? "succeeds" : error.getSimpleName()) + ", " + requests + " request(s) seen, "
                    + attempts + " attempt(s)";
        }
    }

    /** Succeeds after {@code requests} requests (more than the operation needs: it was repeated). */
    private static Expected ok(int requests) {
        return new Expected(null, requests, requests);
    }

    /** Fails with {@code error} after {@code requests} requests reached the server. */
    private static Expected fails(Class<? extends Throwable> error, int requests) {
        return new Expected(error, requests, requests);
    }

    /** Fails with {@code error} after {@code attempts} attempts, none of which reached a server. */
    private static Expected unsent(Class<? extends Throwable> error, int attempts) {
        return new Expected(error, 0, attempts);
    }

    private static final Class<FirmafonIoException> IO = FirmafonIoException.class;
    private static final Class<ServerErrorException> SERVER = ServerErrorException.class;
    private static final Class<RateLimitedException> LIMITED = RateLimitedException.class;
    private static final Class<AuthenticationException> AUTH = AuthenticationException.class;
    private static final Class<FirmafonTlsException> TLS = FirmafonTlsException.class;
    private static final Class<PagingException> PAGING = PagingException.class;
    private static final Class<TokenEndpointException> TOKEN = TokenEndpointException.class;

    /**
     * The matrix. Repeated: GET and PUT after a reset, malformed answer, 429 or 5xx; any request, the SMS POST
     * included, whose connection never opened. Never repeated: the SMS POST once it may have reached the server;
     * a response timeout; a 429 asking for longer than the policy allows; a 401 a static token cannot renew.
     */
    static Stream<Arguments> matrix() {
        // spotless:off (a table: one row per fault, one column per operation)
        return Stream.of(
                //                                GET (calls.get)      LIST (calls.list; page 2)  UPDATE (PUT)          SMS (POST)
                row(Fault.CONNECTION_REFUSED,        unsent(IO, 3),       unsent(IO, 3),         unsent(IO, 3),        unsent(IO, 3)),
                row(Fault.UNRESOLVABLE_HOST,         unsent(IO, 3),       unsent(IO, 3),         unsent(IO, 3),        unsent(IO, 3)),
                row(Fault.RESET_BEFORE_RESPONSE,     ok(2),               ok(PAGES + 1),         ok(2),                fails(IO, 1)),
                row(Fault.EMPTY_RESPONSE,            ok(2),               ok(PAGES + 1),         ok(2),                fails(IO, 1)),
                row(Fault.MALFORMED_CHUNK,           ok(2),               ok(PAGES + 1),         ok(2),                fails(IO, 1)),
                row(Fault.RANDOM_DATA_THEN_CLOSE,    ok(2),               ok(PAGES + 1),         ok(2),                fails(IO, 1)),
                row(Fault.BODY_SLOWER_THAN_RESPONSE_TIMEOUT,
                                                     fails(IO, 1),        fails(IO, 2),          fails(IO, 1),         fails(IO, 1)),
                row(Fault.RETRY_AFTER_SECONDS_429,   ok(2),               ok(PAGES + 1),         ok(2),                fails(LIMITED, 1)),
                row(Fault.RETRY_AFTER_HTTP_DATE_429, ok(2),               ok(PAGES + 1),         ok(2),                fails(LIMITED, 1)),
                row(Fault.RETRY_AFTER_BEYOND_CAP_429, fails(LIMITED, 1),  fails(LIMITED, 2),     fails(LIMITED, 1),    fails(LIMITED, 1)),
                row(Fault.HTML_500,                  ok(2),               ok(PAGES + 1),         ok(2),                fails(SERVER, 1)),
                row(Fault.HTML_502,                  ok(2),               ok(PAGES + 1),         ok(2),                fails(SERVER, 1)),
                row(Fault.HTML_503,                  ok(2),               ok(PAGES + 1),         ok(2),                fails(SERVER, 1)),
                row(Fault.HTML_504,                  ok(2),               ok(PAGES + 1),         ok(2),                fails(SERVER, 1)),
                row(Fault.HTML_503_ON_EVERY_ATTEMPT, fails(SERVER, 3),    fails(SERVER, 1 + 3),  fails(SERVER, 3),     fails(SERVER, 1)),
                row(Fault.UNAUTHORIZED_401,          fails(AUTH, 1),      fails(AUTH, 2),        fails(AUTH, 1),       fails(AUTH, 1)),
                row(Fault.TRICKLING_BODY,            fails(IO, 1),        fails(IO, 2),          fails(IO, 1),         fails(IO, 1)),
                row(Fault.INFORMATIONAL_STORM,       fails(IO, 1),        fails(IO, 1),          fails(IO, 1),         fails(IO, 1)),
                row(Fault.TLS_STALL,                 unsent(IO, 3),       unsent(IO, 3),         unsent(IO, 3),        unsent(IO, 3)),
                row(Fault.SELF_SIGNED_CERTIFICATE,   unsent(TLS, 1),      unsent(TLS, 1),        unsent(TLS, 1),       unsent(TLS, 1)),
                row(Fault.SERVER_IGNORES_CURSOR,     ok(1),               fails(PAGING, 2),      ok(1),                ok(1)),
                row(Fault.UNBOUNDED_TOKEN_BODY,      unsent(TOKEN, 0),    unsent(TOKEN, 0),      unsent(TOKEN, 0),     unsent(TOKEN, 0)))
                .flatMap(cells -> cells);
        // spotless:on
    }

    private static Stream<Arguments> row(Fault fault, Expected get, Expected list, Expected update, Expected sms) {
        Expected[] expected = {get, list, update, sms};
        return Arrays.stream(Operation.values()).map(op -> Arguments.of(fault, op, expected[op.ordinal()]));
    }

    @ParameterizedTest(name = "{0} x {1}: {2}")
    @MethodSource("matrix")
    void faultAgainstOperation(Fault fault, Operation op, Expected expected) {
        String token = "matrix-cell-token-" + CELLS.incrementAndGet();
        fake.addToken(token);
        int messagesBefore = fake.sentMessages().size();
        Counting counting = new Counting();
        try (OwnServer own = fault.ownServer();
                PoolProbe pool = PoolProbe.create("matrix");
                OAuth2Client oauth = fault == Fault.UNBOUNDED_TOKEN_BODY
                        ? OAuthFixture.withExpiredToken(
                                fake.baseUri(), own.baseUri().resolve("/token"))
                        : null;
                Firmafon firmafon = firmafon(
                        fault.baseUri(fake, own),
                        oauth == null ? AuthStrategy.bearer(token) : oauth.forUser(OAuthFixture.USER),
                        pool,
                        counting,
                        fault)) {
            Flux<?> operation = op.run(firmafon);
            if (op == Operation.LIST) {
                AtomicBoolean planned = new AtomicBoolean();
                operation = operation.doOnNext(first -> {
                    if (planned.compareAndSet(false, true)) {
                        fault.plan(fake, op, token);
                    }
                });
            } else {
                fault.plan(fake, op, token);
            }
            AtomicInteger items = new AtomicInteger();
            StepVerifier.Step<?> consumed =
                    StepVerifier.create(operation).thenConsumeWhile(item -> items.incrementAndGet() > 0);
            if (expected.error() == null) {
                consumed.expectComplete().verify(TIMEOUT);
                assertThat(items).as("items delivered").hasValue(op.items);
            } else {
                consumed.expectError(expected.error()).verify(TIMEOUT);
            }

            int seen = own == null || !fault.ownServerIsTheApi()
                    ? fake.journal().requests().size()
                    : own.requests().getAsInt();
            assertThat(seen).as("requests the server saw").isEqualTo(expected.requests());
            assertThat(counting.attempts()).as("attempts the client made").isEqualTo(expected.attempts());
            if (!fault.ownServerIsTheApi()) {
                assertThat(own.requests().getAsInt())
                        .as("token requests: a refused answer is not repeated")
                        .isEqualTo(1);
            } else if (own != null && expected.requests() == 0) {
                assertThat(own.connections().getAsInt())
                        .as("connections: one per attempt")
                        .isEqualTo(expected.attempts());
            }
            if (op == Operation.SMS) {
                assertThat(fake.sentMessages().size() - messagesBefore)
                        .as("SMS messages sent")
                        .isBetween(expected.error() == null ? 1 : 0, 1);
            }
            pool.assertNoAcquiredConnection();
        }
    }

    static Firmafon firmafon(URI baseUri, AuthStrategy auth, PoolProbe pool, Counting counting, Fault fault) {
        return Firmafon.builder()
                .baseUri(baseUri)
                .auth(auth)
                .client(client -> client.httpClient(pool.httpClient())
                        .allowInsecureHttp(true)
                        .connectTimeout(fault.connectTimeout())
                        .responseTimeout(fault.responseTimeout())
                        .attemptTimeout(fault.attemptTimeout())
                        .exchangeListener(counting)
                        .retryPolicy(RetryPolicy.builder()
                                .maxAttempts(3)
                                .initialBackoff(Duration.ofMillis(10))
                                .maxBackoff(Duration.ofMillis(50))
                                .jitter(0)
                                .maxRetryAfter(Duration.ofSeconds(2))
                                .build()))
                .build();
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /**
     * The feed's rows: a fault of the live-event feed (the testkit's {@code FakeFeed}, taking the fake's token) against
     * {@code events(...)} through the whole SDK, with the default settings; each row counts what the feed was asked
     * and what the subscriber got, and checks the stream goes on.
     */
    enum FeedFault {
        /** Every connect answered at once with "handshake again", interval 0: at most 10 handshakes in 5 s. */
        HANDSHAKE_AFTER_EVERY_CONNECT,
        /** Every connect answered at once, successful and empty, interval 0: at most 100 connects in 5 s. */
        CONNECTS_ANSWERED_AT_ONCE,
        /** Five events in one batch, one with a hostile timestamp: all five arrive. */
        HOSTILE_VALUE_IN_A_BATCH,
        /** The feed forgets every session: one HANDSHAKE gap, then the events go on. */
        CLIENTS_FORGOTTEN,
        /** Every connection dropped, held long polls included: a gap, then the events go on. */
        CONNECTIONS_DROPPED
    }

    private static final String COMPANY = "/call2/company/42";

    private static String callEvent(String uuid, String timestamp) {
        return "{\"type\":\"call-event\",\"name\":\"call.new\",\"timestamp\":" + timestamp
                + ",\"data\":{\"call_uuid\":\"" + uuid + "\"}}";
    }

    private static boolean has(java.util.List<dk.firmafon.events.LiveEvent> received, String uuid) {
        return received.stream()
                .anyMatch(event -> event instanceof dk.firmafon.events.CallEvent call
                        && call.callUuid().orElse("").equals(uuid));
    }

    /** Publishes an event until the subscriber has it (a feed drops what it publishes before the subscription). */
    private static void publishUntilSeen(
            dk.firmafon.testkit.FakeFeed feed, java.util.List<dk.firmafon.events.LiveEvent> received, String uuid)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!has(received, uuid)) {
            assertThat(System.nanoTime())
                    .as("event " + uuid + " arrived in time")
                    .isLessThan(deadline);
            feed.publish(COMPANY, callEvent(uuid, "\"2026-12-06T10:00:00+01:00\""));
            Thread.sleep(100);
        }
    }

    @ParameterizedTest(name = "[{0} x EVENTS]")
    @org.junit.jupiter.params.provider.EnumSource(FeedFault.class)
    void feedFaultAgainstEvents(FeedFault fault) throws InterruptedException {
        try (dk.firmafon.testkit.FakeFeed feed = dk.firmafon.testkit.FakeFeed.start(fake.accessToken());
                Firmafon firmafon = Firmafon.builder()
                        .baseUri(fake.baseUri())
                        .auth(AuthStrategy.bearer(fake.accessToken()))
                        .build()) {
            dk.firmafon.events.EventsClient events = dk.firmafon.events.EventsClient.create(
                    firmafon.client(),
                    dk.firmafon.events.EventsSettings.defaults().withFeedUri(feed.uri()));
            java.util.List<dk.firmafon.events.LiveEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicBoolean ended = new AtomicBoolean();
            reactor.core.Disposable subscription = events.events(java.util.List.of(COMPANY))
                    .subscribe(received::add, error -> ended.set(true), () -> ended.set(true));
            try {
                publishUntilSeen(feed, received, "before");
                switch (fault) {
                    case HANDSHAKE_AFTER_EVERY_CONNECT -> {
                        int before = feed.handshakes();
                        feed.connectsAskForANewHandshake(true);
                        Thread.sleep(5_000); // the window the handshakes are counted in
                        assertThat(feed.handshakes() - before)
                                .as("handshakes in 5 s")
                                .isBetween(1, 10);
                        assertThat(received)
                                .filteredOn(dk.firmafon.events.Gap.class::isInstance)
                                .as("gaps: one per outage")
                                .hasSize(1);
                        feed.connectsAskForANewHandshake(false);
                        publishUntilSeen(feed, received, "after");
                    }
                    case CONNECTS_ANSWERED_AT_ONCE -> {
                        feed.connectsAnswerAtOnce(true);
                        int before = feed.connects();
                        Thread.sleep(5_000); // the window the connects are counted in
                        assertThat(feed.connects() - before)
                                .as("connects in 5 s")
                                .isBetween(1, 100);
                        publishUntilSeen(feed, received, "after");
                        assertThat(feed.handshakes()).as("handshakes").isEqualTo(1);
                    }
                    case HOSTILE_VALUE_IN_A_BATCH -> {
                        for (int i = 1; i <= 5; i++) {
                            feed.publish(
                                    COMPANY,
                                    callEvent(
                                            "batch-" + i, i == 3 ? String.valueOf(Long.MIN_VALUE) : String.valueOf(i)));
                        }
                        publishUntilSeen(feed, received, "after");
                        for (int i = 1; i <= 5; i++) {
                            assertThat(has(received, "batch-" + i))
                                    .as("batch-" + i)
                                    .isTrue();
                        }
                        assertThat(feed.handshakes()).as("handshakes").isEqualTo(1);
                    }
                    case CLIENTS_FORGOTTEN -> {
                        feed.forgetClients();
                        publishUntilSeen(feed, received, "after");
                        assertThat(received)
                                .filteredOn(e -> e instanceof dk.firmafon.events.Gap gap
                                        && gap.reason() == dk.firmafon.events.Gap.Reason.HANDSHAKE)
                                .hasSize(1);
                        assertThat(feed.handshakes()).as("handshakes").isEqualTo(2);
                    }
                    case CONNECTIONS_DROPPED -> {
                        feed.dropConnections();
                        publishUntilSeen(feed, received, "after");
                        assertThat(received)
                                .filteredOn(dk.firmafon.events.Gap.class::isInstance)
                                .hasSizeBetween(1, 2);
                    }
                }
                assertThat(ended).as("the stream went on").isFalse();
            } finally {
                subscription.dispose();
            }
        }
    }
}
