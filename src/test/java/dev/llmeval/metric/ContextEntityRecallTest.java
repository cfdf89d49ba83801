package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextEntityRecallTest {

    private static final EvaluatedSample SAMPLE = new EvaluatedSample("e1", "Who runs FoodFutureCo?", "irrelevant",
            List.of("Managing Director of FoodFutureCo is Gigi Lee Chang, profiled by FORBES.",
                    "She founded Plum-Organics in Asuncion and raised $1,200,000."),
            "Gigi Lee Chang, who founded Plum Organics in Asunción, leads FoodFutureCo; she raised $1.2 million"
                    + " and was profiled by Forbes in 2021.");

    private static ContextEntityRecall metric(ScriptedChatModel model) {
        return new ContextEntityRecall(new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults()));
    }

    @Test
    void should_score_share_of_reference_entities_found_in_the_contexts_ignoring_case_accents_and_punctuation() {
        // given: 7 distinct entities after normalising ("the Forbes" = "Forbes"); "2021" and "$1.2 million" are absent
        ScriptedChatModel model = new ScriptedChatModel().reply("""
                {"entities": ["Gigi Lee Chang", "Plum Organics", "Asunción", "FoodFutureCo", "$1.2 million",
                              "Forbes", "the Forbes", "2021", "  "]}""", new TokenUsage(150, 40));

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(5.0 / 7);
        assertThat(result.reason()).isEqualTo("2 of 7 entities of the reference not in the contexts: '$1.2 million', '2021'");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(1, 150, 40));
        assertThat(model.requests()).hasSize(1);
        assertThat(model.userText(0)).contains("TEXT:\n" + SAMPLE.reference());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result.details().get("entities");
        assertThat(rows).extracting(r -> r.get("entity")).containsExactly(
                "Gigi Lee Chang", "Plum Organics", "Asunción", "FoodFutureCo", "$1.2 million", "Forbes", "2021");
        assertThat(rows).extracting(r -> r.get("found")).containsExactly(true, true, true, true, false, true, false);
    }

    @Test
    void should_find_chinese_entities_in_contexts_written_without_spaces() {
        // given: 北京 and 2008年 occur in the context, glued to the words around them; 上海 does not
        EvaluatedSample chinese = new EvaluatedSample("zh", "北京举办过奥运会吗？", "irrelevant",
                List.of("中国的首都是北京，2008年在这里举办了奥运会。"), "北京在2008年举办了奥运会，上海没有。");
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"entities\": [\"北京\", \"2008年\", \"上海\"]}");

        // when
        MetricResult result = metric(model).score(chinese);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(2.0 / 3);
        assertThat(result.reason()).isEqualTo("1 of 3 entities of the reference not in the contexts: '上海'");
    }

    @Test
    void should_not_match_an_entity_inside_a_longer_word() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"entities\": [\"Food\", \"Chang\"]}");

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then: "Food" only occurs inside "FoodFutureCo"
        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.reason()).isEqualTo("1 of 2 entities of the reference not in the contexts: 'Food'");
    }

    @Test
    void should_be_not_applicable_when_the_reference_names_no_entities() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"entities\": []}");

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.score()).isNull();
        assertThat(result.reason()).isEqualTo("the reference names no entities");
        assertThat(result.usage().calls()).isEqualTo(1);
    }

    @Test
    void should_score_zero_without_a_call_when_no_context_was_retrieved() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();

        // when
        MetricResult result = metric(model).score(
                new EvaluatedSample("e2", "q", "a", List.of(), SAMPLE.reference()));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void should_score_after_one_repair_when_the_reply_is_malformed_once() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("Entities: Gigi Lee Chang, Forbes")
                .reply("{\"entities\": [\"Gigi Lee Chang\", \"Forbes\"]}");

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.reason()).isEqualTo("all 2 entities of the reference are in the contexts");
        assertThat(result.usage().calls()).isEqualTo(2);
    }

    @Test
    void should_be_error_when_the_reply_stays_malformed_after_repair() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("Entities: Gigi Lee Chang, Forbes")
                .reply("{\"entities\": [\"Gigi Lee");

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("judge reply could not be read after 1 repair request");
        assertThat(result.usage().calls()).isEqualTo(2);
    }

    @Test
    void should_declare_id_and_required_fields() {
        ContextEntityRecall metric = metric(new ScriptedChatModel());
        assertThat(metric.id()).isEqualTo("context_entity_recall");
        assertThat(metric.requires()).containsExactlyInAnyOrder(SampleField.CONTEXTS, SampleField.REFERENCE);
    }
}
