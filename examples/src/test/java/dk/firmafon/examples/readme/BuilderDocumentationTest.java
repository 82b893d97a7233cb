package dk.firmafon.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dk.firmafon.announcements.model.Announcement;
import dk.firmafon.auth.OAuthToken;
import dk.firmafon.calls.CallQuery;
import dk.firmafon.contacts.ContactQuery;
import dk.firmafon.core.model.Contact;
import dk.firmafon.employees.model.Employee;
import dk.firmafon.voicemails.VoiceMailQuery;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public builder of the SDK documents its setters in the Javadoc (#29 item 6). A public {@code X.Builder}
 * extends the builder Immutables generates; when that generated builder is public, Javadoc lists its methods only as
 * "inherited from {@code ImmutableX.Builder}", a class that is not in the Javadoc, so no setter has a page. When it is
 * package-private (the {@code builderVisibility = PACKAGE} of {@link dk.firmafon.core.model.FirmafonModel}), Javadoc
 * documents each inherited public method on {@code X.Builder} itself, with the generated text that links to the
 * attribute's own Javadoc. This test walks every module's classes, so a model given another style fails here.
 */
class BuilderDocumentationTest {

    /** One class of each published module that has builders. */
    private static final List<Class<?>> MODULES = List.of(
            OAuthToken.class,
            Contact.class,
            CallQuery.class,
            ContactQuery.class,
            Employee.class,
            VoiceMailQuery.class,
            Announcement.class);

    @Test
    void noPublicBuilderInheritsFromAPublicGeneratedBuilder() throws Exception {
        List<String> builders = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (String name : builderClassNames()) {
            Class<?> builder = Class.forName(name);
            if (!Modifier.isPublic(builder.getModifiers())) {
                continue;
            }
            builders.add(name);
            Class<?> generated = builder.getSuperclass();
            if (generated.getSimpleName().equals("Builder")
                    && generated.getEnclosingClass() != null
                    && generated.getEnclosingClass().getSimpleName().startsWith("Immutable")
                    && Modifier.isPublic(generated.getModifiers())) {
                hidden.add(name + " extends public " + generated.getName());
            }
        }
        assertThat(builders).as("public builders found").hasSizeGreaterThan(15);
        assertThat(hidden)
                .as("builders whose setters Javadoc shows only as inherited from an undocumented class")
                .isEmpty();
    }

    private static TreeSet<String> builderClassNames() throws IOException, URISyntaxException {
        TreeSet<String> names = new TreeSet<>();
        for (Class<?> anchor : MODULES) {
            Path location = Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (String entry : entries(location)) {
                if (entry.startsWith("dk/firmafon/")
                        && entry.endsWith("$Builder.class")
                        && !entry.contains("/internal/")) {
                    names.add(entry.substring(0, entry.length() - ".class".length())
                            .replace('/', '.'));
                }
            }
        }
        return names;
    }

    private static List<String> entries(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.map(file -> location.relativize(file).toString().replace('\\', '/'))
                        .toList();
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().map(entry -> entry.getName()).toList();
        }
    }
}
