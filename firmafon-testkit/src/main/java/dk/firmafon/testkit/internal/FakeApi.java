package dk.firmafon.testkit.internal;

import dk.firmafon.testkit.SentMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The fake service behind the WireMock transformer: checks credentials, routes to the resource handlers and keeps the
 * state. Every request runs under one lock, which makes the in-memory state thread-safe without making each handler so.
 */
public final class FakeApi {

    private final Object lock = new Object();
    private final String apiBase;
    private final String accessToken;
    private final Instant newestCall;
    private final Clock clock;
    private final Credentials credentials = new Credentials();
    private final OAuthServer oauth;
    private final Router oauthRoutes = new Router();
    private FakeState state;
    private Router routes;

    public FakeApi(
            String apiBase,
            String accessToken,
            String clientId,
            String clientSecret,
            String redirectUri,
            long tokenLifetimeSeconds,
            Instant newestCall,
            Clock clock) {
        this.apiBase = apiBase;
        this.accessToken = accessToken;
        this.newestCall = newestCall;
        this.clock = clock;
        this.oauth = new OAuthServer(clientId, clientSecret, redirectUri, credentials, tokenLifetimeSeconds, clock);
        oauth.register(oauthRoutes);
        credentials.reset(accessToken);
        this.state = Seed.company(apiBase, newestCall, clock);
        this.routes = routes(state);
    }

    private static Router routes(FakeState state) {
        Router router = new Router();
        new CallsHandler(state).register(router);
        new CallNodesHandler(state).register(router);
        new ContactsHandler(state).register(router);
        new EmployeesHandler(state).register(router);
        new EmployeeGroupsHandler(state).register(router);
        new ReceptionsHandler(state).register(router);
        new VoiceMailsHandler(state).register(router);
        new AnnouncementsHandler(state).register(router);
        new FeedbackHandler(state).register(router);
        return router;
    }

    public Credentials credentials() {
        return credentials;
    }

    public OAuthServer oauth() {
        return oauth;
    }

    /** Back to the seeded data, the one default token and a fresh OAuth server. */
    public void reset() {
        synchronized (lock) {
            state = Seed.company(apiBase, newestCall, clock);
            routes = routes(state);
            credentials.reset(accessToken);
            oauth.reset();
        }
    }

    /** Runs a change of the state under the lock (for the test-facing helpers of {@code FakeFirmafon}). */
    public <T> T withState(Function<FakeState, T> action) {
        synchronized (lock) {
            return action.apply(state);
        }
    }

    public void changeState(Consumer<FakeState> action) {
        synchronized (lock) {
            action.accept(state);
        }
    }

    public List<SentMessage> messages() {
        return withState(FakeState::messages);
    }

    /** Answers one request. */
    public Reply handle(
            String method,
            String rawPath,
            @Nullable String rawQuery,
            @Nullable String contentType,
            byte[] body,
            Function<String, @Nullable String> headers) {
        try {
            if (!ApiPath.isUnderBase(rawPath)) {
                throw HttpError.notFound();
            }
            Exchange exchange = new Exchange(method, ApiPath.key(rawPath), rawQuery, contentType, body, headers);
            if (exchange.path().equals("/authorize") || exchange.path().equals("/token")) {
                return oauthRoutes.dispatch(exchange);
            }
            if (!credentials.authorizes(exchange)) {
                return Credentials.unauthorized();
            }
            synchronized (lock) {
                return routes.dispatch(exchange);
            }
        } catch (HttpError error) {
            return error.reply();
        }
    }
}
