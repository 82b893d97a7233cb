package dk.firmafon.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.core.support.ExternalJson;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * How a feed session's Bayeux messages travel: {@link WebSocketTransport} (one socket, replies matched by message
 * id, events pushed as they come) or {@link LongPolling} (one HTTP POST per batch, events inside the replies).
 */
interface FeedTransport {
    /** The Bayeux {@code connectionType} of this transport. */
    String connectionType();

    /** Sends {@code messages} and answers the server's replies to them (as a JSON array). */
    Mono<JsonNode> send(List<ObjectNode> messages, Duration timeout);

    /** Releases what the transport holds open; does not block. */
    void close();

    /** Long-polling: each batch a POST on the API client's transport, the answer its replies and any events. */
    final class LongPolling implements FeedTransport {
        private final FirmafonClient client;
        private final URI feed;
        private final boolean allowInsecureHttp;

        LongPolling(FirmafonClient client, URI feed, boolean allowInsecureHttp) {
            this.client = client;
            this.feed = feed;
            this.allowInsecureHttp = allowInsecureHttp;
        }

        @Override
        public String connectionType() {
            return "long-polling";
        }

        @Override
        public Mono<JsonNode> send(List<ObjectNode> messages, Duration timeout) {
            return ExternalJson.post(client, feed, Bayeux.batch(messages), timeout, allowInsecureHttp)
                    .filter(JsonNode::isArray)
                    .switchIfEmpty(Mono.error(() -> new dk.firmafon.error.FirmafonDecodingException(
                            "the feed's answer was not a JSON array of Bayeux messages", null)));
        }

        @Override
        public void close() {}
    }
}
