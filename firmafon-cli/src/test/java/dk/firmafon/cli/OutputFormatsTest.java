package dk.firmafon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.testkit.FakeFirmafon;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --output table|json|csv and --fields, for listings and single records. */
class OutputFormatsTest {
    private static final FakeFirmafon FAKE = FakeFirmafon.start();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result result = CliRun.against(FAKE, home).run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void csvHasAHeaderRowAndOneQuotedRowPerItem() {
        List<String> lines =
                ok("calls", "list", "--max", "3", "--output", "csv").lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("call_uuid,").contains("started_at");
        assertThat(lines.subList(1, 4)).allSatisfy(line -> assertThat(line.split(",", -1).length)
                .isGreaterThanOrEqualTo(lines.get(0).split(",").length));
    }

    @Test
    void fieldsChooseTheColumnsInEveryFormat() throws Exception {
        List<String> csv = ok("calls", "list", "--max", "2", "--output", "CSV", "--fields", "call_uuid,direction")
                .lines();
        assertThat(csv.get(0)).isEqualTo("call_uuid,direction");
        assertThat(csv.get(1)).matches("[0-9a-f-]+,(incoming|outgoing|internal)");

        JsonNode json = JSON.readTree(ok("calls", "list", "--max", "1", "--json", "--fields", "direction,call_uuid")
                .lines()
                .get(0));
        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("direction", "call_uuid");

        List<String> table = ok("calls", "list", "--max", "2", "--fields", "call_uuid,direction")
                .lines();
        assertThat(table.get(0)).startsWith("call_uuid").contains("direction");
        assertThat(table).hasSize(3);

        assertThat(ok("employees", "me", "--output", "json", "--fields", "id")
                        .out()
                        .trim())
                .isEqualTo("{\"id\":" + FakeFirmafon.CURRENT_EMPLOYEE_ID + "}");
    }

    @Test
    void aCellWithACommaOrQuoteIsQuoted() {
        assertThat(Output.csvCell("plain")).isEqualTo("plain");
        assertThat(Output.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Output.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Output.csvCell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun.Result result = CliRun.against(FAKE, home).run("calls", "list", "--output", "xml");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--output").contains("xml");
    }
}
