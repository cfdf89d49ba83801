package dev.llmeval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code mvn -B verify} stays readable: the copy of the runtime dependencies into target/lib (on
 * every build, for bin/llmeval) does not log "... already exists in destination." once per jar
 * (69 lines) on every build after the first.
 */
class BuildOutputTest {

    @Test
    void should_copy_the_runtime_dependencies_silently() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());

        String silent = XPathFactory.newInstance().newXPath().evaluate("//*[local-name()='plugin']"
                + "[*[local-name()='artifactId']='maven-dependency-plugin']//*[local-name()='execution']"
                + "[*[local-name()='id']='copy-runtime-dependencies']/*[local-name()='configuration']"
                + "/*[local-name()='silent']", pom);

        assertThat(silent).isEqualTo("true");
    }
}
