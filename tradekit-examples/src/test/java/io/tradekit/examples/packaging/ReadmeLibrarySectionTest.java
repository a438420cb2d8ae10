package io.tradekit.examples.packaging;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Use it as a library" section is the host project in {@code host-example/}, file for file, so
 * that what a reader copies is what {@code host-example/check.sh} builds and runs on every CI run; and the
 * README's module table names every module of the reactor.
 */
class ReadmeLibrarySectionTest {

    private static final Path ROOT = RepositoryFiles.root();

    @Test
    void theSectionShowsTheHostProjectsPomAndCodeAsTheyAre() throws Exception {
        String section = section("## Use it as a library");

        assertThat(codeBlocks(section, "xml")).containsExactly(Files.readString(ROOT.resolve("host-example/pom.xml")));
        assertThat(codeBlocks(section, "java"))
                .containsExactly(Files.readString(ROOT.resolve("host-example/src/main/java/com/example/host/HostMain.java")));
    }

    @Test
    void theModuleTableNamesEveryModule() throws Exception {
        String table = section("## Modules");
        List<String> modules = RepositoryFiles.texts(RepositoryFiles.pom(ROOT.resolve("pom.xml")), "modules/module");

        assertThat(modules).isNotEmpty().allSatisfy(m -> assertThat(table).as("the module table").contains("`" + m + "`"));
    }

    /** From the heading to the next {@code ## } heading. */
    private static String section(String heading) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README.md has the heading %s", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length() + 2);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> codeBlocks(String markdown, String language) {
        Matcher blocks = Pattern.compile("(?ms)^```" + language + "\\n(.*?)^```$").matcher(markdown);
        return blocks.results().map(m -> m.group(1)).toList();
    }
}
