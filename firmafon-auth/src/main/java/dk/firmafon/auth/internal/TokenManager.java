package dk.firmafon.auth.internal;

import dk.firmafon.auth.Credential;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.auth.TokenListener;
import dk.firmafon.auth.TokenStore;
import dk.firmafon.error.ReauthorizationRequiredException;
import dk.firmafon.error.TokenEndpointException;
import dk.firmafon.foundation.internal.Retries;
import dk.firmafon.net.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The life of every user's OAuth token: load from the {@link TokenStore}, refresh ahead of expiry, drop what the
 * API rejected. Every acquisition that may reach the token endpoint is single-flight per user key: concurrent
 * callers share one cached {@code Mono}, which is removed from the map once it has finished. No lock is held
 * across an asynchronous boundary.
 */
public final class TokenManager {
    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
    /** After a refresh failed while the token was still valid, the token is used without refreshing this long. */
    static final Duration REFRESH_COOLDOWN = Duration.ofSeconds(30);

    private final TokenEndpoint endpoint;
    private final TokenStore store;
    private final @Nullable TokenListener listener;
    private final Clock clock;
    private final Duration refreshAhead;
    private final RetryPolicy refreshRetry;

    private final ConcurrentMap<String, Mono<OAuthToken>> acquisitions = new ConcurrentHashMap<>();
    /** Per user key, the access token the API rejected (until a new token is stored). */
    private final ConcurrentMap<String, String> rejected = new ConcurrentHashMap<>();
    /** Per user key, until when a failed refresh is not retried (while the token is still valid). */
    private final ConcurrentMap<String, Instant> coolingDown = new ConcurrentHashMap<>();

    /** @param refreshRetry how a failed refresh is repeated (the rules of {@link Retries.Request#TOKEN_REFRESH}) */
    public TokenManager(
            TokenEndpoint endpoint,
            TokenStore store,
            @Nullable TokenListener listener,
            Clock clock,
            Duration refreshAhead,
            RetryPolicy refreshRetry) {
        this.endpoint = endpoint;
        this.store = store;
        this.listener = listener;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
        this.refreshRetry = refreshRetry;
    }

    /** The credential that carries {@code token}: {@code Authorization: Bearer ...}. */
    public static Credential credentialFor(OAuthToken token) {
        return Credential.header("Authorization", "Bearer " + token.accessToken());
    }

    /**
     * A usable token for {@code userKey}: the stored one while it is fresh, otherwise a refreshed one (single-flight).
     * Fails with {@link ReauthorizationRequiredException} when no token can be had without the user.
     */
    public Mono<OAuthToken> token(String userKey) {
        return store.load(userKey)
                .flatMap(stored -> isUsable(userKey, stored, clock.instant()) ? Mono.just(stored) : acquire(userKey))
                .switchIfEmpty(Mono.error(() -> reauthorization(userKey, "no token is stored", null)));
    }

    /** Stores a token just obtained with the authorization code, and tells the listener. */
    public Mono<OAuthToken> store(String userKey, OAuthToken token) {
        return store.save(userKey, token)
                .then(Mono.fromRunnable(() -> {
                    rejected.remove(userKey);
                    coolingDown.remove(userKey);
                    notifyListener(userKey, token);
                }))
                .thenReturn(token);
    }

    /**
     * The API rejected {@code credential} with 401: stop using it.
     *
     * @return {@code true} if a different token can be used (already stored, or obtainable with the refresh
     *     token), {@code false} if the user must authorize again (the token is then removed)
     */
    public Mono<Boolean> invalidate(String userKey, Credential credential) {
        return store.load(userKey)
                .flatMap(current -> {
                    if (!Pkce.sameSecret(credentialFor(current).value(), credential.value())) {
                        LOG.debug("rejected credential for user key {} is not the stored one any more", userKey);
                        return Mono.just(Boolean.TRUE);
                    }
                    if (current.refreshToken().isPresent()) {
                        LOG.debug("access token of user key {} rejected; it will be refreshed", userKey);
                        rejected.put(userKey, current.accessToken());
                        return Mono.just(Boolean.TRUE);
                    }
                    LOG.debug("access token of user key {} rejected and no refresh token: removed", userKey);
                    return forget(userKey, current).thenReturn(Boolean.FALSE);
                })
                .defaultIfEmpty(Boolean.FALSE);
    }

    private boolean isUsable(String userKey, OAuthToken token, Instant now) {
        if (!isStillValid(userKey, token, now)) {
            return false;
        }
        if (token.refreshToken().isEmpty() || token.expiresAt().isEmpty()) {
            return true;
        }
        if (now.isBefore(token.expiresAt().get().minus(refreshAhead))) {
            return true;
        }
        Instant until = coolingDown.get(userKey);
        return until != null && now.isBefore(until);
    }

    private boolean isStillValid(String userKey, OAuthToken token, Instant now) {
        String rejectedToken = rejected.get(userKey);
        boolean isRejected = rejectedToken != null && Pkce.sameSecret(rejectedToken, token.accessToken());
        return !isRejected && !token.isExpiredAt(now);
    }

    private Mono<OAuthToken> acquire(String userKey) {
        return Mono.defer(() -> acquisitions.computeIfAbsent(userKey, this::newAcquisition));
    }

    private Mono<OAuthToken> newAcquisition(String userKey) {
        AtomicReference<Mono<OAuthToken>> self = new AtomicReference<>();
        Mono<OAuthToken> acquisition = Mono.defer(() -> reloadAndRefresh(userKey))
                .doFinally(signal -> acquisitions.remove(userKey, self.get()))
                .cache();
        self.set(acquisition);
        return acquisition;
    }

    /** Inside the single flight: another flight may have stored a fresh token since the caller loaded its own. */
    private Mono<OAuthToken> reloadAndRefresh(String userKey) {
        return store.load(userKey)
                .switchIfEmpty(Mono.error(() -> reauthorization(userKey, "no token is stored", null)))
                .flatMap(current -> {
                    Instant now = clock.instant();
                    if (isUsable(userKey, current, now)) {
                        return Mono.just(current);
                    }
                    if (current.refreshToken().isEmpty()) {
                        String reason = current.isExpiredAt(now)
                                ? "the access token expired and there is no refresh token"
                                : "the access token was rejected and there is no refresh token";
                        return forget(userKey, current).then(Mono.error(reauthorization(userKey, reason, null)));
                    }
                    return refresh(userKey, current)
                            .onErrorResume(
                                    failure -> !(failure instanceof ReauthorizationRequiredException)
                                            && isStillValid(userKey, current, clock.instant()),
                                    failure -> {
                                        LOG.debug(
                                                "refresh for user key {} failed ({}); the current token is still"
                                                        + " valid and stays in use",
                                                userKey,
                                                failure.getClass().getSimpleName());
                                        coolingDown.put(userKey, clock.instant().plus(REFRESH_COOLDOWN));
                                        return Mono.just(current);
                                    });
                });
    }

    /**
     * Refreshes {@code current} and stores the result only if the store still holds {@code current}
     * (compare-and-set): an instance that loses the race to another never overwrites the newer token; it uses the
     * one the winner stored. An {@code invalid_grant} (a rotating refresh token already used by another instance) is
     * checked against the store the same way before anybody is signed out.
     */
    private Mono<OAuthToken> refresh(String userKey, OAuthToken current) {
        String refreshToken = current.refreshToken().orElseThrow();
        LOG.debug("refreshing the token of user key {}", userKey);
        return Retries.retrying(
                        refreshRetry,
                        Retries.Request.TOKEN_REFRESH,
                        "the token refresh of user key " + userKey,
                        LOG,
                        attempt -> endpoint.request("refresh_token", Map.of("refresh_token", refreshToken)))
                // RFC 6749 §6: without a new refresh token, the old one stays valid
                .map(fresh -> fresh.refreshToken().isPresent()
                        ? fresh
                        : OAuthToken.builder()
                                .from(fresh)
                                .refreshToken(refreshToken)
                                .build())
                .flatMap(fresh -> store.replace(userKey, current, fresh).flatMap(stored -> {
                    if (stored) {
                        rejected.remove(userKey);
                        coolingDown.remove(userKey);
                        notifyListener(userKey, fresh);
                        return Mono.just(fresh);
                    }
                    LOG.debug("another instance stored a newer token for user key {}; it is used", userKey);
                    return newerThan(userKey, current)
                            .switchIfEmpty(Mono.error(() -> reauthorization(
                                    userKey, "the token was removed while it was being refreshed", null)));
                }))
                .onErrorResume(
                        failure -> failure instanceof TokenEndpointException e && e.isInvalidGrant(),
                        failure -> newerThan(userKey, current, INVALID_GRANT_GRACE)
                                .switchIfEmpty(Mono.defer(() -> forget(userKey, current)
                                        .then(Mono.error(reauthorization(
                                                userKey,
                                                "the refresh token was rejected (invalid_grant)",
                                                failure))))));
    }

    /** How long an {@code invalid_grant} waits for another instance's refresh to reach the store. */
    static final Duration INVALID_GRANT_GRACE = Duration.ofSeconds(2);

    /** The stored token when it is not {@code current} any more (another instance replaced it), else empty. */
    private Mono<OAuthToken> newerThan(String userKey, OAuthToken current) {
        return store.load(userKey).filter(stored -> !stored.equals(current));
    }

    /**
     * As {@link #newerThan(String, OAuthToken)}, looking again for up to {@code grace}: the instance whose refresh
     * won may still be storing its token when this one's was refused.
     */
    private Mono<OAuthToken> newerThan(String userKey, OAuthToken current, Duration grace) {
        long checks = Math.max(1, grace.toMillis() / 100);
        return Mono.defer(() -> newerThan(userKey, current)).repeatWhenEmpty(repeats -> repeats.zipWith(
                        reactor.core.publisher.Flux.range(1, (int) checks), (a, b) -> b)
                .concatMap(n -> Mono.delay(Duration.ofMillis(100))));
    }

    /** Forgets {@code current} only if it is still the stored token (never a newer one); tells the listener. */
    private Mono<Void> forget(String userKey, OAuthToken current) {
        return store.replace(userKey, current, null).flatMap(removed -> {
            rejected.remove(userKey);
            coolingDown.remove(userKey);
            if (removed) {
                notifyListener(userKey, null);
            }
            return Mono.<Void>empty();
        });
    }

    private void notifyListener(String userKey, @Nullable OAuthToken token) {
        if (listener == null) {
            return;
        }
        try {
            listener.tokenChanged(userKey, token);
        } catch (RuntimeException e) {
            LOG.debug(
                    "token listener failed for user key {}: {}",
                    userKey,
                    e.getClass().getName());
        }
    }

    private static ReauthorizationRequiredException reauthorization(
            String userKey, String reason, @Nullable Throwable cause) {
        return new ReauthorizationRequiredException(userKey, reason, cause);
    }
}
