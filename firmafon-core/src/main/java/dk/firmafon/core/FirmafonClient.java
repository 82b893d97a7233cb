package dk.firmafon.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.auth.AuthStrategy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * CONTRACT SKELETON (issue #3 implements it; the public signatures below are what resource modules code against
 * and must not change without updating them).
 *
 * <p>One configured, immutable, thread-safe connection to the Firmafon API. Build one per application (it owns
 * a connection pool) and share it; derive variants with {@link #mutate()}; {@link #close()} releases the pool.
 *
 * <pre>{@code
 * FirmafonClient client = FirmafonClient.builder()
 *     .baseUri(FirmafonClient.FIRMAFON)
 *     .auth(AuthStrategy.bearer(token))
 *     .build();
 * }</pre>
 *
 * <p>Every method returns a cold publisher: nothing is sent before subscription, and every error is a
 * {@link dk.firmafon.error.FirmafonException} delivered in the stream.
 */
public final class FirmafonClient implements AutoCloseable {
    /** {@code https://app.firmafon.dk/api/v2}. */
    public static final URI FIRMAFON = URI.create("https://app.firmafon.dk/api/v2");
    /** {@code https://app.relatel.dk/api/v2}: the same API under Firmafon's new name. */
    public static final URI RELATEL = URI.create("https://app.relatel.dk/api/v2");

    private FirmafonClient() {
    }

    public static Builder builder() {
        throw new UnsupportedOperationException("issue #3");
    }

    /** A builder initialised from this client; the built client shares this one's connection pool. */
    public Builder mutate() {
        throw new UnsupportedOperationException("issue #3");
    }

    public URI baseUri() {
        throw new UnsupportedOperationException("issue #3");
    }

    public AuthStrategy auth() {
        throw new UnsupportedOperationException("issue #3");
    }

    /** The configured mapper (snake_case, java.time, Optional, unknown fields ignored). Do not mutate it. */
    public ObjectMapper objectMapper() {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Sends {@code request} and reads the object under {@code envelopeKey} (e.g. {@code "call"}) as {@code type}. */
    public <T> Mono<T> retrieve(ApiRequest request, String envelopeKey, Class<T> type) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Sends {@code request} and reads the array under {@code envelopeKey} (e.g. {@code "calls"}). */
    public <T> Mono<List<T>> retrieveList(ApiRequest request, String envelopeKey, Class<T> elementType) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Sends {@code request} and returns the whole JSON body; completes empty when the body is empty. */
    public Mono<JsonNode> retrieveJson(ApiRequest request) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Sends {@code request} and discards the body (for 200-with-no-useful-body endpoints). */
    public Mono<Void> execute(ApiRequest request) {
        throw new UnsupportedOperationException("issue #3");
    }

    /**
     * Streams a binary body (e.g. voice-mail sound) without ever holding it whole. Each buffer is a copy the
     * subscriber owns; cancelling releases the connection.
     */
    public Flux<ByteBuffer> download(ApiRequest request) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Every item of a cursor-paged listing, lazily, newest first, each exactly once. */
    public <T> Flux<T> paginate(CursorPaging<T> paging) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Like {@link #paginate(CursorPaging)}, resuming at {@code from} (from {@link Page#next()}). */
    public <T> Flux<T> paginate(CursorPaging<T> paging, PageCursor from) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** One page; {@code from == null} means the newest page. */
    public <T> Mono<Page<T>> page(CursorPaging<T> paging, @Nullable PageCursor from) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Releases the connection pool this client created (not one the user passed in). Idempotent. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Builds a {@link FirmafonClient}. */
    public static final class Builder {
        private Builder() {
        }

        /** Base URI: {@link #FIRMAFON} (default), {@link #RELATEL} or any other, e.g. a fake on loopback. */
        public Builder baseUri(URI baseUri) {
            throw new UnsupportedOperationException("issue #3");
        }

        public Builder auth(AuthStrategy auth) {
            throw new UnsupportedOperationException("issue #3");
        }

        public FirmafonClient build() {
            throw new UnsupportedOperationException("issue #3");
        }
    }
}
