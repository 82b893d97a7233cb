package dk.firmafon.calls;

import com.fasterxml.jackson.databind.JsonNode;
import dk.firmafon.calls.model.Recording;
import dk.firmafon.core.ApiRequest;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.support.Arguments;
import dk.firmafon.core.support.FileSink;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Call recordings: a recording's metadata and its sound, streamed like a voice mail's.
 *
 * <p>Evidence: the Relatel reference shows recordings inside smileys and calls, with a {@code sound.url} on the API
 * host ({@code https://app.relatel.dk/api/v2/call_recordin...}, the rest cut off on the page). The paths used here,
 * {@code GET /call_recordings/:id} ({@code {"call_recording": {...}}}) and {@code GET /call_recordings/:id/sound},
 * follow the API's conventions (the voice mails' {@code /voice_mails/:id/sound}); they are inferred, not shown on an
 * official page. {@link #download(Recording)} prefers the recording's own {@code sound.url} when it has one.
 *
 * <p>Credentials go only to the configured API host: a {@code sound.url} on any other host fails with a
 * {@link dk.firmafon.error.FirmafonSecurityException} and nothing is sent. Downloads are never held whole in memory.
 */
public final class CallRecordingsClient {
    private static final String RECORDINGS = "/call_recordings";
    private static final String ENVELOPE = "call_recording";

    private final FirmafonClient client;

    private CallRecordingsClient(FirmafonClient client) {
        this.client = client;
    }

    /** A recordings client over {@code client} (which it shares, not owns). */
    public static CallRecordingsClient create(FirmafonClient client) {
        return new CallRecordingsClient(
                dk.firmafon.core.support.Arguments.required("client", client, "FirmafonClient.builder()...build()"));
    }

    /** The recording's metadata ({@code GET /call_recordings/:id}). */
    public Mono<Recording> get(long id) {
        return Mono.defer(
                () -> client.retrieve(ApiRequest.get(Arguments.idPath(RECORDINGS, id)), ENVELOPE, Recording.class));
    }

    /**
     * The recording's sound (usually MP3) as a stream of buffers the subscriber owns
     * ({@code GET /call_recordings/:id/sound}), never held whole in memory; cancelling releases the connection.
     */
    public Flux<ByteBuffer> download(long id) {
        return Flux.defer(() -> client.download(sound(id)));
    }

    /**
     * The sound of {@code recording}: from its {@code sound.url} when it carries one (it must be on the configured
     * API host), else by its id.
     *
     * @throws IllegalArgumentException (in the stream) when the recording has neither a URL nor a numeric id
     */
    public Flux<ByteBuffer> download(@Nullable Recording recording) {
        return Flux.defer(() -> client.download(sound(recording)));
    }

    /**
     * Streams the sound into {@code file} (created, or truncated if it exists) without blocking a Reactor thread,
     * and emits the number of bytes written once the file is closed; on error or cancellation the partial file is
     * deleted.
     */
    public Mono<Long> downloadTo(long id, @Nullable Path file) {
        return Mono.defer(() -> {
            ApiRequest sound = sound(id);
            return FileSink.write(client.download(sound), Arguments.required("file", file, "a Path to write to"));
        });
    }

    /** As {@link #downloadTo(long, Path)}, for {@code recording} (by its {@code sound.url}, else its id). */
    public Mono<Long> downloadTo(@Nullable Recording recording, @Nullable Path file) {
        return Mono.defer(() -> {
            ApiRequest sound = sound(recording);
            return FileSink.write(client.download(sound), Arguments.required("file", file, "a Path to write to"));
        });
    }

    private static ApiRequest sound(long id) {
        return ApiRequest.get(Arguments.idPath(RECORDINGS, id) + "/sound");
    }

    private static ApiRequest sound(@Nullable Recording recording) {
        Recording checked = Arguments.required("recording", recording, "from get(id), a call or a smiley");
        String url = checked.sound().map(CallRecordingsClient::url).orElse(null);
        if (url != null) {
            return ApiRequest.get(url);
        }
        long id = checked.numericId()
                .orElseThrow(
                        () -> new IllegalArgumentException("recording must have a sound.url or a numeric id, was id "
                                + checked.id().orElse("(none)")));
        return sound(id);
    }

    /** {@code sound} as {@code {formats, url}} or as a bare URL string. */
    private static @Nullable String url(JsonNode sound) {
        JsonNode url = sound.isTextual() ? sound : sound.path("url");
        return url.isTextual() && !url.asText().isBlank() ? url.asText() : null;
    }
}
