package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CriteriaTest {

    private static final Criterion POLITENESS = Criterion.aspect("politeness", "Is the response polite?", 3, null);
    private static final Criterion HELPFULNESS = Criterion.rubric("helpfulness", "",
            new TreeMap<>(Map.of(1, "no help", 2, "a hint", 3, "partial", 4, "nearly all", 5, "complete")),
            List.of(SampleField.QUESTION, SampleField.ANSWER, SampleField.CONTEXTS));

    private static ChatModelJudge judge() {
        return new ChatModelJudge(new ScriptedChatModel(), PromptLibrary.builtIn(), JudgeSettings.defaults());
    }

    @Test
    void should_describe_a_criterion_as_an_llm_metric_with_its_fields_and_calls() {
        // when
        MetricInfo aspect = Criteria.info(POLITENESS);
        MetricInfo rubric = Criteria.info(HELPFULNESS);

        // then
        assertThat(aspect.id()).isEqualTo("politeness");
        assertThat(aspect.requires()).containsExactlyInAnyOrder(SampleField.QUESTION, SampleField.ANSWER);
        assertThat(aspect.needsLlm()).isTrue();
        assertThat(aspect.callsPerSample()).isEqualTo("3");
        assertThat(aspect.higherIsBetter()).isTrue();
        assertThat(aspect.summary()).isEqualTo("criterion (aspect, majority of 3 votes): Is the response polite?");
        assertThat(rubric.requires()).contains(SampleField.CONTEXTS);
        assertThat(rubric.callsPerSample()).isEqualTo("1");
        assertThat(rubric.summary()).isEqualTo("criterion (rubric 1-5): graded on its 1-5 rubric");
    }

    @Test
    void should_create_metrics_whose_ids_and_fields_match_their_descriptions() {
        // when
        List<Metric> metrics = Criteria.create(judge(), List.of(POLITENESS, HELPFULNESS), MetricOptions::none);

        // then
        assertThat(metrics).extracting(Metric::id).containsExactly("politeness", "helpfulness");
        assertThat(metrics.get(1).requires()).isEqualTo(Criteria.info(HELPFULNESS).requires());
    }

    @Test
    void should_hash_each_template_and_each_criterion_with_its_own_text() {
        // given
        PromptLibrary prompts = PromptLibrary.builtIn();
        Criterion reworded = Criterion.aspect("politeness", "Is the response courteous?", 3, null);

        // when
        Map<String, String> hashes = Criteria.promptHashes(prompts, List.of(POLITENESS, HELPFULNESS));
        Map<String, String> rewordedHashes = Criteria.promptHashes(prompts, List.of(reworded));

        // then
        assertThat(hashes).containsOnlyKeys("criteria/aspect", "criteria/rubric", "politeness/aspect",
                "helpfulness/rubric");
        assertThat(hashes.get("criteria/aspect")).isEqualTo(prompts.sha256("criteria/aspect"));
        assertThat(rewordedHashes.get("criteria/aspect")).isEqualTo(hashes.get("criteria/aspect"));
        assertThat(rewordedHashes.get("politeness/aspect")).hasSize(64).isNotEqualTo(hashes.get("politeness/aspect"));
        assertThat(Criteria.criterionPrompt(prompts, HELPFULNESS)).contains("3: partial").contains("{{sample}}");
    }

    @Test
    void should_reject_a_vote_temperature_of_zero_naming_the_option() {
        // given
        MetricOptions zero = MetricOptions.of("politeness", "llmeval.yaml:9", Map.of("vote-temperature", 0));

        // then
        assertThatThrownBy(() -> Criteria.create(judge(), List.of(POLITENESS), id -> zero))
                .hasMessage("llmeval.yaml:9: metric-options.politeness.vote-temperature: must be above 0 and at most 2, "
                        + "got 0.0");
    }

    @Test
    void should_reject_an_option_a_rubric_does_not_take() {
        // given
        MetricOptions votes = MetricOptions.of("helpfulness", "llmeval.yaml:4", Map.of("vote-temperature", 0.7));

        // then
        assertThatThrownBy(() -> Criteria.create(judge(), List.of(HELPFULNESS), id -> votes))
                .hasMessageContaining("metric-options.helpfulness.vote-temperature: unknown option");
    }
}
