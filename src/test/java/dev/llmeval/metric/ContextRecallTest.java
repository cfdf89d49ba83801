package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextRecallTest {

    private static final EvaluatedSample SAMPLE = new EvaluatedSample("s1",
            "What do we know about the Orla river?",
            "ignored",
            List.of("The Orla river is 143 km long.", "It flows into Lake Venn."),
            "The Orla is 143 km long. It ends in Lake Venn. It is home to a rare trout. It freezes in January.");

    private static ContextRecall metric(ScriptedChatModel model) {
        return new ContextRecall(new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults()));
    }

    @Test
    void should_score_share_of_attributed_sentences() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("""
                Here is the classification:
                {"sentences": [
                  {"sentence": "The Orla is 143 km long.", "reason": "Same length.", "attributed": 1},
                  {"sentence": "It ends in Lake Venn.", "reason": "Stated.", "attributed": 1},
                  {"sentence": "It is home to a rare trout.", "reason": "No fish mentioned.", "attributed": 0},
                  {"sentence": "It freezes in January.", "reason": "No climate given.", "attributed": "no"}
                ]}
                Note: two sentences are supported.""", new TokenUsage(250, 120));

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isCloseTo(0.5, within(1e-12));
        assertThat(result.reason()).isEqualTo("2 of 4 reference sentences not supported by the context: "
                + "'It is home to a rare trout.', 'It freezes in January.'");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(1, 250, 120));
        assertThat(model.userText(0))
                .contains("QUESTION: What do we know about the Orla river?")
                .contains("CONTEXT:\nThe Orla river is 143 km long.\nIt flows into Lake Venn.")
                .contains("REFERENCE: The Orla is 143 km long. It ends in Lake Venn.");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sentences = (List<Map<String, Object>>) result.details().get("sentences");
        assertThat(sentences).extracting(s -> s.get("attributed")).containsExactly(true, true, false, false);
    }

    @Test
    void should_ask_again_then_be_error_with_the_reply_when_the_judge_finds_no_sentences_in_a_reference() {
        // given: the reference has text; an empty list hides a broken judge, it is not "nothing to judge"
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"sentences\": []}").reply("{\"sentences\": []}");

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).isEqualTo("judge reply could not be used after 1 repair request: the list"
                + " \"sentences\" is empty, but the REFERENCE has text: list each of its sentences; reply began:"
                + " {\"sentences\": []}");
        assertThat(model.userText(1)).startsWith("Your reply could not be used: the list \"sentences\" is empty");
        assertThat(result.usage().calls()).isEqualTo(2);
    }

    @Test
    void should_score_zero_without_calls_when_no_context_was_retrieved() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();
        EvaluatedSample empty = new EvaluatedSample("s2", SAMPLE.question(), null, List.of(), SAMPLE.reference());

        // when
        MetricResult result = metric(model).score(empty);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void should_be_error_when_the_reply_stays_unreadable_after_repair() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"sentences\": [{\"sentence\": \"x\", \"reason\": \"y\", \"attributed\": 3}]}")
                .reply("{\"sentences\": [{\"sentence\": \"x\", \"reason\": \"y\"}]}");

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).contains("\"attributed\" is missing");
        assertThat(model.userText(1)).contains("\"attributed\" must be 0 or 1, got 3");
        assertThat(result.usage().calls()).isEqualTo(2);
    }

    @Test
    void should_declare_id_and_required_fields() {
        ContextRecall metric = metric(new ScriptedChatModel());
        assertThat(metric.id()).isEqualTo("context_recall");
        assertThat(metric.requires())
                .containsExactlyInAnyOrder(SampleField.QUESTION, SampleField.CONTEXTS, SampleField.REFERENCE);
    }
}
