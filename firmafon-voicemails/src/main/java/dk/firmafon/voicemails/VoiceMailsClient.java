package dk.firmafon.voicemails;

import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.CursorPaging;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.Page;
import dk.firmafon.core.PageCursor;
import dk.firmafon.core.model.PhoneNumber;
import dk.firmafon.core.support.Arguments;
import dk.firmafon.core.support.FileSink;
import dk.firmafon.voicemails.model.VoiceMail;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Voice mails: list them newest first across pages, read, mark heard or unheard, delete, and fetch the recording.
 *
 * <pre>{@code
 * VoiceMailsClient voiceMails = VoiceMailsClient.create(firmafonClient);
 * voiceMails.list(VoiceMailQuery.builder().endpoint(Endpoint.employee(12)).build())
 *     .filter(voiceMail -> !voiceMail.heard())
 *     .concatMap(voiceMail -> voiceMails.downloadTo(voiceMail.id(), dir.resolve(voiceMail.id() + ".mp3")))
 * }</pre>
 *
 * <p>Every method is cold and never throws: bad arguments arrive as an {@link IllegalArgumentException} naming the
 * argument, before anything is sent.
 */
public final class VoiceMailsClient {
    private static final String ENVELOPE = "voice_mail";
    private static final String LIST_ENVELOPE = "voice_mails";
    private static final String CURSOR = "created_at_lt_or_eq";

    private final FirmafonClient client;

    private VoiceMailsClient(FirmafonClient client) {
        this.client = client;
    }

    /** A voice-mails client over {@code client} (which it shares, not owns). */
    public static VoiceMailsClient create(FirmafonClient client) {
        return new VoiceMailsClient(
                dk.firmafon.core.support.Arguments.required("client", client, "FirmafonClient.builder()...build()"));
    }

    /**
     * Every voice mail matching {@code query}, newest first, each exactly once, fetched page by page as the
     * subscriber asks for more ({@code GET /voice_mails} with the inclusive cursor {@code created_at_lt_or_eq}).
     */
    public Flux<VoiceMail> list(@Nullable VoiceMailQuery query) {
        return Flux.defer(() -> {
            VoiceMailQuery checked = checked(query);
            CursorPaging<VoiceMail> paging = paging(checked);
            return checked.createdAtOrBefore()
                    .map(bound -> client.paginate(paging, PageCursor.at(bound)))
                    .orElseGet(() -> client.paginate(paging));
        });
    }

    /**
     * One page of the listing, for callers that page themselves (e.g. a UI): {@code from == null} starts at the
     * newest voice mail (or at the query's {@code createdAtOrBefore}); pass the previous page's
     * {@link Page#next()} to continue.
     */
    public Mono<Page<VoiceMail>> page(@Nullable VoiceMailQuery query, @Nullable PageCursor from) {
        return Mono.defer(() -> {
            VoiceMailQuery checked = checked(query);
            PageCursor start = from != null
                    ? from
                    : checked.createdAtOrBefore().map(PageCursor::at).orElse(null);
            return client.page(paging(checked), start);
        });
    }

    /** The voice mail with {@code id} ({@code GET /voice_mails/:id}). */
    public Mono<VoiceMail> get(long id) {
        return Mono.defer(() -> client.retrieve(ApiRequest.get(path(id)), ENVELOPE, VoiceMail.class));
    }

    /** Marks the voice mail heard ({@code PUT /voice_mails/:id} with {@code heard: true}). */
    public Mono<VoiceMail> markHeard(long id) {
        return setHeard(id, true);
    }

    /** Marks the voice mail not heard ({@code PUT /voice_mails/:id} with {@code heard: false}). */
    public Mono<VoiceMail> markUnheard(long id) {
        return setHeard(id, false);
    }

    /** Deletes the voice mail ({@code DELETE /voice_mails/:id}). */
    public Mono<Void> delete(long id) {
        return Mono.defer(() -> client.execute(ApiRequest.delete(path(id))));
    }

    /**
     * The recording (usually MP3) as a stream of buffers the subscriber owns, fetched from the configured API host
     * ({@code GET /voice_mails/:id/sound}), never held whole in memory. The voice mail's {@code sound.url} is not
     * used: it may point at an old plain-http path, and credentials go only to the configured host.
     */
    public Flux<ByteBuffer> download(long id) {
        return Flux.defer(() -> client.download(sound(id)));
    }

    /**
     * Streams the recording into {@code file} (created, or truncated if it exists) without blocking a Reactor
     * thread, and emits the number of bytes written once the file is closed. On error or cancellation the partial
     * file is deleted.
     */
    public Mono<Long> downloadTo(long id, @Nullable Path file) {
        return Mono.defer(() -> {
            ApiRequest sound = sound(id);
            return FileSink.write(client.download(sound), Arguments.required("file", file, "a Path to write to"));
        });
    }

    private Mono<VoiceMail> setHeard(long id, boolean heard) {
        return Mono.defer(() -> client.retrieve(
                ApiRequest.put(path(id)).withBody(Map.of(ENVELOPE, Map.of("heard", heard))),
                ENVELOPE,
                VoiceMail.class));
    }

    private static VoiceMailQuery checked(@Nullable VoiceMailQuery query) {
        Arguments.required("query", query, "use VoiceMailQuery.all()");
        Arguments.limit("query.limit", query.limit(), VoiceMailQuery.MAX_LIMIT);
        query.endpoint().ifPresent(endpoint -> Arguments.endpoint("query.endpoint", endpoint, "Employee#12"));
        // a number read leniently from a payload (e.g. "anonymous") is no filter the service understands
        query.number().ifPresent(number -> PhoneNumber.of("query.number", number.digits()));
        return query;
    }

    private static CursorPaging<VoiceMail> paging(VoiceMailQuery query) {
        ApiRequest request = ApiRequest.get("/voice_mails")
                .withQuery("endpoint", query.endpoint().map(Object::toString).orElse(null))
                .withQuery("number", query.number().map(PhoneNumber::digits).orElse(null));
        return CursorPaging.builder(VoiceMail.class)
                .request(request)
                .envelopeKey(LIST_ENVELOPE)
                .cursorParameter(CURSOR)
                .timestamp(voiceMail -> voiceMail.createdAt().toInstant())
                .id(VoiceMail::id)
                .pageSize(query.limit())
                .build();
    }

    private static ApiRequest sound(long id) {
        return ApiRequest.get(path(id) + "/sound");
    }

    private static String path(long id) {
        return Arguments.idPath("/voice_mails", id);
    }
}
