package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test: every {@code judge-outputs/<spec>-<case>.txt} is parsed with the spec its prefix
 * names and compared with {@code <name>.expected.json}, or must fail with a message containing
 * the text of {@code <name>.error}.
 */
class JudgeParserTest {

    private static final Path FIXTURES = Paths.get("src/test/resources/judge-outputs");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - ".txt".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void should_match_golden_result_when_parsing_fixture(String name) throws IOException {
        // given
        String raw = Files.readString(FIXTURES.resolve(name + ".txt"), StandardCharsets.UTF_8);
        OutputSpec<?> spec = TestSpecs.forFixture(name);
        Path expected = FIXTURES.resolve(name + ".expected.json");
        Path error = FIXTURES.resolve(name + ".error");
        assertThat(Files.exists(expected) ^ Files.exists(error))
                .as("exactly one of %s.expected.json and %s.error", name, name).isTrue();

        if (Files.exists(expected)) {
            // when
            Object parsed = JudgeParser.parse(raw, spec);
            // then
            JsonNode actual = JSON.valueToTree(parsed);
            assertThat(actual).isEqualTo(JSON.readTree(expected.toFile()));
        } else {
            String message = Files.readString(error, StandardCharsets.UTF_8).strip();
            // when / then
            assertThatThrownBy(() -> JudgeParser.parse(raw, spec))
                    .isInstanceOf(JudgeFormatException.class)
                    .hasMessageContaining(message);
        }
    }
}
