package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.judge.PromptLibrary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The prompts answer_correctness and factual_correctness use, as listed for the report's prompt hashes. */
class CorrectnessPromptsTest {

    private static MetricOptions factual(Map<String, Object> values) {
        return MetricOptions.of("factual_correctness", "llmeval.yaml:2", values);
    }

    @Test
    void should_list_the_shared_statement_prompt_and_the_classifier_for_answer_correctness() {
        // when
        List<String> ids = LlmMetrics.promptIds(List.of("answer_correctness", "faithfulness"), false);

        // then
        assertThat(ids).containsExactly(
                "faithfulness/statements", "answer_correctness/classify", "faithfulness/verdicts");
    }

    @ParameterizedTest(name = "atomicity {0}, coverage {1}")
    @CsvSource({"low, low", "low, high", "high, low", "high, high"})
    void should_list_the_claim_prompt_the_options_pick_and_ship_it(String atomicity, String coverage) {
        // given
        Map<String, MetricOptions> options = Map.of("factual_correctness",
                factual(Map.of("atomicity", atomicity, "coverage", coverage)));

        // when
        List<String> ids = LlmMetrics.promptIds(List.of("factual_correctness"), false,
                id -> options.getOrDefault(id, MetricOptions.none(id)));

        // then
        String claims = "factual_correctness/claims-atomicity-" + atomicity + "-coverage-" + coverage;
        assertThat(ids).containsExactly(claims, "faithfulness/verdicts");
        PromptLibrary prompts = PromptLibrary.builtIn();
        assertThat(prompts.variables(claims)).containsExactly("text");
        assertThat(prompts.render(claims, Map.of("text", "Plain text."))).endsWith("TEXT: Plain text.\nReply (JSON only):\n");
    }

    @Test
    void should_give_each_granularity_its_own_instruction_and_example() {
        // given
        PromptLibrary prompts = PromptLibrary.builtIn();

        // when
        List<String> templates = List.of("low-coverage-low", "low-coverage-high", "high-coverage-low", "high-coverage-high")
                .stream().map(suffix -> prompts.template("factual_correctness/claims-atomicity-" + suffix)).toList();

        // then
        assertThat(templates).doesNotHaveDuplicates();
        assertThat(templates.get(0)).contains("may combine").contains("leave out minor details");
        assertThat(templates.get(3)).contains("exactly one fact").contains("Keep every fact")
                .contains("\"Ada Reyes is an engineer.\"");
    }

    @Test
    void should_list_the_default_claim_prompt_without_options() {
        assertThat(LlmMetrics.promptIds(List.of("factual_correctness")))
                .containsExactly("factual_correctness/claims-atomicity-low-coverage-low", "faithfulness/verdicts");
    }

    @Test
    void should_ship_the_classifier_prompt_with_its_variables() {
        assertThat(PromptLibrary.builtIn().variables("answer_correctness/classify"))
                .containsExactly("answer_statements", "question", "reference_statements");
    }

    @Test
    void should_reject_a_bad_level_when_listing_prompts() {
        assertThatThrownBy(() -> FactualCorrectness.promptIds(factual(Map.of("atomicity", "medium"))))
                .hasMessage("llmeval.yaml:2: metric-options.factual_correctness.atomicity: expected one of low, high,"
                        + " got 'medium'");
    }
}
