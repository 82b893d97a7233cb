package dk.firmafon.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.testsupport.Secrets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InstanceFieldExtensionTest {
    private static final String TOKEN = Secrets.register(Secrets.Kind.ACCESS_TOKEN, "per-test-token");

    @RegisterExtension
    final FakeFirmafonExtension fake =
            new FakeFirmafonExtension(FakeFirmafon.builder().accessToken(TOKEN));

    @Test
    void anInstanceFieldGivesEachTestItsOwnRunningFake() {
        assertThat(fake.fake().accessToken()).isEqualTo(TOKEN);
        assertThat(Http.get(fake.fake(), "/employee").statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentCreatesGetDistinctIds() throws Exception {
        FakeFirmafon server = fake.fake();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String number = "45600000" + String.format("%02d", i);
                ids.add(pool.submit(() -> Http.body(
                                Http.json(server, "POST", "/contacts", "{\"contact\":{\"number\":\"" + number + "\"}}"))
                        .at("/contact/id")
                        .asLong()));
            }
            Set<Long> distinct = new HashSet<>();
            for (Future<Long> id : ids) {
                distinct.add(id.get(30, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }
}
