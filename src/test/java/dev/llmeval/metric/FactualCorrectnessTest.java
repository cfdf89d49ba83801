package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.metric.FactualCorrectness.Mode;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactualCorrectnessTest {

    private static final String RESPONSE = "The Harlan Dam opened in 1936 on the Colm. It powers 50,000 homes.";
    private static final String REFERENCE = "The Harlan Dam on the Colm river was finished in 1936. It powers about"
            + " 40,000 homes, and Ada Reyes designed it.";
    private static final EvaluatedSample SAMPLE = new EvaluatedSample("s1", null, RESPONSE, null, REFERENCE);

    private static final String RESPONSE_CLAIMS = """
            {"claims": ["The Harlan Dam opened in 1936.", "The Harlan Dam is on the Colm river.",
                        "The Harlan Dam powers 50,000 homes."]}""";
    /** Response claims against the reference: TP 2, FP 1. */
    private static final String RESPONSE_VERDICTS = """
            {"verdicts": [
              {"statement": "The Harlan Dam opened in 1936.", "reason": "Finished in 1936.", "verdict": 1},
              {"statement": "The Harlan Dam is on the Colm river.", "reason": "Stated.", "verdict": 1},
              {"statement": "The Harlan Dam powers 50,000 homes.", "reason": "The reference says 40,000.", "verdict": 0}]}""";
    private static final String REFERENCE_CLAIMS = """
            {"claims": ["The Harlan Dam was finished in 1936.", "The Harlan Dam is on the Colm river.",
                        "The Harlan Dam powers about 40,000 homes.", "Ada Reyes designed the Harlan Dam."]}""";
    /** Reference claims against the response: 2 supported, FN 2. */
    private static final String REFERENCE_VERDICTS = """
            {"verdicts": [
              {"statement": "The Harlan Dam was finished in 1936.", "reason": "Opened in 1936.", "verdict": 1},
              {"statement": "The Harlan Dam is on the Colm river.", "reason": "Stated.", "verdict": 1},
              {"statement": "The Harlan Dam powers about 40,000 homes.", "reason": "The response says 50,000.", "verdict": 0},
              {"statement": "Ada Reyes designed the Harlan Dam.", "reason": "Not mentioned.", "verdict": 0}]}""";

    private static FactualCorrectness metric(ScriptedChatModel model, Mode mode, double beta, String atomicity,
            String coverage) {
        return new FactualCorrectness(new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults()),
                mode, beta, atomicity, coverage);
    }

    private static FactualCorrectness metric(ScriptedChatModel model, Mode mode) {
        return metric(model, mode, 1.0, "low", "low");
    }

    private static ScriptedChatModel fourSteps() {
        return new ScriptedChatModel()
                .reply(RESPONSE_CLAIMS, new TokenUsage(100, 30))
                .reply(RESPONSE_VERDICTS, new TokenUsage(200, 60))
                .reply(REFERENCE_CLAIMS, new TokenUsage(110, 40))
                .reply(REFERENCE_VERDICTS, new TokenUsage(210, 80));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(MetricResult result, String key) {
        return (List<Map<String, Object>>) result.details().get(key);
    }

    @Test
    void should_score_f1_of_claims_checked_both_ways() {
        // given TP 2, FP 1 (response side), FN 2 (reference side): P = 2/3, R = 2/4,
        // F1 = 2·2 / (2·2 + 2 + 1) = 4/7
        ScriptedChatModel model = fourSteps();

        // when
        MetricResult result = metric(model, Mode.F1).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(result.usage()).isEqualTo(new JudgeUsage(4, 620, 210));
        assertThat(result.reason()).isEqualTo("f1 0.57: 2 of 3 response claims supported by the reference,"
                + " 2 of 4 reference claims missing from the response; unsupported: 'The Harlan Dam powers 50,000 homes.';"
                + " missing: 'The Harlan Dam powers about 40,000 homes.', 'Ada Reyes designed the Harlan Dam.'");
        assertThat(result.details()).containsEntry("mode", "f1").containsEntry("beta", 1.0)
                .containsEntry("tp", 2).containsEntry("fp", 1).containsEntry("fn", 2)
                .containsEntry("precision", 2.0 / 3).containsEntry("recall", 0.5)
                .containsEntry("atomicity", "low").containsEntry("coverage", "low");
        assertThat(rows(result, "response_claims")).extracting(r -> r.get("supported")).containsExactly(true, true, false);
        assertThat(rows(result, "response_claims").get(2))
                .containsEntry("claim", "The Harlan Dam powers 50,000 homes.")
                .containsEntry("reason", "The reference says 40,000.");
        assertThat(rows(result, "reference_claims")).extracting(r -> r.get("supported"))
                .containsExactly(true, true, false, false);
    }

    @Test
    void should_decompose_each_text_and_check_its_claims_against_the_other() {
        // given
        ScriptedChatModel model = fourSteps();

        // when
        metric(model, Mode.F1).score(SAMPLE);

        // then
        assertThat(model.userText(0)).contains("TEXT: " + RESPONSE).contains("may combine");
        assertThat(model.userText(1)).contains("CONTEXT:\n" + REFERENCE)
                .contains("1. The Harlan Dam opened in 1936.\n2. The Harlan Dam is on the Colm river.\n"
                        + "3. The Harlan Dam powers 50,000 homes.");
        assertThat(model.userText(2)).contains("TEXT: " + REFERENCE);
        assertThat(model.userText(3)).contains("CONTEXT:\n" + RESPONSE).contains("4. Ada Reyes designed the Harlan Dam.");
    }

    @Test
    void should_score_unrounded_precision_with_two_calls_in_precision_mode() {
        // given TP 2, FP 1: precision 2/3 exactly (RAGAS would round to 0.67); the reference is not decomposed
        ScriptedChatModel model = new ScriptedChatModel().reply(RESPONSE_CLAIMS).reply(RESPONSE_VERDICTS);

        // when
        MetricResult result = metric(model, Mode.PRECISION).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(2.0 / 3);
        assertThat(model.requests()).hasSize(2);
        assertThat(result.details()).doesNotContainKeys("fn", "recall", "reference_claims", "beta");
        assertThat(result.reason()).isEqualTo("precision 0.67: 2 of 3 response claims supported by the reference;"
                + " unsupported: 'The Harlan Dam powers 50,000 homes.'");
    }

    @Test
    void should_score_recall_from_response_tp_and_reference_fn_in_recall_mode() {
        // given TP 2, FN 2: recall = 2 / (2 + 2)
        ScriptedChatModel model = fourSteps();

        // when
        MetricResult result = metric(model, Mode.RECALL).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(0.5);
        assertThat(model.requests()).hasSize(4);
    }

    @Test
    void should_weigh_recall_more_when_beta_is_two() {
        // given TP 2, FP 1, FN 2 and β = 2: 5·2 / (5·2 + 4·2 + 1) = 10/19
        ScriptedChatModel model = fourSteps();

        // when
        MetricResult result = metric(model, Mode.F1, 2.0, "low", "low").score(SAMPLE);

        // then
        assertThat(result.score()).isCloseTo(10.0 / 19, within(1e-12));
        assertThat(result.details()).containsEntry("beta", 2.0);
    }

    @Test
    void should_decompose_with_the_prompt_of_the_chosen_atomicity_and_coverage() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply(RESPONSE_CLAIMS).reply(RESPONSE_VERDICTS);

        // when
        MetricResult result = metric(model, Mode.PRECISION, 1.0, "high", "high").score(SAMPLE);

        // then
        assertThat(model.userText(0)).contains("Granularity: each claim holds exactly one fact. Keep every fact")
                .contains("TEXT: " + RESPONSE);
        assertThat(result.details()).containsEntry("atomicity", "high").containsEntry("coverage", "high");
    }

    @Test
    void should_be_not_applicable_in_precision_mode_when_the_response_makes_no_claims() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"claims\": []}", new TokenUsage(90, 4));

        // when
        MetricResult result = metric(model, Mode.PRECISION).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.score()).isNull();
        assertThat(result.reason()).isEqualTo("the response makes no claims");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(1, 90, 4));
    }

    @Test
    void should_be_not_applicable_without_verification_calls_when_neither_text_makes_a_claim() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"claims\": []}").reply("{\"claims\": []}");

        // when
        MetricResult result = metric(model, Mode.F1).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).isEqualTo("neither the response nor the reference makes a claim");
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void should_be_not_applicable_in_recall_mode_when_nothing_is_supported_and_nothing_missing() {
        // given one unsupported response claim (TP 0, FP 1) and a reference without claims (FN 0): 0/0
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"claims\": [\"The dam is pink.\"]}")
                .reply("{\"verdicts\": [{\"statement\": \"The dam is pink.\", \"reason\": \"No.\", \"verdict\": 0}]}")
                .reply("{\"claims\": []}");

        // when
        MetricResult result = metric(model, Mode.RECALL).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).startsWith("recall is undefined");
        assertThat(result.details()).containsEntry("precision", 0.0).doesNotContainKey("recall");
    }

    @Test
    void should_score_zero_in_f1_mode_when_the_response_is_blank() {
        // given no response claims (no call), 4 reference claims unsupported by the blank response
        // without a verification call: TP 0, FP 0, FN 4 → F1 = 0
        ScriptedChatModel model = new ScriptedChatModel().reply(REFERENCE_CLAIMS);

        // when
        MetricResult result = metric(model, Mode.F1).score(new EvaluatedSample("s2", null, "", null, REFERENCE));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(model.requests()).hasSize(1);
        assertThat(rows(result, "reference_claims")).extracting(r -> r.get("reason"))
                .containsOnly("the response is empty").hasSize(4);
    }

    @Test
    void should_be_not_applicable_without_calls_in_precision_mode_when_the_response_is_blank() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();

        // when
        MetricResult result = metric(model, Mode.PRECISION).score(new EvaluatedSample("s3", null, " ", null, REFERENCE));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void should_be_error_with_usage_when_the_claims_stay_unreadable_after_the_repair() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("Claims: the dam opened in 1936.", new TokenUsage(80, 8))
                .reply("{\"claims\": [\"The dam opened", new TokenUsage(120, 6));

        // when
        MetricResult result = metric(model, Mode.F1).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("judge reply could not be read after 1 repair request(s): the JSON is cut off");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(2, 200, 14));
    }

    @Test
    void should_score_after_one_repair_request_when_the_verdicts_are_malformed() {
        // given the first verdict reply is prose; after the repair TP 2, FP 1 → precision 2/3
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(RESPONSE_CLAIMS).reply("Two of the three claims hold.").reply(RESPONSE_VERDICTS);

        // when
        MetricResult result = metric(model, Mode.PRECISION).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(2.0 / 3);
        assertThat(result.usage().calls()).isEqualTo(3);
    }

    @Test
    void should_be_error_when_the_judge_returns_no_verdicts_for_the_claims() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply(RESPONSE_CLAIMS)
                .reply("{\"verdicts\": []}").reply("{\"verdicts\": []}");

        // when
        MetricResult result = metric(model, Mode.F1).score(SAMPLE);

        // then: asked to repair, then an error
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("judge reply could not be read after 1 repair request(s): "
                + "the reply has no verdicts for the 3 statements");
        assertThat(result.usage().calls()).isEqualTo(3);
    }

    @Test
    void should_declare_id_and_required_fields() {
        FactualCorrectness metric = metric(new ScriptedChatModel(), Mode.F1);
        assertThat(metric.id()).isEqualTo("factual_correctness");
        assertThat(metric.requires()).containsExactlyInAnyOrder(SampleField.ANSWER, SampleField.REFERENCE);
    }
}
