package dk.firmafon.voicemails;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.testing.FirmafonWireMock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a download never holds the recording whole: an 80 MiB body (more than the whole heap, and more than
 * the direct memory Netty may use) is written to a file by a child JVM started with {@code -Xmx64m}. The server
 * (WireMock, in this JVM) holds the body; the SDK side must stream it.
 */
class VoiceMailDownloadSmallHeapTest {
    private static final int SIZE = 80 * 1024 * 1024;

    @RegisterExtension
    static final FirmafonWireMock wm = FirmafonWireMock.atApiV2();

    @Test
    void an80MiBVoiceMailStreamsToAFileInAJvmWith64MiBOfHeap(@TempDir Path dir) throws Exception {
        wm.stubFor(get(urlPathEqualTo("/api/v2/voice_mails/5012/sound"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(SoundBodies.bytes(SIZE))));
        Path file = dir.resolve("5012.mp3");
        Path output = dir.resolve("child.log");

        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-XX:MaxDirectMemorySize=64m",
                        "-XX:+AllowRedefinitionToAddDeleteMethods",
                        "-cp",
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        DownloadToFileMain.class.getName(),
                        wm.apiBaseUri().toString(),
                        "5012",
                        file.toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean exited = child.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly();
        }

        assertThat(exited).as("child JVM finished within 2 minutes").isTrue();
        String log = Files.readString(output);
        assertThat(child.exitValue()).as(log).isZero();
        Matcher reported = Pattern.compile("wrote (\\d+) bytes with a maximum heap of (\\d+) bytes")
                .matcher(log);
        assertThat(reported.find())
                .as("the child reports what it wrote and its heap: " + log)
                .isTrue();
        assertThat(Long.parseLong(reported.group(1))).isEqualTo(SIZE);
        assertThat(Long.parseLong(reported.group(2)))
                .as("the child's maximum heap")
                .isLessThanOrEqualTo(64L << 20)
                .isLessThan(SIZE);
        assertThat(Files.size(file)).isEqualTo(SIZE);
        assertThat(SoundBodies.sha256(file)).isEqualTo(SoundBodies.sha256(SIZE));
        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v2/voice_mails/5012/sound"))
                        .withHeader("Authorization", equalTo("Bearer test-token")));
    }
}
