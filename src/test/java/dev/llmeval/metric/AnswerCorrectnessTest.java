package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.FixedEmbeddingModel;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerCorrectnessTest {

    private static final String QUESTION = "When did the Arden line open and how long is it?";
    private static final String ANSWER = "The Arden line opened in 1998. It is 14 km long and has 9 stations.";
    private static final String REFERENCE = "The Arden line opened in 1998 and is 12 km long. Corvin Rail built it.";
    private static final EvaluatedSample SAMPLE = new EvaluatedSample("s1", QUESTION, ANSWER, null, REFERENCE);

    private static final String ANSWER_STATEMENTS = """
            {"statements": ["The Arden line opened in 1998.", "The Arden line is 14 km long.",
                            "The Arden line has 9 stations."]}""";
    private static final String REFERENCE_STATEMENTS = """
            {"statements": ["The Arden line opened in 1998.", "The Arden line is 12 km long.",
                            "Corvin Rail built the Arden line."]}""";

    /** TP 1, FP 2, FN 2. */
    private static final String ONE_SUPPORTED = """
            {"answer": [
              {"statement": "The Arden line opened in 1998.", "reason": "Same year.", "supported": 1},
              {"statement": "The Arden line is 14 km long.", "reason": "The reference says 12 km.", "supported": 0},
              {"statement": "The Arden line has 9 stations.", "reason": "Not in the reference.", "supported": 0}],
             "reference": [
              {"statement": "The Arden line opened in 1998.", "reason": "Stated.", "covered": 1},
              {"statement": "The Arden line is 12 km long.", "reason": "The answer gives 14 km.", "covered": 0},
              {"statement": "Corvin Rail built the Arden line.", "reason": "Not mentioned.", "covered": 0}]}""";

    /** TP 2, FP 1, FN 2. */
    private static final String TWO_SUPPORTED = """
            {"answer": [
              {"statement": "a1", "reason": "r", "supported": 1},
              {"statement": "a2", "reason": "r", "supported": 1},
              {"statement": "a3", "reason": "r", "supported": 0}],
             "reference": [
              {"statement": "g1", "reason": "r", "covered": 1},
              {"statement": "g2", "reason": "r", "covered": 0},
              {"statement": "g3", "reason": "r", "covered": 0}]}""";

    private static AnswerCorrectness metric(ScriptedChatModel model, FixedEmbeddingModel embeddings,
            double w0, double w1, double beta) {
        return new AnswerCorrectness(new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults()),
                embeddings, w0, w1, beta);
    }

    private static AnswerCorrectness metric(ScriptedChatModel model, FixedEmbeddingModel embeddings) {
        return metric(model, embeddings, 0.75, 0.25, 1.0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(MetricResult result, String key) {
        return (List<Map<String, Object>>) result.details().get(key);
    }

    @Test
    void should_blend_f1_of_classified_statements_with_embedding_similarity() {
        // given TP 1, FP 2, FN 2: F1 = 2·1 / (2·1 + 2 + 2) = 1/3;
        // vectors (3, 4) and (4, 3), not unit length: cosine = (12 + 12) / (5 · 5) = 0.96;
        // score = 0.75 · 1/3 + 0.25 · 0.96 = 0.25 + 0.24 = 0.49
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(ANSWER_STATEMENTS, new TokenUsage(100, 20))
                .reply(REFERENCE_STATEMENTS, new TokenUsage(100, 20))
                .reply(ONE_SUPPORTED, new TokenUsage(300, 120));
        FixedEmbeddingModel embeddings = new FixedEmbeddingModel().vector(ANSWER, 3, 4).vector(REFERENCE, 4, 3);

        // when
        MetricResult result = metric(model, embeddings).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isCloseTo(0.49, within(1e-12));
        assertThat(result.usage()).isEqualTo(new JudgeUsage(3, 500, 160));
        assertThat(result.reason()).isEqualTo("factuality 0.33 (1 supported, 2 unsupported, 2 missing), similarity 0.96;"
                + " unsupported: 'The Arden line is 14 km long.', 'The Arden line has 9 stations.';"
                + " missing: 'The Arden line is 12 km long.', 'Corvin Rail built the Arden line.'");
        assertThat(rows(result, "tp")).containsExactly(
                Map.of("statement", "The Arden line opened in 1998.", "reason", "Same year."));
        assertThat(rows(result, "fp")).extracting(r -> r.get("reason"))
                .containsExactly("The reference says 12 km.", "Not in the reference.");
        assertThat(rows(result, "fn")).extracting(r -> r.get("statement"))
                .containsExactly("The Arden line is 12 km long.", "Corvin Rail built the Arden line.");
        assertThat(rows(result, "reference_covered")).hasSize(1);
        assertThat((double) result.details().get("factuality")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat((double) result.details().get("similarity")).isCloseTo(0.96, within(1e-6));
        assertThat(result.details()).containsEntry("weights", List.of(0.75, 0.25)).containsEntry("beta", 1.0);
        assertThat(embeddings.batches()).containsExactly(List.of(ANSWER, REFERENCE));
    }

    @Test
    void should_extract_statements_of_both_texts_and_send_them_numbered_to_the_classifier() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(ANSWER_STATEMENTS).reply(REFERENCE_STATEMENTS).reply(ONE_SUPPORTED);
        FixedEmbeddingModel embeddings = new FixedEmbeddingModel().vector(ANSWER, 1, 0).vector(REFERENCE, 1, 0);

        // when
        metric(model, embeddings).score(SAMPLE);

        // then
        assertThat(model.userText(0)).contains("QUESTION: " + QUESTION).contains("ANSWER: " + ANSWER);
        assertThat(model.userText(1)).contains("QUESTION: " + QUESTION).contains("ANSWER: " + REFERENCE);
        assertThat(model.userText(2))
                .contains("QUESTION: " + QUESTION)
                .contains("ANSWER facts:\n1. The Arden line opened in 1998.\n2. The Arden line is 14 km long.\n"
                        + "3. The Arden line has 9 stations.\nREFERENCE facts:\n1. The Arden line opened in 1998.\n"
                        + "2. The Arden line is 12 km long.\n3. Corvin Rail built the Arden line.\nReply");
    }

    @Test
    void should_use_beta_and_skip_the_embedding_call_when_the_similarity_weight_is_zero() {
        // given TP 2, FP 1, FN 2 and β = 2: (1+4)·2 / ((1+4)·2 + 4·2 + 1) = 10/19;
        // weights [1, 0]: the score is the factuality alone
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(ANSWER_STATEMENTS).reply(REFERENCE_STATEMENTS).reply(TWO_SUPPORTED);
        FixedEmbeddingModel embeddings = new FixedEmbeddingModel();

        // when
        MetricResult result = metric(model, embeddings, 1, 0, 2.0).score(SAMPLE);

        // then
        assertThat(result.score()).isCloseTo(10.0 / 19, within(1e-12));
        assertThat(embeddings.batches()).isEmpty();
        assertThat(result.details()).doesNotContainKey("similarity");
        assertThat(result.reason()).startsWith("factuality 0.53 (2 supported, 1 unsupported, 2 missing),"
                + " similarity not used (weight 0)");
    }

    @Test
    void should_clip_a_negative_similarity_at_zero() {
        // given TP 2, FP 1, FN 2: F1 = 4/(4 + 2 + 1) = 4/7; cosine of (1, 0) and (-1, 0) = -1 → 0;
        // score = 0.75 · 4/7 + 0.25 · 0 = 3/7
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(ANSWER_STATEMENTS).reply(REFERENCE_STATEMENTS).reply(TWO_SUPPORTED);
        FixedEmbeddingModel embeddings = new FixedEmbeddingModel().vector(ANSWER, 1, 0).vector(REFERENCE, -1, 0);

        // when
        MetricResult result = metric(model, embeddings).score(SAMPLE);

        // then
        assertThat(result.score()).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(result.details()).containsEntry("similarity", 0.0);
    }

    @Test
    void should_count_factuality_as_one_without_a_classifier_call_when_neither_text_states_a_fact() {
        // given both statement lists empty: F = 1 (as in RAGAS); cosine of (1, 0) and (1, 1) = 1/√2;
        // score = 0.75 · 1 + 0.25 / √2
        EvaluatedSample refusal = new EvaluatedSample("s2", "What is the admin password?",
                "I can't share that.", null, "Sorry, I cannot share that.");
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"statements\": []}").reply("{\"statements\": []}");
        FixedEmbeddingModel embeddings = new FixedEmbeddingModel()
                .vector("I can't share that.", 1, 0).vector("Sorry, I cannot share that.", 1, 1);

        // when
        MetricResult result = metric(model, embeddings).score(refusal);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isCloseTo(0.75 + 0.25 / Math.sqrt(2), within(1e-7));
        assertThat(model.requests()).hasSize(2);
        assertThat(result.reason()).isEqualTo("neither the response nor the reference makes a factual statement:"
                + " factuality 1.00, similarity 0.71");
        assertThat(result.details()).containsEntry("factuality", 1.0);
    }

    @Test
    void should_mark_every_reference_statement_missing_without_a_classifier_call_when_the_response_states_none() {
        // given no response statements, 3 reference statements: TP 0, FP 0, FN 3 → F = 0;
        // cosine of (1, 0) and (1, 1) = 1/√2; score = 0.25 / √2
        EvaluatedSample vague = new EvaluatedSample("s3", QUESTION, "Hard to say.", null, REFERENCE);
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"statements\": []}").reply(REFERENCE_STATEMENTS);
        FixedEmbeddingModel embeddings = new FixedEmbeddingModel()
                .vector("Hard to say.", 1, 0).vector(REFERENCE, 1, 1);

        // when
        MetricResult result = metric(model, embeddings).score(vague);

        // then
        assertThat(result.score()).isCloseTo(0.25 / Math.sqrt(2), within(1e-7));
        assertThat(model.requests()).hasSize(2);
        assertThat(rows(result, "fn")).extracting(r -> r.get("reason"))
                .containsOnly("the response makes no factual statements").hasSize(3);
        assertThat(rows(result, "tp")).isEmpty();
        assertThat(result.details()).containsEntry("factuality", 0.0);
    }

    @Test
    void should_mark_every_response_statement_unsupported_without_a_classifier_call_when_the_reference_states_none() {
        // given 3 response statements, none in the reference: TP 0, FP 3, FN 0 → F = 0;
        // identical vectors: similarity 1; score = 0.25
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(ANSWER_STATEMENTS).reply("{\"statements\": []}");
        FixedEmbeddingModel embeddings = new FixedEmbeddingModel().vector(ANSWER, 2, 2).vector(REFERENCE, 1, 1);

        // when
        MetricResult result = metric(model, embeddings).score(SAMPLE);

        // then
        assertThat(result.score()).isCloseTo(0.25, within(1e-7));
        assertThat(model.requests()).hasSize(2);
        assertThat(rows(result, "fp")).extracting(r -> r.get("reason"))
                .containsOnly("the reference makes no factual statements").hasSize(3);
    }

    @Test
    void should_score_zero_without_calls_when_the_response_is_blank() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();
        FixedEmbeddingModel embeddings = new FixedEmbeddingModel();

        // when
        MetricResult result = metric(model, embeddings).score(new EvaluatedSample("s4", QUESTION, " ", null, REFERENCE));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).isEqualTo("the response is empty");
        assertThat(model.requests()).isEmpty();
        assertThat(embeddings.batches()).isEmpty();
    }

    @Test
    void should_be_skipped_without_calls_when_the_reference_is_missing() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();

        // when
        MetricResult result = metric(model, new FixedEmbeddingModel())
                .score(new EvaluatedSample("s5", QUESTION, ANSWER, null, null));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.reason()).isEqualTo("missing reference");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void should_score_after_one_repair_request_when_the_classifier_reply_is_malformed() {
        // given the first classifier reply has no JSON; the repaired one is TP 2, FP 1, FN 2 → 4/7, weights [1, 0]
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(ANSWER_STATEMENTS).reply(REFERENCE_STATEMENTS)
                .reply("Mostly right: two facts match.").reply(TWO_SUPPORTED);

        // when
        MetricResult result = metric(model, new FixedEmbeddingModel(), 1, 0, 1).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(result.usage().calls()).isEqualTo(4);
    }

    @Test
    void should_be_error_with_usage_when_the_classifier_reply_stays_malformed_after_the_repair() {
        // given a verdict that is neither 0 nor 1, twice
        String bad = ONE_SUPPORTED.replace("\"supported\": 0}", "\"supported\": 2}");
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(ANSWER_STATEMENTS, new TokenUsage(10, 1)).reply(REFERENCE_STATEMENTS, new TokenUsage(10, 1))
                .reply(bad, new TokenUsage(50, 5)).reply(bad, new TokenUsage(70, 5));

        // when
        MetricResult result = metric(model, new FixedEmbeddingModel()).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("judge reply could not be read after 1 repair request(s)")
                .contains("\"supported\" must be 0 or 1, got 2");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(4, 140, 12));
    }

    @Test
    void should_be_error_when_the_classifier_leaves_one_side_empty() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(ANSWER_STATEMENTS).reply(REFERENCE_STATEMENTS)
                .reply("{\"answer\": [{\"statement\": \"a\", \"reason\": \"r\", \"supported\": 1}], \"reference\": []}")
                .reply("{\"answer\": [{\"statement\": \"a\", \"reason\": \"r\", \"supported\": 1}], \"reference\": []}");

        // when
        MetricResult result = metric(model, new FixedEmbeddingModel()).score(SAMPLE);

        // then: asked to repair, then an error
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("judge reply could not be read after 1 repair request(s): "
                + "the judge classified 1 of 3 response statements and 0 of 3 reference statements");
        assertThat(result.usage().calls()).isEqualTo(4);
    }

    @Test
    void should_count_the_verdicts_returned_and_say_so_when_the_classifier_skips_a_statement() {
        // given 2 verdicts for 3 response statements: TP 1, FP 1; reference FN 1 → 2/(2 + 1 + 1) = 1/2
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(ANSWER_STATEMENTS).reply(REFERENCE_STATEMENTS)
                .reply("""
                        {"answer": [{"statement": "a1", "reason": "r", "supported": 1},
                                    {"statement": "a2", "reason": "r", "supported": 0}],
                         "reference": [{"statement": "g1", "reason": "r", "covered": 1},
                                       {"statement": "g2", "reason": "r", "covered": 1},
                                       {"statement": "g3", "reason": "r", "covered": 0}]}""");

        // when
        MetricResult result = metric(model, new FixedEmbeddingModel(), 1, 0, 1).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.reason()).endsWith("(the judge returned 2 verdicts for 3 response statements)");
    }

    @Test
    void should_declare_id_required_fields_and_prompts() {
        AnswerCorrectness metric = metric(new ScriptedChatModel(), new FixedEmbeddingModel());
        assertThat(metric.id()).isEqualTo("answer_correctness");
        assertThat(metric.requires())
                .containsExactlyInAnyOrder(SampleField.QUESTION, SampleField.ANSWER, SampleField.REFERENCE);
        assertThat(AnswerCorrectness.promptIds()).containsExactly("faithfulness/statements", "answer_correctness/classify");
    }
}
