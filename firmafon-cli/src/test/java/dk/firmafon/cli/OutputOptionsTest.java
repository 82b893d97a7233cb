package dk.firmafon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.testkit.FakeFirmafon;
import dk.firmafon.testkit.FakeFirmafonExtension;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --json}, {@code --max} and streaming listings. */
class OutputOptionsTest {
    @RegisterExtension
    static final FakeFirmafonExtension FAKE = new FakeFirmafonExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void jsonPrintsOneObjectPerLineWithTheApisFieldNames() throws Exception {
        CliRun.Result result = CliRun.against(FAKE.fake(), home).run("calls", "list", "--json", "--max", "3");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).hasSize(3);
        for (String line : result.lines()) {
            JsonNode call = JSON.readTree(line);
            assertThat(call.isObject()).isTrue();
            assertThat(call.has("call_uuid")).as(line).isTrue();
            assertThat(call.has("started_at")).as(line).isTrue();
            assertThat(call.has("callUuid")).as(line).isFalse();
        }
    }

    @Test
    void jsonMayComeBeforeTheCommandToo() {
        CliRun.Result result = CliRun.against(FAKE.fake(), home).run("--json", "employees", "me");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).hasSize(1);
        assertThat(result.out()).contains("\"do_not_disturb\"");
    }

    @Test
    void maxStopsAfterNItemsAndFetchesNoFurtherPage() {
        CliRun.Result result = CliRun.against(FAKE.fake(), home).run("calls", "list", "--max", "5", "--page-size", "5");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).hasSize(6);
        assertThat(FAKE.fake().journal().count("GET", "/calls")).isEqualTo(1);
    }

    @Test
    void withoutMaxEveryItemIsListed() {
        CliRun.Result result = CliRun.against(FAKE.fake(), home).run("calls", "list", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).hasSize(FakeFirmafon.SEEDED_CALLS);
    }

    @Test
    void aLongListingPrintsItsFirstRowBeforeTheLastPageIsFetched() {
        AtomicInteger pagesFetchedAtFirstRow = new AtomicInteger(-1);
        StringWriter watched = new StringWriter() {
            @Override
            public void write(String text, int offset, int length) {
                if (pagesFetchedAtFirstRow.get() < 0 && text.contains("call_uuid")) {
                    pagesFetchedAtFirstRow.set(FAKE.fake().journal().count("GET", "/calls"));
                }
                super.write(text, offset, length);
            }
        };

        CliRun.Result result = CliRun.against(FAKE.fake(), home)
                .out(watched)
                .run("calls", "list", "--json", "--max", "250", "--page-size", "50");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).hasSize(250);
        int pages = FAKE.fake().journal().count("GET", "/calls");
        assertThat(pages).isGreaterThanOrEqualTo(5);
        assertThat(pagesFetchedAtFirstRow.get()).isBetween(1, pages - 1);
    }

    @Test
    void theTableHasAHeaderAndOneRowPerItem() {
        CliRun.Result result = CliRun.against(FAKE.fake(), home).run("voicemails", "list", "--max", "2");

        assertThat(result.lines()).hasSize(3);
        assertThat(result.lines().get(0)).startsWith("ID").contains("CREATED", "FROM", "HEARD");
        assertThat(result.lines().get(1)).startsWith("5040");
    }
}
