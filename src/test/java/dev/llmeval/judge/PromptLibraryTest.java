package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {

    private static final List<String> BUILT_IN_IDS = List.of(
            "faithfulness/statements", "faithfulness/verdicts", "answer_relevancy/questions",
            "context_precision/chunks", "context_precision/chunk", "context_recall/attribution");

    @Test
    void should_fill_placeholders_and_keep_json_examples_when_rendering_built_in_prompt() {
        // given
        PromptLibrary prompts = PromptLibrary.builtIn();

        // when
        String rendered = prompts.render("faithfulness/statements",
                Map.of("question", "Who built the {{bridge}}?", "answer", "Ann built it for $5."));

        // then
        assertThat(rendered)
                .contains("QUESTION: Who built the {{bridge}}?")
                .contains("ANSWER: Ann built it for $5.")
                .contains("{\"statements\": [")
                .doesNotContain("{{question}}", "{{answer}}");
    }

    @Test
    void should_name_the_variable_when_a_value_is_missing() {
        // given
        PromptLibrary prompts = PromptLibrary.builtIn();

        // when / then
        assertThatThrownBy(() -> prompts.render("faithfulness/verdicts", Map.of("context", "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'statements'");
    }

    @Test
    void should_reject_unknown_prompt_id() {
        // given
        PromptLibrary prompts = PromptLibrary.builtIn();

        // when / then
        assertThatThrownBy(() -> prompts.render("faithfulness/nope", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown prompt id")
                .hasMessageContaining("faithfulness/nope");
    }

    @Test
    void should_ship_every_prompt_the_metrics_use() {
        // given
        PromptLibrary prompts = PromptLibrary.builtIn();

        // when
        Map<String, String> hashes = prompts.hashes(BUILT_IN_IDS);

        // then
        assertThat(hashes).hasSize(6).allSatisfy((id, hash) -> assertThat(hash).matches("[0-9a-f]{64}"));
        assertThat(List.copyOf(hashes.keySet())).isSorted();
    }

    @Test
    void should_use_override_file_when_directory_has_one(@TempDir Path dir) throws IOException {
        // given
        Files.createDirectories(dir.resolve("faithfulness"));
        Files.writeString(dir.resolve("faithfulness/statements.txt"), "Split: {{answer}}");
        PromptLibrary prompts = PromptLibrary.withOverrides(dir);

        // when
        String overridden = prompts.render("faithfulness/statements", Map.of("answer", "A."));
        String builtIn = prompts.render("context_recall/attribution",
                Map.of("question", "q", "context", "c", "reference", "r"));

        // then
        assertThat(overridden).isEqualTo("Split: A.");
        assertThat(builtIn).contains("REFERENCE: r");
    }

    @Test
    void should_keep_hash_stable_and_change_it_with_the_text(@TempDir Path dir) throws IOException {
        // given
        Files.createDirectories(dir.resolve("faithfulness"));
        Files.writeString(dir.resolve("faithfulness/statements.txt"), "abc");
        String builtIn = PromptLibrary.builtIn().sha256("faithfulness/statements");

        // when
        String overridden = PromptLibrary.withOverrides(dir).sha256("faithfulness/statements");

        // then
        assertThat(PromptLibrary.builtIn().sha256("faithfulness/statements")).isEqualTo(builtIn);
        assertThat(overridden)
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .isNotEqualTo(builtIn);
    }

    @Test
    void should_reject_missing_override_directory(@TempDir Path dir) {
        // when / then
        assertThatThrownBy(() -> PromptLibrary.withOverrides(dir.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent");
    }

    @Test
    void should_list_the_placeholders_of_a_prompt() {
        // given
        PromptLibrary prompts = PromptLibrary.builtIn();

        // when / then
        assertThat(prompts.variables("context_precision/chunks")).containsExactly("answer", "chunks", "question");
        assertThat(prompts.variables("answer_relevancy/questions")).containsExactly("answer", "count");
    }
}
