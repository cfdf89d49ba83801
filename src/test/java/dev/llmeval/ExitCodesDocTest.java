package dev.llmeval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exit-code tables of the README and docs/ci.md say what {@link ExitStatus} says, code by code. */
class ExitCodesDocTest {

    /** {@code code | meaning} of each row of the first exit-code table after the heading. */
    private static List<String> table(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int heading = lines.indexOf(lines.stream().filter(l -> l.matches("#+ Exit codes")).findFirst().orElseThrow());
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                String[] cells = line.split("\\|");
                String code = cells[1].strip();
                if (code.matches("\\d+")) {
                    rows.add(code + " | " + cells[2].strip().replace("`", ""));
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/ci.md"})
    void should_list_every_exit_status_with_its_meaning(String doc) throws IOException {
        List<String> expected = Arrays.stream(ExitStatus.values()).map(s -> s.code() + " | " + s.meaning()).toList();

        assertThat(table(Path.of(doc))).containsExactlyElementsOf(expected);
    }
}
