package dk.firmafon.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java sample in README.md and docs/ is compiled: each block stands, word for word (white space and block
 * comments aside), in the sources of the example modules, which the build compiles and tests. A sample edited in the
 * documentation alone fails here.
 */
class ReadmeSamplesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Path ROOT = Path.of("..");

    @Test
    void everyJavaSampleOfTheDocumentationIsInTheCompiledExamples() throws IOException {
        String compiled = normalized(examplesSources());
        List<String> missing = new ArrayList<>();
        int samples = 0;
        for (Path page : documentation()) {
            Matcher block = JAVA_BLOCK.matcher(Files.readString(page));
            while (block.find()) {
                samples++;
                if (!compiled.contains(normalized(block.group(1)))) {
                    missing.add(ROOT.relativize(page) + ":\n" + block.group(1));
                }
            }
        }
        assertThat(samples).as("Java samples found").isGreaterThan(20);
        assertThat(missing).as("samples not found in the examples' sources").isEmpty();
    }

    private static List<Path> documentation() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static String examplesSources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("examples", "examples-webflux", "examples-spring-minimal")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src"))) {
                for (Path file :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(file)).append('\n');
                }
            }
        }
        return all.toString();
    }

    /**
     * Without block comments, white space and {@code //}: formatting, Javadoc and where a line comment wraps may
     * differ; the code and the words of its line comments may not.
     */
    private static String normalized(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("\\s+", "").replace("//", "");
    }
}
