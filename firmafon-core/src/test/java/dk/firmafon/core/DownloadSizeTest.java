package dk.firmafon.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.core.testing.FirmafonWireMock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A download tells the listener in its context the declared size, before the first byte. */
class DownloadSizeTest {
    @RegisterExtension
    static final FirmafonWireMock wire = FirmafonWireMock.atRoot();

    @Test
    void theDeclaredLengthArrivesBeforeTheBytes() {
        wire.stubFor(get(urlEqualTo("/sounds/1"))
                .willReturn(aResponse().withHeader("Content-Length", "5000").withBody(new byte[5000])));
        wire.stubFor(get(urlEqualTo("/sounds/2")).willReturn(aResponse().withBody(new byte[10])));
        List<String> seen = new CopyOnWriteArrayList<>();
        long bytes = wire.client()
                .download(ApiRequest.get("/sounds/{id}", 1))
                .doOnNext(chunk -> seen.add("bytes"))
                .contextWrite(DownloadSize.listener(size -> seen.add("size " + size)))
                .map(chunk -> (long) chunk.remaining())
                .reduce(0L, Long::sum)
                .block(Duration.ofSeconds(10));
        assertThat(bytes).isEqualTo(5000);
        assertThat(seen.get(0)).isEqualTo("size 5000");
        assertThat(seen.subList(1, seen.size())).containsOnly("bytes");

        List<Long> chunked = new CopyOnWriteArrayList<>();
        wire.client()
                .download(ApiRequest.get("/sounds/{id}", 2))
                .contextWrite(DownloadSize.listener(chunked::add))
                .blockLast(Duration.ofSeconds(10));
        assertThat(chunked).containsExactly(-1L);
    }

    @Test
    void anUndeclaredOrBadLengthIsMinusOne() {
        assertThat(DownloadSize.parse(null)).isEqualTo(-1);
        assertThat(DownloadSize.parse("x")).isEqualTo(-1);
        assertThat(DownloadSize.parse("-4")).isEqualTo(-1);
        assertThat(DownloadSize.parse(" 12 ")).isEqualTo(12);
    }
}
