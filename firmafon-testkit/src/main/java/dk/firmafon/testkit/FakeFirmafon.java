package dk.firmafon.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dk.firmafon.testkit.internal.ApiPath;
import dk.firmafon.testkit.internal.FakeApi;
import dk.firmafon.testkit.internal.FaultPlan;
import dk.firmafon.testkit.internal.FirmafonTransformer;
import dk.firmafon.testkit.internal.Seed;
import dk.firmafon.testkit.internal.Sound;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A fake Firmafon v2 API on loopback, for tests: seeded with a deterministic company, checking the three ways to send
 * a token, running the OAuth code flow, keeping state for contacts, voice mails, do-not-disturb and group membership,
 * and misbehaving on request ({@link #faults()}). It records what it receives ({@link #journal()}).
 *
 * <pre>{@code
 * try (FakeFirmafon fake = FakeFirmafon.start()) {
 *   HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUri() + "/calls?limit=5"))
 *       .header("Authorization", "Bearer " + fake.accessToken())
 *       .build();
 *   // ... {"calls": [5 calls, newest first]}
 *   fake.faults().serverError("GET", "/calls", 1, 503);   // the next GET /calls answers 503, then normal again
 * }
 * }</pre>
 *
 * <p>In JUnit 5 tests prefer {@link FakeFirmafonExtension}: one server per test class, reset before each test.
 *
 * <p>Seeded data (the same on every start): {@value #SEEDED_CALLS} calls, newest first, newest started at
 * {@value #DEFAULT_NEWEST_CALL} (or where {@link Builder#newestCallAt} or {@link Builder#seededRelativeToNow} moves the
 * whole history, so that "today" finds calls), timestamps with {@code Z}, {@code +01:00} or {@code +02:00}, calls sharing {@code started_at} at
 * positions 29/30, 99/100/101, 199/200 and 249/250 (0-based), the {@value #SEEDED_LIVE_CALLS} newest calls live;
 * {@value #SEEDED_EMPLOYEES} employees (the authenticated one is {@code Employee#12}, an admin), 4 groups (3, 4, 5, 6),
 * 3 receptions (7, 8, 9), {@value #SEEDED_CONTACTS} contacts (ids 300-319), {@value #SEEDED_VOICE_MAILS} voice mails
 * (ids 5040 down to 5001, ties at positions 9/10 and 29/30) with a sound of a few kilobytes each, and 3 unread
 * announcements (8, 9, 10).
 */
public final class FakeFirmafon implements AutoCloseable {

    /** When the newest seeded call started, unless the builder moves the seeded history. */
    public static final String DEFAULT_NEWEST_CALL = "2025-06-02T10:00:00Z";

    /** The access token the fake accepts from the start. */
    public static final String DEFAULT_ACCESS_TOKEN = "fake-firmafon-access-token-0001";

    public static final String DEFAULT_CLIENT_ID = "fake-firmafon-client";
    public static final String DEFAULT_CLIENT_SECRET = "fake-firmafon-client-secret";
    public static final String DEFAULT_REDIRECT_URI = "http://127.0.0.1:8765/callback";

    public static final int SEEDED_CALLS = Seed.CALLS;
    public static final int SEEDED_LIVE_CALLS = Seed.LIVE_CALLS;
    public static final int SEEDED_EMPLOYEES = 8;
    public static final int SEEDED_CONTACTS = Seed.CONTACTS;
    public static final int SEEDED_VOICE_MAILS = Seed.VOICE_MAILS;
    /** The id of the authenticated employee ({@code GET /employee}). */
    public static final long CURRENT_EMPLOYEE_ID = Seed.CURRENT_EMPLOYEE_ID;

    private final WireMockServer server;
    private final FakeApi api;
    private final FaultPlan plan;
    private final Faults faults;
    private final Journal journal;
    private final String accessToken;
    private final String clientId;
    private final String clientSecret;
    private final URI redirectUri;
    private final URI baseUri;
    private final Instant newestCall;
    private volatile @org.jspecify.annotations.Nullable FakeFeed feed;

    private FakeFirmafon(Builder builder) {
        this.accessToken = builder.accessToken;
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.redirectUri = builder.redirectUri;
        this.newestCall = builder.newestCall();
        this.plan = new FaultPlan();
        FirmafonTransformer transformer = new FirmafonTransformer(plan);
        this.server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(builder.port)
                .jettyAcceptors(1)
                .http2PlainDisabled(true)
                .gzipDisabled(true)
                .maxLoggedResponseSize(64 * 1024)
                .notifier(new Slf4jNotifier(false))
                .extensions(transformer));
        server.start();
        this.baseUri = URI.create("http://127.0.0.1:" + server.port() + ApiPath.BASE_PATH);
        this.api = new FakeApi(
                baseUri.toString(),
                accessToken,
                clientId,
                clientSecret,
                redirectUri.toString(),
                builder.tokenLifetime.getSeconds(),
                newestCall,
                builder.clock);
        transformer.attach(api);
        server.stubFor(WireMock.any(WireMock.anyUrl())
                .willReturn(WireMock.aResponse().withTransformers(FirmafonTransformer.NAME)));
        this.faults = new Faults(plan);
        this.journal = new Journal(server);
    }

    /** Starts a fake with the defaults on a free port of 127.0.0.1. */
    public static FakeFirmafon start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs a fake as a process, for a program or a tool outside a JVM test: starts it on 127.0.0.1 (the port given
     * as the first argument, else a free one), prints one line, {@code FIRMAFON_BASE_URI=<base> FIRMAFON_TOKEN=<token>}
     * (made-up data; the token works only against this fake), and serves until its standard input ends or the process
     * is stopped.
     *
     * <pre>{@code java -cp <the testkit and its dependencies> dk.firmafon.testkit.FakeFirmafon [port]}</pre>
     */
    public static void main(String[] args) throws java.io.IOException {
        Builder builder = builder();
        if (args.length > 0) {
            builder.port(Integer.parseInt(args[0]));
        }
        try (FakeFirmafon fake = builder.start()) {
            System.out.println("FIRMAFON_BASE_URI=" + fake.baseUri() + " FIRMAFON_TOKEN=" + fake.accessToken());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until standard input ends
            }
        }
    }

    /** The API base, {@code http://127.0.0.1:PORT/api/v2}: the base URI to give a client. */
    public URI baseUri() {
        return baseUri;
    }

    /** {@code .../api/v2/authorize}, where the OAuth code flow starts. */
    public URI authorizeUri() {
        return URI.create(baseUri + "/authorize");
    }

    /** {@code .../api/v2/token}, where codes and refresh tokens are exchanged. */
    public URI tokenUri() {
        return URI.create(baseUri + "/token");
    }

    /**
     * When the newest seeded call started: {@value #DEFAULT_NEWEST_CALL} unless the builder moved the seeded history
     * ({@link Builder#newestCallAt}, {@link Builder#seededRelativeToNow}). Every seeded time is relative to it.
     */
    public Instant newestCallAt() {
        return newestCall;
    }

    public int port() {
        return server.port();
    }

    /** The token valid from the start (until {@link #revokeToken revoked}). */
    public String accessToken() {
        return accessToken;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The registered redirect URI; {@code /authorize} refuses any other. */
    public URI redirectUri() {
        return redirectUri;
    }

    /** Makes one more token valid, as if the user had created it in the web interface. */
    public FakeFirmafon addToken(String token) {
        api.credentials().add(Objects.requireNonNull(token, "token"));
        return this;
    }

    /** Revokes a token: requests with it answer 401 from now on. */
    public FakeFirmafon revokeToken(String token) {
        api.credentials().revoke(token);
        return this;
    }

    /** Whether a token is valid now (the default one, one added, or one issued by {@code /token}). */
    public boolean isTokenValid(String token) {
        return api.credentials().isValid(token);
    }

    /** When on, the {@code /authorize} redirect carries no {@code state}, as the real service may do. */
    public FakeFirmafon omitStateOnRedirect(boolean omit) {
        api.oauth().omitState(omit);
        return this;
    }

    /** When on, {@code /authorize} redirects with {@code error=access_denied}, as when the user declines. */
    public FakeFirmafon denyAuthorization(boolean deny) {
        api.oauth().deny(deny);
        return this;
    }

    public Faults faults() {
        return faults;
    }

    public Journal journal() {
        return journal;
    }

    /** The SMS messages accepted so far, oldest first (none is ever sent). */
    public List<SentMessage> sentMessages() {
        return api.messages();
    }

    /**
     * Adds a voice mail, the newest, whose sound is {@code sizeBytes} long. The sound is generated while it is sent, never
     * held in memory, so it may be far larger than the heap.
     *
     * @return the id of the new voice mail
     */
    public long voiceMailWithSound(long sizeBytes) {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative: " + sizeBytes);
        }
        return api.withState(state -> state.addVoiceMail(sizeBytes));
    }

    /**
     * The bytes {@code GET /voice_mails/:id/sound} sends for a voice mail, to compare a download with; computed, not
     * stored, so cheap for any size.
     */
    public InputStream expectedSound(long voiceMailId) {
        long size = api.withState(state -> state.soundSize(voiceMailId));
        return Sound.stream(voiceMailId, size);
    }

    /** Back to the state after start: seeded data, only the default token, no faults, an empty journal. */
    public void reset() {
        plan.clear();
        api.reset();
        server.resetRequests();
    }

    /** Stops the server. */
    public void stop() {
        FakeFeed started = feed;
        if (started != null) {
            started.close();
        }
        server.stop();
    }

    /**
     * The live-events feed of this fake (a {@link FakeFeed} taking this fake's access token), started on first use
     * and stopped with the fake: point {@code EventsSettings.withFeedUri(fake.feed().uri())} at it and
     * {@link FakeFeed#publish publish} the events a test needs.
     */
    public FakeFeed feed() {
        FakeFeed current = feed;
        if (current == null) {
            synchronized (this) {
                current = feed;
                if (current == null) {
                    current = FakeFeed.start(accessToken);
                    feed = current;
                }
            }
        }
        return current;
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Options for a fake; every one has a default. */
    public static final class Builder {
        private String accessToken = DEFAULT_ACCESS_TOKEN;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private URI redirectUri = URI.create(DEFAULT_REDIRECT_URI);
        private java.time.Duration tokenLifetime =
                java.time.Duration.ofSeconds(dk.firmafon.testkit.internal.OAuthServer.DEFAULT_EXPIRES_IN);
        private int port;
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private @org.jspecify.annotations.Nullable Instant newestCall = Instant.parse(DEFAULT_NEWEST_CALL);

        private Builder() {}

        /**
         * Moves the seeded history in time: the newest seeded call starts at {@code instant} (cut to whole seconds) and
         * every other seeded time moves with it, keeping each gap, tie and offset (voice mails, do-not-disturb
         * timeouts, recordings and smileys included). Default {@value #DEFAULT_NEWEST_CALL}.
         *
         * @throws IllegalArgumentException when null
         */
        public Builder newestCallAt(Instant instant) {
            if (instant == null) {
                throw new IllegalArgumentException("newestCallAt must not be null");
            }
            this.newestCall = instant;
            return this;
        }

        /**
         * Seeds the history so that its newest call starts "now" by the fake's {@link #clock(java.time.Clock) clock},
         * when the fake starts: a query for today ({@code CallQuery.builder().startedOn(LocalDate.now(zone), zone)})
         * or the last hours finds calls. {@link FakeFirmafon#reset()} goes back to the same history, not a newer one.
         */
        public Builder seededRelativeToNow() {
            this.newestCall = null;
            return this;
        }

        /**
         * The fake's clock: "now" for what happens while it runs (the {@code started_at} of a transferred call's new
         * node, the {@code ended_at} of a hang-up, the {@code created_at} of an issued token) and for
         * {@link #seededRelativeToNow()}. Default the system clock. A fixed clock makes those times exact in a test.
         *
         * @throws IllegalArgumentException when null
         */
        public Builder clock(java.time.Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        private Instant newestCall() {
            Instant fixed = newestCall;
            return (fixed != null ? fixed : clock.instant()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }

        public Builder accessToken(String accessToken) {
            this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /**
         * How long the access tokens the fake's OAuth server issues live: their {@code expires_in}; default 2 hours
         * (7,200 s). A short one (a few seconds) lets a test see its client refresh.
         *
         * @throws IllegalArgumentException when not at least one second
         */
        public Builder tokenLifetime(java.time.Duration lifetime) {
            if (lifetime == null || lifetime.getSeconds() < 1) {
                throw new IllegalArgumentException("tokenLifetime must be at least 1 s, was " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        public Builder redirectUri(URI redirectUri) {
            this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
            return this;
        }

        /** A fixed port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535: " + port);
            }
            this.port = port;
            return this;
        }

        public FakeFirmafon start() {
            return new FakeFirmafon(this);
        }
    }
}
