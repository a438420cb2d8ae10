package io.tradekit.examples.packaging;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The checked-out repository as the packaging tests read it: its root, and the POMs in it. */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The repository root: the parent of this module's directory, where Maven runs the tests. */
    static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("pom.xml")).as("the repository root above tradekit-examples").exists();
        return root;
    }

    static Document pom(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The text of each element at {@code path} (slash-separated child names below the document element). */
    static List<String> texts(Document pom, String path) {
        List<Element> level = List.of(pom.getDocumentElement());
        for (String name : path.split("/")) {
            List<Element> next = new ArrayList<>();
            for (Element e : level) next.addAll(children(e, name));
            level = next;
        }
        return level.stream().map(e -> e.getTextContent().trim()).toList();
    }

    static Optional<String> text(Document pom, String path) {
        return texts(pom, path).stream().findFirst();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) found.add(e);
        }
        return found;
    }
}
