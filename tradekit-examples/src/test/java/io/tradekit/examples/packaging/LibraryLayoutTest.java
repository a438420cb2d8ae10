package io.tradekit.examples.packaging;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a host imports stays in step with what the build makes: tradekit-bom manages every module of the
 * reactor, at the reactor's version, and nothing else (so importing it never changes a host's
 * third-party versions); and a module may skip its javadoc jar only while it has no public class.
 */
class LibraryLayoutTest {

    private static final Path ROOT = RepositoryFiles.root();
    private static final Pattern PUBLIC_TYPE = Pattern.compile("(?m)^public (final |abstract |sealed |non-sealed )*(class|interface|record|enum|@interface) ");

    @Test
    void theBomManagesEveryModuleOfTheReactorAtItsVersionAndNothingElse() throws Exception {
        Document parent = RepositoryFiles.pom(ROOT.resolve("pom.xml"));
        Document bom = RepositoryFiles.pom(ROOT.resolve("tradekit-bom/pom.xml"));
        List<String> modules = RepositoryFiles.texts(parent, "modules/module").stream().filter(m -> !m.equals("tradekit-bom")).toList();

        List<String> managed = new ArrayList<>();
        for (Element d : RepositoryFiles.children(dependencyManagement(bom), "dependency")) {
            assertThat(childText(d, "groupId")).as("every artifact the BOM manages is tradekit's own").isEqualTo("io.tradekit");
            assertThat(childText(d, "version")).isEqualTo("${tradekit.version}");
            if (RepositoryFiles.children(d, "type").isEmpty()) managed.add(childText(d, "artifactId"));
        }

        assertThat(managed).containsExactlyInAnyOrderElementsOf(modules);
        assertThat(RepositoryFiles.text(bom, "parent")).as("the BOM has no parent: an import would bring the parent's third-party pins").isEmpty();
        assertThat(RepositoryFiles.text(bom, "version")).isEqualTo(RepositoryFiles.text(parent, "version"));
        assertThat(RepositoryFiles.text(bom, "properties/tradekit.version")).contains("${project.version}");
    }

    @Test
    void aModuleSkipsItsJavadocJarOnlyWhileItHasNoPublicClass() throws Exception {
        Document parent = RepositoryFiles.pom(ROOT.resolve("pom.xml"));
        for (String module : RepositoryFiles.texts(parent, "modules/module")) {
            Document pom = RepositoryFiles.pom(ROOT.resolve(module).resolve("pom.xml"));
            if (!RepositoryFiles.text(pom, "properties/maven.javadoc.skip").orElse("false").equals("true")) continue;
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.exists(sources) ? Files.walk(sources) : Stream.empty()) {
                List<Path> publicTypes = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                    try {
                        return PUBLIC_TYPE.matcher(Files.readString(f)).find();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
                assertThat(publicTypes).as("%s skips its javadoc jar (maven.javadoc.skip) but has public types: drop the skip", module).isEmpty();
            }
        }
    }

    private static Element dependencyManagement(Document bom) {
        Element management = RepositoryFiles.children(bom.getDocumentElement(), "dependencyManagement").getFirst();
        return RepositoryFiles.children(management, "dependencies").getFirst();
    }

    private static String childText(Element e, String name) {
        return RepositoryFiles.children(e, name).getFirst().getTextContent().trim();
    }
}
