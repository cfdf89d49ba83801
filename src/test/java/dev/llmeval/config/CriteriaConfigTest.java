package dev.llmeval.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriteriaConfigTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("llmeval.yaml"), yaml);
    }

    @Test
    void should_read_an_aspect_and_a_rubric_with_their_defaults_and_lines() throws IOException {
        // given
        Path file = write("""
                criteria:
                  - name: politeness
                    kind: aspect
                    definition: "Is the response polite and free of sarcasm?"
                    votes: 3
                  - name: helpfulness
                    kind: Rubric
                    uses: [user_input, response, retrieved_contexts]
                    rubric:
                      1: "No help."
                      2: "A hint."
                      3: "Partial."
                      4: "Nearly complete."
                      5: "Complete."
                """);

        // when
        List<CriterionConfig> criteria = ConfigFile.load(null, dir).criteria();

        // then
        assertThat(criteria).hasSize(2);
        CriterionConfig politeness = criteria.get(0);
        assertThat(politeness.name()).isEqualTo("politeness");
        assertThat(politeness.kind()).isEqualTo("aspect");
        assertThat(politeness.definition()).isEqualTo("Is the response polite and free of sarcasm?");
        assertThat(politeness.votes()).isEqualTo(3);
        assertThat(politeness.uses()).containsExactly("user_input", "response");
        assertThat(politeness.rubric()).isEmpty();
        assertThat(politeness.where()).isEqualTo(file + ":2");
        CriterionConfig helpfulness = criteria.get(1);
        assertThat(helpfulness.kind()).isEqualTo("rubric");
        assertThat(helpfulness.votes()).isEqualTo(1);
        assertThat(helpfulness.definition()).isEmpty();
        assertThat(helpfulness.uses()).containsExactly("user_input", "response", "retrieved_contexts");
        assertThat(helpfulness.rubric()).isEqualTo(Map.of(1, "No help.", 2, "A hint.", 3, "Partial.",
                4, "Nearly complete.", 5, "Complete."));
        assertThat(helpfulness.where()).isEqualTo(file + ":6");
    }

    @Test
    void should_have_no_criteria_when_the_file_has_no_section() throws IOException {
        // given
        write("metrics: [faithfulness]\n");

        // then
        assertThat(ConfigFile.load(null, dir).criteria()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            - kind: aspect\\n    definition: Polite?                            | :2: 'criteria[0]' needs a name
            - name: Politeness\\n    kind: aspect\\n    definition: Polite?     | :2: 'criteria[0].name' must be lower_snake
            - name: politeness\\n    kind: aspect                               | :2: 'criteria[0]' needs a definition
            - name: politeness\\n    definition: Polite?                        | :2: 'criteria[0]' needs a kind: aspect
            - name: politeness\\n    kind: binary\\n    definition: Polite?     | :3: 'criteria[0].kind' must be aspect or rubric, got 'binary'
            - name: politeness\\n    kind: aspect\\n    definition: Polite?\\n    votes: 2 | :5: 'criteria[0].votes' must be an odd number, 1 or more
            - name: politeness\\n    kind: aspect\\n    definition: Polite?\\n    votes: -1 | :5: 'criteria[0].votes' must be an odd number
            - name: politeness\\n    kind: aspect\\n    definition: Polite?\\n    uses: [question] | :5: 'criteria[0].uses[0]' must be one of user_input, response, retrieved_contexts, reference, got 'question'
            - name: politeness\\n    kind: aspect\\n    definition: Polite?\\n    uses: [] | :5: 'criteria[0].uses' must name at least one of
            - name: politeness\\n    kind: aspect\\n    definition: Polite?\\n    rubric: {1: a, 2: b, 3: c, 4: d, 5: e} | :5: 'criteria[0].rubric' is for kind: rubric
            - name: helpfulness\\n    kind: rubric\\n    rubric: {1: a, 2: b, 3: c, 4: d} | :4: 'criteria[0].rubric' must describe exactly the scores 1, 2, 3, 4 and 5
            - name: helpfulness\\n    kind: rubric\\n    rubric: {0: z, 1: a, 2: b, 3: c, 4: d, 5: e} | :4: 'criteria[0].rubric' must describe exactly the scores 1, 2, 3, 4 and 5
            - name: helpfulness\\n    kind: rubric                              | :2: 'criteria[0]' must describe exactly the scores 1, 2, 3, 4 and 5
            - name: helpfulness\\n    kind: rubric\\n    votes: 3\\n    rubric: {1: a, 2: b, 3: c, 4: d, 5: e} | :4: 'criteria[0].votes' is for kind: aspect only
            - name: politeness\\n    kind: aspect\\n    defintion: Polite?      | :4: unknown setting 'criteria[0].defintion' (known: definition, kind, name, rubric, uses, votes)
            - name: politeness\\n    kind: aspect\\n    definition: Polite?\\n    votes: three | :5: 'criteria[0].votes' must be a whole number
            """)
    void should_name_file_line_and_key_when_a_criterion_is_invalid(String entry, String message) throws IOException {
        // given
        Path file = write("criteria:\n  " + entry.replace("\\n", "\n") + "\n");

        // then
        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .isInstanceOf(LlmevalException.class)
                .hasMessageStartingWith(file + message)
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.INVALID_INPUT);
    }

    @Test
    void should_name_the_second_entry_when_a_name_repeats() throws IOException {
        // given
        Path file = write("""
                criteria:
                  - name: tone
                    kind: aspect
                    definition: Is it friendly?
                  - name: tone
                    kind: aspect
                    definition: Is it formal?
                """);

        // then
        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .hasMessage(file + ":5: 'criteria[1].name' repeats the criterion name 'tone'");
    }
}
