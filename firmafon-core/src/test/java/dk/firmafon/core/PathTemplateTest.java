package dk.firmafon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Path templates: variables encoded as one segment each, and a low-cardinality template for every request. */
class PathTemplateTest {
    @Test
    void variablesAreEncodedAsOneSegmentEachAndTheTemplateIsKept() {
        ApiRequest request = ApiRequest.get("/calls/{uuid}/notes/{id}", "a/../b c", 12);
        assertThat(request.path()).isEqualTo("/calls/a%2F..%2Fb%20c/notes/12");
        assertThat(request.pathTemplate()).isEqualTo("/calls/{uuid}/notes/{id}");
        assertThat(ApiRequest.post("call_nodes/{uuid}/hangup", "n1").pathTemplate())
                .isEqualTo("/call_nodes/{uuid}/hangup");
        assertThat(ApiRequest.get("/calls/{uuid}", "..").path()).isEqualTo("/calls/%2E%2E");
    }

    @Test
    void theTemplateSurvivesEveryWither() {
        ApiRequest request = ApiRequest.put("/contacts/{id}", 5)
                .withQuery("a", 1)
                .withBody("{}")
                .withHeader("X-Trace", "t")
                .withIdempotent(false)
                .withTimeout(java.time.Duration.ofSeconds(1));
        assertThat(request.pathTemplate()).isEqualTo("/contacts/{id}");
    }

    @Test
    void badVariablesAreRefusedNamingThePlaceholder() {
        assertThatThrownBy(() -> ApiRequest.get("/calls/{uuid}", (Object) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uuid must not be null or empty");
        assertThatThrownBy(() -> ApiRequest.get("/calls/{uuid}", ""))
                .hasMessageContaining("uuid must not be null or empty");
        assertThatThrownBy(() -> ApiRequest.get("/calls/{uuid}", "a", "b"))
                .hasMessageContaining("has 1 placeholders, but 2 variables");
        assertThatThrownBy(() -> ApiRequest.get("/calls/{uuid}/{id}", "a"))
                .hasMessageContaining("more placeholders than the 1 variables");
        assertThatThrownBy(() -> ApiRequest.get("/calls/{uuid", "a")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> ApiRequest.get("/calls/{uuid}?x=1", "a")).hasMessageContaining("withQuery");
    }

    @Test
    void aPlainPathGetsATemplateWithoutItsIds() {
        assertThat(ApiRequest.get("/calls").pathTemplate()).isEqualTo("/calls");
        assertThat(ApiRequest.get("/contacts/12").pathTemplate()).isEqualTo("/contacts/{id}");
        assertThat(ApiRequest.post("/employee_groups/7/mark_as_read").pathTemplate())
                .isEqualTo("/employee_groups/{id}/mark_as_read");
        assertThat(ApiRequest.get("/calls/" + ApiRequest.pathSegment("3f1e0c2a-9b1d-4c55-8a11-0d2b7c9e4f10"))
                        .pathTemplate())
                .isEqualTo("/calls/{id}");
        assertThat(ApiRequest.get("/calls/" + ApiRequest.pathSegment("a b")).pathTemplate())
                .isEqualTo("/calls/{id}");
        assertThat(ApiRequest.get("/call_nodes/live").pathTemplate()).isEqualTo("/call_nodes/live");
        assertThat(ApiRequest.get("/voice_mails/9/sound").pathTemplate()).isEqualTo("/voice_mails/{id}/sound");
    }

    @Test
    void anAbsoluteUriKeepsItsOriginAndLosesItsIdsAndQuery() {
        assertThat(ApiRequest.get("https://Files.Example/sounds/1234/v2?sig=SECRET")
                        .pathTemplate())
                .isEqualTo("https://files.example/sounds/{id}/v2");
        assertThat(ApiRequest.get("https://files.example").pathTemplate()).isEqualTo("https://files.example");
        assertThat(ApiRequest.get("https://files.example/{f}", "a b").pathTemplate())
                .isEqualTo("https://files.example/{f}");
    }
}
