package dk.firmafon.calls.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.calls.Fixtures;
import org.junit.jupiter.api.Test;

class CallJsonTest {
    private final ObjectMapper mapper = Fixtures.MAPPER;

    @Test
    void probe() throws Exception {
        JsonNode root = mapper.readTree(Fixtures.text("call.json"));
        Call call = mapper.treeToValue(root.get("call"), Call.class);
        System.out.println(call);
        System.out.println(mapper.writeValueAsString(call));
        assertThat(call.callUuid()).isNotEmpty();
    }
}
