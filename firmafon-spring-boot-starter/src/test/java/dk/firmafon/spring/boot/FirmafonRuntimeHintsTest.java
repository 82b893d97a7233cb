package dk.firmafon.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.firmafon.calls.model.Call;
import dk.firmafon.core.FirmafonClient;
import dk.firmafon.events.CallEventName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The SDK's AOT hints (#32): registered through {@code aot.factories}, covering every model class Jackson reflects on
 * (the models, their generated {@code Immutable*} classes and nested {@code Json} creators, the open values), the
 * events' {@link CallEventName} and the version resource, checked with Spring's {@link RuntimeHintsPredicates}.
 */
class FirmafonRuntimeHintsTest {

    private static RuntimeHints registered() {
        RuntimeHints hints = new RuntimeHints();
        List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader.forResourceLocation(
                        "META-INF/spring/aot.factories")
                .load(RuntimeHintsRegistrar.class);
        assertThat(registrars).hasAtLeastOneElementOfType(FirmafonRuntimeHints.class);
        registrars.forEach(
                registrar -> registrar.registerHints(hints, FirmafonRuntimeHintsTest.class.getClassLoader()));
        return hints;
    }

    @Test
    void everyModelClassJacksonReadsIsRegisteredForReflection() {
        RuntimeHints hints = registered();
        List<String> models = FirmafonRuntimeHints.modelTypes();

        assertThat(models)
                .contains(
                        "dk.firmafon.calls.model.Call",
                        "dk.firmafon.calls.model.ImmutableCall",
                        "dk.firmafon.calls.model.ImmutableCall$Json",
                        "dk.firmafon.calls.model.CallStatus",
                        "dk.firmafon.core.model.PhoneNumber$JsonReader",
                        "dk.firmafon.employees.model.ImmutableEmployee$Json",
                        "dk.firmafon.voicemails.model.ImmutableVoiceMail",
                        "dk.firmafon.contacts.model.ImmutableContactDraft",
                        "dk.firmafon.announcements.model.ImmutableAnnouncement")
                .hasSizeGreaterThan(60);
        for (String model : models) {
            assertThat(RuntimeHintsPredicates.reflection()
                            .onType(TypeReference.of(model))
                            .withMemberCategories(
                                    MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                                    MemberCategory.INVOKE_DECLARED_METHODS))
                    .as(model)
                    .accepts(hints);
        }
        assertThat(RuntimeHintsPredicates.reflection().onType(CallEventName.class))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource(FirmafonRuntimeHints.SDK_VERSION))
                .accepts(hints);
    }

    @Test
    void theRegisteredClassesAreTheOnesJacksonUses() throws Exception {
        // the class Jackson builds a Call with is among the registered ones
        ObjectMapper mapper = FirmafonClient.newObjectMapper();
        Call call = mapper.readValue("{\"call_uuid\":\"c-1\",\"status\":\"answered\"}", Call.class);
        assertThat(FirmafonRuntimeHints.modelTypes()).contains(call.getClass().getName());
        assertThat(getClass().getClassLoader().getResource(FirmafonRuntimeHints.SDK_VERSION))
                .isNotNull();
    }
}
