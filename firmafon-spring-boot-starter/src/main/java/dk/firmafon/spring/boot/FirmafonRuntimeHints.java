package dk.firmafon.spring.boot;

import dk.firmafon.announcements.model.Announcement;
import dk.firmafon.calls.model.Call;
import dk.firmafon.contacts.model.ContactDraft;
import dk.firmafon.core.model.Contact;
import dk.firmafon.employees.model.Employee;
import dk.firmafon.events.CallEventName;
import dk.firmafon.voicemails.model.VoiceMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What a Spring AOT build (and a GraalVM native image) needs to know about the SDK, registered through
 * {@code META-INF/spring/aot.factories}: every class of the SDK's model packages (the models, the classes Immutables
 * generates for them and their nested Jackson creators, the open values Jackson builds with {@code of(String)}),
 * {@link CallEventName}, and the {@code sdk-version.properties} resource the {@code User-Agent} is read from. The model
 * classes are read from the SDK's own jars when the hints are registered, so a model added later is covered without
 * a list to keep.
 */
public class FirmafonRuntimeHints implements RuntimeHintsRegistrar {
    /** The resource the SDK's version is read from. */
    public static final String SDK_VERSION = "dk/firmafon/foundation/internal/sdk-version.properties";

    /** One class of each module with a model package. */
    private static final List<Class<?>> MODEL_MODULES =
            List.of(Contact.class, Call.class, Employee.class, ContactDraft.class, VoiceMail.class, Announcement.class);

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        for (String type : modelTypes()) {
            hints.reflection().registerType(TypeReference.of(type), MemberCategory.values());
        }
        hints.reflection().registerType(CallEventName.class, MemberCategory.values());
        hints.resources().registerPattern(SDK_VERSION);
    }

    /** Every class (nested ones included) of the SDK's {@code ...model} packages, by binary name. */
    public static List<String> modelTypes() {
        List<String> types = new ArrayList<>();
        for (Class<?> anchor : MODEL_MODULES) {
            String prefix = anchor.getPackageName().replace('.', '/') + "/";
            for (String entry : entries(anchor)) {
                if (entry.startsWith(prefix)
                        && entry.endsWith(".class")
                        && entry.indexOf('/', prefix.length()) < 0
                        && !entry.endsWith("package-info.class")) {
                    types.add(entry.substring(0, entry.length() - ".class".length())
                            .replace('/', '.'));
                }
            }
        }
        return types;
    }

    private static List<String> entries(Class<?> anchor) {
        try {
            java.net.URI source =
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI();
            if (!"file".equals(source.getScheme())) {
                return List.of(); // inside an executable jar: AOT processing runs on the build's plain class path
            }
            Path location = Path.of(source);
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    return files.map(
                                    file -> location.relativize(file).toString().replace('\\', '/'))
                            .toList();
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.stream().map(entry -> entry.getName()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
