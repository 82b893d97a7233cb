package dk.firmafon.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every wait in the project's Java sources has a bound (#31): no {@code block()}, {@code blockOptional()},
 * {@code blockFirst()} or {@code blockLast()} without a {@code Duration}, and no {@code StepVerifier} finished by
 * {@code verify()} or a {@code verifyComplete()}/{@code verifyError...()} shortcut, which wait without one (a hung
 * publisher would hang the build until CI's limit). A line that must wait unbounded by design says why in a
 * {@code // unbounded:} comment. This test reads every module's {@code src} tree, so a new unbounded wait fails the
 * build wherever it is written.
 */
class BoundedWaitsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern UNBOUNDED =
            Pattern.compile("\\.(block|blockOptional|blockFirst|blockLast|verify|verifyThenAssertThat)\\(\\)"
                    + "|\\.verifyComplete\\(\\)"
                    + "|\\.verifyError(Matches|Satisfies|Message)?\\(");
    private static final String MARKER = "// unbounded:";

    @Test
    void everyWaitInTheSourcesHasABound() throws IOException {
        List<String> unbounded = new ArrayList<>();
        int files = 0;
        for (Path file : javaSources()) {
            files++;
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (UNBOUNDED.matcher(stripComment(line)).find() && !line.contains(MARKER)) {
                    unbounded.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertThat(files).as("Java sources read").isGreaterThan(300);
        assertThat(unbounded).as("waits without a bound").isEmpty();
    }

    @Test
    void theCheckFindsAnUnboundedWait() {
        assertThat(UNBOUNDED.matcher("Mono.just(1).block();").find()).isTrue();
        assertThat(UNBOUNDED
                        .matcher("StepVerifier.create(m).expectNext(1).verifyComplete();")
                        .find())
                .isTrue();
        assertThat(UNBOUNDED.matcher("        .verify();").find()).isTrue();
        assertThat(UNBOUNDED.matcher(".verifyErrorSatisfies(e -> {})").find()).isTrue();
        assertThat(UNBOUNDED
                        .matcher("Mono.just(1).block(Duration.ofSeconds(5));")
                        .find())
                .isFalse();
        assertThat(UNBOUNDED.matcher(".expectComplete().verify(TIMEOUT);").find())
                .isFalse();
    }

    /** The code of a line: nothing of a comment line, and no trailing {@code //} comment (comments may name them). */
    private static String stripComment(String line) {
        String code = line.strip();
        if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
            return "";
        }
        int comment = code.indexOf("//");
        return comment < 0 ? code : code.substring(0, comment);
    }

    private static List<Path> javaSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path src = module.resolve("src");
                if (!Files.isDirectory(src)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(src)) {
                    files.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> !p.endsWith("BoundedWaitsTest.java")) // its own patterns
                            .forEach(sources::add);
                }
            }
        }
        return sources;
    }
}
