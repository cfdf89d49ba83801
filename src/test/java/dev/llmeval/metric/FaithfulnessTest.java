package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaithfulnessTest {

    private static final EvaluatedSample SAMPLE = new EvaluatedSample("s1",
            "Where is the Vell bridge?",
            "The Vell bridge is in Calder. It opened in 1911 and is made of oak.",
            List.of("The Vell bridge crosses the river in Calder.", "It was opened in 1911."),
            null);

    private static final String STATEMENTS = """
            {"statements": ["The Vell bridge is in Calder.", "The Vell bridge opened in 1911.",
                            "The Vell bridge is made of oak."]}""";

    private static final String VERDICTS = """
            Here is the output:
            {"verdicts": [
              {"statement": "The Vell bridge is in Calder.", "reason": "Stated.", "verdict": 1},
              {"statement": "The Vell bridge opened in 1911.", "reason": "Stated.", "verdict": "yes"},
              {"statement": "The Vell bridge is made of oak.", "reason": "Material not given.", "verdict": 0},
            ]}""";

    private static Faithfulness metric(ScriptedChatModel model) {
        return new Faithfulness(new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults()));
    }

    @Test
    void should_score_share_of_supported_statements_when_judge_answers() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(STATEMENTS, new TokenUsage(200, 40))
                .reply(VERDICTS, new TokenUsage(300, 90));

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(result.reason()).isEqualTo("1 of 3 statements not supported: 'The Vell bridge is made of oak.'");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(2, 500, 130));
        assertThat(model.userText(0))
                .contains("QUESTION: Where is the Vell bridge?")
                .contains("ANSWER: The Vell bridge is in Calder. It opened in 1911 and is made of oak.");
        assertThat(model.userText(1))
                .contains("The Vell bridge crosses the river in Calder.\nIt was opened in 1911.")
                .contains("1. The Vell bridge is in Calder.\n2. The Vell bridge opened in 1911.\n"
                        + "3. The Vell bridge is made of oak.");
        assertThat(result.details()).containsKey("statements");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> details = (List<Map<String, Object>>) result.details().get("statements");
        assertThat(details).extracting(d -> d.get("supported")).containsExactly(true, true, false);
        assertThat(details.get(2)).containsEntry("reason", "Material not given.");
    }

    @Test
    void should_be_not_applicable_when_answer_makes_no_statements() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"statements\": []}", new TokenUsage(80, 5));
        EvaluatedSample refusal = new EvaluatedSample("s2", "Refund window?", "Sorry, I can't help.", List.of("c"), null);

        // when
        MetricResult result = metric(model).score(refusal);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.score()).isNull();
        assertThat(result.reason()).isEqualTo("the answer makes no factual statements");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(1, 80, 5));
    }

    @Test
    void should_be_not_applicable_without_calls_when_answer_is_blank() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();

        // when
        MetricResult result = metric(model).score(new EvaluatedSample("s3", "q", "  ", List.of("c"), null));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void should_score_zero_without_verdict_call_when_no_context_was_retrieved() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply(STATEMENTS);
        EvaluatedSample noContext = new EvaluatedSample("s4", SAMPLE.question(), SAMPLE.answer(), List.of(), null);

        // when
        MetricResult result = metric(model).score(noContext);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).isEqualTo("no context was retrieved, so none of the 3 statements is supported");
        assertThat(model.requests()).hasSize(1);
        assertThat(result.usage().calls()).isEqualTo(1);
    }

    @Test
    void should_be_error_with_usage_when_verdicts_stay_unreadable_after_repair() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(STATEMENTS, new TokenUsage(100, 10))
                .reply("Verdict: 1", new TokenUsage(100, 3))
                .reply("{\"verdicts\": [{\"statement\": \"The Vell", new TokenUsage(150, 8));

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.score()).isNull();
        assertThat(result.reason())
                .startsWith("judge reply could not be read after 1 repair request: the JSON is cut off");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(3, 350, 21));
    }

    @Test
    void should_be_error_when_the_provider_fails() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().fail(new TimeoutException("read timed out"));

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).isEqualTo("judge call failed: TimeoutException: read timed out");
        assertThat(result.usage().calls()).isEqualTo(1);
    }

    @Test
    void should_declare_id_and_required_fields() {
        Faithfulness metric = metric(new ScriptedChatModel());
        assertThat(metric.id()).isEqualTo("faithfulness");
        assertThat(metric.requires())
                .containsExactlyInAnyOrder(SampleField.QUESTION, SampleField.ANSWER, SampleField.CONTEXTS);
    }

    @Test
    void should_divide_by_verdicts_returned_and_say_so_when_the_judge_skips_a_statement() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(STATEMENTS)
                .reply("{\"verdicts\": [{\"statement\": \"The Vell bridge is in Calder.\", \"reason\": \"r\", \"verdict\": 1},"
                        + " {\"statement\": \"The Vell bridge is made of oak.\", \"reason\": \"r\", \"verdict\": 0}]}");

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.reason()).isEqualTo("1 of 2 statements not supported: 'The Vell bridge is made of oak.'"
                + " (the judge returned 2 verdicts for 3 statements)");
    }

    @Test
    void should_be_skipped_without_calls_when_a_required_field_is_missing() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();

        // when
        MetricResult result = metric(model).score(new EvaluatedSample("s5", null, "a", null, null));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.reason()).isEqualTo("missing retrieved_contexts, user_input");
        assertThat(model.requests()).isEmpty();
    }
}
