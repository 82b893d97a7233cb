package dk.firmafon.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dk.firmafon.testkit.FakeFirmafon;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code firmafon events} against a scripted Bayeux feed (FIRMAFON_PUBSUB_URL): one line per event, {@code --json}
 * objects carrying {@code name} and the data fields, gap notices on stderr and not counted by {@code --max}.
 */
class EventsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeFirmafon fake;

    @RegisterExtension
    static final WireMockExtension feed = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        fake = FakeFirmafon.start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private static String event(String name, String uuid) {
        return "{\"channel\":\"/call2/company/42\",\"data\":{\"type\":\"call-event\",\"name\":\"" + name
                + "\",\"data\":{\"call_uuid\":\"" + uuid + "\",\"from_number\":\"4571999999\","
                + "\"endpoint\":\"Reception#7\"}}}";
    }

    private void script() {
        feed.stubFor(post(urlEqualTo("/faye"))
                .withRequestBody(containing("/meta/handshake"))
                .willReturn(okJson("[{\"channel\":\"/meta/handshake\",\"successful\":true,\"clientId\":\"c1\","
                        + "\"advice\":{\"reconnect\":\"retry\",\"interval\":0,\"timeout\":1000}}]")));
        feed.stubFor(post(urlEqualTo("/faye"))
                .withRequestBody(containing("/meta/subscribe"))
                .willReturn(okJson("[{\"channel\":\"/meta/subscribe\",\"successful\":true,"
                        + "\"subscription\":\"/call2/company/42\"}]")));
        feed.stubFor(post(urlEqualTo("/faye"))
                .withRequestBody(containing("/meta/connect"))
                .inScenario("feed")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("[" + event("call.ringing", "u-1") + ","
                        + "{\"channel\":\"/meta/connect\",\"successful\":true}]"))
                .willSetStateTo("forgotten"));
        feed.stubFor(post(urlEqualTo("/faye"))
                .withRequestBody(containing("/meta/connect"))
                .inScenario("feed")
                .whenScenarioStateIs("forgotten")
                .willReturn(okJson("[{\"channel\":\"/meta/connect\",\"successful\":false,"
                        + "\"error\":\"401::Unknown client\",\"advice\":{\"reconnect\":\"handshake\"}}]"))
                .willSetStateTo("again"));
        feed.stubFor(post(urlEqualTo("/faye"))
                .withRequestBody(containing("/meta/connect"))
                .inScenario("feed")
                .whenScenarioStateIs("again")
                .willReturn(okJson("[" + event("call.hangup", "u-1") + "," + event("call.new", "u-2") + ","
                        + "{\"channel\":\"/meta/connect\",\"successful\":true}]")));
    }

    @Test
    void eventsPrintsOneJsonObjectPerEventAndGapsOnStderr() throws Exception {
        script();
        CliRun.Result run = CliRun.against(fake, home)
                .env(EventsCommand.PUBSUB_URL, feed.baseUrl() + "/faye")
                .run("events", "--channel", "/call2/company/42", "--json", "--max", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.lines();
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("name").asText()).isEqualTo("call.ringing");
        assertThat(first.get("call_uuid").asText()).isEqualTo("u-1");
        assertThat(first.get("from_number").asText()).isEqualTo("4571999999");
        List<String> names = new java.util.ArrayList<>();
        for (String line : lines) {
            names.add(JSON.readTree(line).get("name").asText());
        }
        assertThat(names).containsExactly("call.ringing", "call.hangup", "call.new");
        assertThat(run.err()).contains("gap (HANDSHAKE)");
        // the access token went in ext, to the feed host only
        feed.verify(postRequestedFor(urlEqualTo("/faye"))
                .withRequestBody(containing("\"access_token\":\"" + fake.accessToken() + "\"")));
    }

    @Test
    void withoutJsonEachEventIsOneLine() {
        script();
        CliRun.Result run = CliRun.against(fake, home)
                .env(EventsCommand.PUBSUB_URL, feed.baseUrl() + "/faye")
                .run("events", "--channel", "/call2/company/42", "--max", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines())
                .singleElement()
                .asString()
                .startsWith("call.ringing")
                .contains("u-1", "Reception#7");
    }

    @Test
    void eventsFromTheTestkitsFakeFeedAsTheyArePublished() throws Exception {
        java.util.concurrent.CompletableFuture<CliRun.Result> run =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> CliRun.against(fake, home)
                        .env(EventsCommand.PUBSUB_URL, fake.feed().uri().toString())
                        .run("events", "--channel", "/call2/company/42", "--json", "--max", "1"));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!run.isDone() && System.nanoTime() < deadline) {
            fake.feed()
                    .publish(
                            "/call2/company/42",
                            "{\"type\":\"call-event\",\"name\":\"call.new\","
                                    + "\"data\":{\"call_uuid\":\"from-the-fake\"}}");
            Thread.sleep(100);
        }
        CliRun.Result result = run.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode line = JSON.readTree(result.lines().get(0));
        assertThat(line.get("name").asText()).isEqualTo("call.new");
        assertThat(line.get("call_uuid").asText()).isEqualTo("from-the-fake");
    }
}
