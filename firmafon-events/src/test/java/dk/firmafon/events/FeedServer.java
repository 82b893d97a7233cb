package dk.firmafon.events;

import dk.firmafon.testkit.FakeFeed;
import java.net.URI;

/**
 * A Bayeux server the conformance suite runs against: the real {@code faye} (WebSocket upgrades allowed or refused)
 * or the testkit's {@link FakeFeed}. One suite for both is what proves the fake behaves like the real thing.
 */
interface FeedServer extends AutoCloseable {
    URI feedUri();

    void publish(String channel, String data) throws Exception;

    int handshakes() throws Exception;

    int unsubscribes() throws Exception;

    int disconnects() throws Exception;

    /** WebSocket upgrades the server accepted. */
    int webSockets() throws Exception;

    /** Every connection closed, sessions kept. */
    void dropConnections() throws Exception;

    /** Every session forgotten (a restarted server). */
    void forgetEveryone() throws Exception;

    @Override
    void close();

    /** The kinds the suite runs against. */
    enum Kind {
        FAYE_WEBSOCKET,
        FAYE_LONG_POLLING_ONLY,
        TESTKIT_FAKE_FEED,
        TESTKIT_FAKE_FEED_LONG_POLLING_ONLY;

        /** Whether the server takes the WebSocket upgrade the SDK tries first. */
        boolean webSocket() {
            return this == FAYE_WEBSOCKET || this == TESTKIT_FAKE_FEED;
        }

        FeedServer start(String token) throws Exception {
            return this == TESTKIT_FAKE_FEED || this == TESTKIT_FAKE_FEED_LONG_POLLING_ONLY
                    ? new Fake(FakeFeed.start(token).refuseWebSockets(!webSocket()))
                    : new Faye(FayeServer.start(token, webSocket()));
        }
    }

    /** The real faye. */
    record Faye(FayeServer server) implements FeedServer {
        @Override
        public URI feedUri() {
            return server.feedUri();
        }

        @Override
        public void publish(String channel, String data) throws Exception {
            server.publish(channel, data);
        }

        @Override
        public int handshakes() throws Exception {
            return server.stats().get("handshakes").asInt();
        }

        @Override
        public int unsubscribes() throws Exception {
            return server.stats().get("unsubscribes").asInt();
        }

        @Override
        public int disconnects() throws Exception {
            return server.stats().get("disconnects").asInt();
        }

        @Override
        public int webSockets() throws Exception {
            return server.stats().get("websockets").asInt();
        }

        @Override
        public void dropConnections() throws Exception {
            server.dropConnections();
        }

        @Override
        public void forgetEveryone() throws Exception {
            server.restart();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** The testkit's fake. */
    record Fake(FakeFeed feed) implements FeedServer {
        @Override
        public URI feedUri() {
            return feed.uri();
        }

        @Override
        public void publish(String channel, String data) {
            feed.publish(channel, data);
        }

        @Override
        public int handshakes() {
            return feed.handshakes();
        }

        @Override
        public int unsubscribes() {
            return feed.unsubscribes();
        }

        @Override
        public int disconnects() {
            return feed.disconnects();
        }

        @Override
        public int webSockets() {
            return feed.webSockets();
        }

        @Override
        public void dropConnections() {
            feed.dropConnections();
        }

        @Override
        public void forgetEveryone() {
            feed.forgetClients();
        }

        @Override
        public void close() {
            feed.close();
        }
    }
}
