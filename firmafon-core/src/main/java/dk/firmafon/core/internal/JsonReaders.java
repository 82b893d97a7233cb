package dk.firmafon.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dk.firmafon.core.DownloadSize;
import dk.firmafon.error.FirmafonDecodingException;
import dk.firmafon.error.FirmafonException;
import dk.firmafon.error.FirmafonIoException;
import dk.firmafon.foundation.internal.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The response readers of one client: JSON envelopes decoded straight from the response bytes with a streaming
 * parser positioned at the envelope key (no intermediate tree), the whole body as a tree, a discarded body, and a
 * streamed binary body. Every reader turns a non-2xx response into the exception for its status.
 */
public final class JsonReaders {
    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final long maxResponseSize;
    private final Clock clock;
    private final ConcurrentMap<Class<?>, ObjectReader> single = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, ObjectReader> lists = new ConcurrentHashMap<>();
    private final ResponseReader<JsonNode> tree;
    private final ResponseReader<Void> discard;
    private final ResponseReader<ByteBuffer> download;

    public JsonReaders(ObjectMapper mapper, long maxResponseSize, Clock clock) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
        this.maxResponseSize = maxResponseSize;
        this.clock = clock;
        this.tree = (call, head, body) -> {
            if (!Responses.isSuccess(head.status())) {
                return Responses.error(call, head, body, factory, clock);
            }
            return Responses.aggregate(call, body, maxResponseSize)
                    .mapNotNull(in -> decode(call, in, parser -> mapper.readTree(parser)));
        };
        this.discard = (call, head, body) ->
                Responses.isSuccess(head.status()) ? body.discard() : Responses.error(call, head, body, factory, clock);
        this.download = (call, head, body) -> {
            if (!Responses.isSuccess(head.status())) {
                return Responses.error(call, head, body, factory, clock);
            }
            Flux<ByteBuffer> stream = body.stream();
            String declared = head.header("Content-Length");
            return Flux.deferContextual(context -> {
                        LongConsumer listener = context.getOrDefault(DownloadSize.KEY, null);
                        if (listener != null) {
                            listener.accept(DownloadSize.parse(declared));
                        }
                        return stream;
                    })
                    .onErrorMap(
                            e -> !(e instanceof FirmafonException),
                            e -> new FirmafonIoException(
                                    call.describe() + " failed while streaming the body",
                                    e,
                                    FirmafonIoException.Kind.STREAM,
                                    true));
        };
    }

    /** Reads {@code {"<key>": {...}}} as {@code type}. */
    public <T> ResponseReader<T> envelope(String key, Class<T> type) {
        ObjectReader reader = single.computeIfAbsent(type, mapper::readerFor);
        return (call, head, body) -> {
            if (!Responses.isSuccess(head.status())) {
                return Responses.error(call, head, body, factory, clock);
            }
            return Responses.aggregate(call, body, maxResponseSize)
                    .switchIfEmpty(Mono.error(() -> missing(call, key, "the body is empty")))
                    .map(in -> decode(call, in, parser -> {
                        T value = readEnvelope(call, parser, key, reader);
                        if (value == null) {
                            throw missing(call, key, "\"" + key + "\" is null");
                        }
                        return value;
                    }));
        };
    }

    /** Reads {@code {"<key>": [...]}} as a list of {@code elementType}; a {@code null} array is an empty list. */
    public <T> ResponseReader<List<T>> envelopeList(String key, Class<T> elementType) {
        ObjectReader reader = lists.computeIfAbsent(
                elementType,
                type -> mapper.readerFor(mapper.getTypeFactory().constructCollectionType(List.class, type)));
        return (call, head, body) -> {
            if (!Responses.isSuccess(head.status())) {
                return Responses.error(call, head, body, factory, clock);
            }
            return Responses.aggregate(call, body, maxResponseSize)
                    .switchIfEmpty(Mono.error(() -> missing(call, key, "the body is empty")))
                    .map(in -> decode(call, in, parser -> {
                        List<T> list = readEnvelope(call, parser, key, reader);
                        return list == null ? List.of() : list;
                    }));
        };
    }

    /** The whole body as a tree; completes empty for an empty body. */
    public ResponseReader<JsonNode> tree() {
        return tree;
    }

    /** Discards a successful body. */
    public ResponseReader<Void> discard() {
        return discard;
    }

    /** Streams a successful body as copies the subscriber owns. */
    public ResponseReader<ByteBuffer> download() {
        return download;
    }

    /**
     * Reads the value under {@code key} of the top-level object and the rest of the object after it. A key that
     * appears twice takes its last value, as everywhere in the SDK's JSON (Jackson's rule for models and trees).
     */
    private static <T> @Nullable T readEnvelope(Attempt call, JsonParser parser, String key, ObjectReader reader)
            throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw missing(call, key, "the body is not a JSON object");
        }
        boolean found = false;
        T result = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            boolean match = key.equals(parser.currentName());
            JsonToken value = parser.nextToken();
            if (match) {
                found = true;
                result = value == JsonToken.VALUE_NULL ? null : reader.readValue(parser);
            } else {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw missing(call, key, "the body is not a complete JSON object");
        }
        if (!found) {
            throw missing(call, key, "there is no \"" + key + "\" field");
        }
        return result;
    }

    private static FirmafonDecodingException missing(Attempt call, String key, String what) {
        return new FirmafonDecodingException(call.describe() + ": expected {\"" + key + "\": ...} but " + what, null);
    }

    private <T> @Nullable T decode(Attempt call, InputStream in, ParserFunction<T> read) {
        try (JsonParser parser = factory.createParser(in)) {
            T value = read.apply(parser);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new FirmafonDecodingException(
                        call.describe() + ": could not decode the response: more follows "
                                + "the JSON document (" + trailing + " at byte "
                                + parser.currentTokenLocation().getByteOffset()
                                + ")",
                        null);
            }
            return value;
        } catch (FirmafonException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new FirmafonDecodingException(
                    call.describe() + ": could not decode the response: "
                            + Redaction.excerpt(String.valueOf(e.getOriginalMessage()), 300),
                    e);
        } catch (IOException e) {
            throw new FirmafonDecodingException(call.describe() + ": could not read the response", e);
        }
    }

    @FunctionalInterface
    private interface ParserFunction<T> {
        @Nullable
        T apply(JsonParser parser) throws IOException;
    }
}
