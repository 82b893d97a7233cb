package dk.firmafon.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.Firmafon;
import dk.firmafon.events.CallEvent;
import dk.firmafon.events.EventsClient;
import dk.firmafon.events.LiveEvent;
import dk.firmafon.testkit.FakeFirmafon;
import dk.firmafon.testsupport.TestProxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.Disposable;

/**
 * The {@code firmafon.network.proxy.*} and {@code firmafon.events.*} properties followed to the wire: a Spring
 * context whose API calls and live-event feed go through a real, authenticating forward proxy (LittleProxy) to the
 * testkit's fake, and an event published on the fake's feed reaching the {@link EventsClient} bean.
 */
class NetworkAndEventsPropertiesTest {
    private static final FakeFirmafon FAKE = FakeFirmafon.start();
    private static final String PROXY_PASSWORD = "pr0xy-pa55word";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FirmafonAutoConfiguration.class));
    private TestProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = TestProxy.start(PROXY_PASSWORD);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    private String[] properties(String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(
                "firmafon.base-uri=" + FAKE.baseUri(),
                "firmafon.token=" + FAKE.accessToken(),
                "firmafon.network.proxy.host=127.0.0.1",
                "firmafon.network.proxy.port=" + proxy.port(),
                "firmafon.network.proxy.username=" + TestProxy.USER,
                "firmafon.network.proxy.password=" + PROXY_PASSWORD,
                "firmafon.events.feed-uri=" + FAKE.feed().uri(),
                "firmafon.events.web-socket=false"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void apiCallsAndTheLiveEventFeedGoThroughTheConfiguredProxy() {
        String api = "127.0.0.1:" + FAKE.baseUri().getPort();
        String feed = "127.0.0.1:" + FAKE.feed().uri().getPort();
        runner.withPropertyValues(properties()).run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(Firmafon.class).employees().me().block(TIMEOUT);
            List<LiveEvent> received = new CopyOnWriteArrayList<>();
            Disposable events = context.getBean(EventsClient.class)
                    .events(List.of("/call2/company/1"))
                    .subscribe(received::add);
            try {
                Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> {
                    FAKE.feed()
                            .publish(
                                    "/call2/company/1",
                                    "{\"type\":\"call-event\",\"name\":\"call.new\","
                                            + "\"data\":{\"call_uuid\":\"through-the-proxy\"}}");
                    assertThat(received)
                            .filteredOn(CallEvent.class::isInstance)
                            .extracting(event -> ((CallEvent) event).callUuid().orElse(""))
                            .contains("through-the-proxy");
                });
            } finally {
                events.dispose();
            }
        });
        // both reached their hosts only through the proxy (a tunnel each, as for https), which saw the proxy
        // login and never the API token
        assertThat(proxy.requests()).contains("CONNECT " + api, "CONNECT " + feed);
        assertThat(proxy.logins()).isNotEmpty().allMatch((TestProxy.USER + ":" + PROXY_PASSWORD)::equals);
        assertThat(String.join(" ", proxy.logins())).doesNotContain(FAKE.accessToken());
    }

    @Test
    void aHostTheProxyIsToBypassIsReachedDirectly() {
        runner.withPropertyValues(properties("firmafon.network.proxy.non-proxy-hosts=127.0.0.1"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(Firmafon.class).employees().me().block(TIMEOUT);
                });
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void aWrongProxyPasswordFailsTheCallAndNeverReachesTheApi() {
        int before = FAKE.journal().requests().size();
        runner.withPropertyValues(properties("firmafon.network.proxy.password=wrong"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(Firmafon.class)
                                    .employees()
                                    .me()
                                    .block(TIMEOUT))
                            .isInstanceOf(dk.firmafon.error.FirmafonException.class)
                            .hasMessageNotContaining("wrong")
                            .hasMessageNotContaining(FAKE.accessToken());
                });
        assertThat(FAKE.journal().requests().size()).isEqualTo(before);
    }
}
