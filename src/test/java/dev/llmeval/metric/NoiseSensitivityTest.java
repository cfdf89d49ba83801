package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.judge.CacheMode;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeCache;
import dev.llmeval.judge.JudgeRuntime;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.ScriptedChatModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoiseSensitivityTest {

    private static final EvaluatedSample SAMPLE = new EvaluatedSample("n1",
            "What is the Vell bridge made of, and when did it open?",
            "The Vell bridge is made of oak. It opened in 1911. It was painted red in 1950. It is 40 metres long.",
            List.of("The Vell bridge, built of stone, opened in 1911; its railings are oak.",
                    "The Marr footbridge was painted red in 1950.",
                    "Calder's old ferry, painted red in 1950, is 40 metres long."),
            "The Vell bridge is made of stone and opened in 1911.");

    private static final String RESPONSE_STATEMENTS = """
            {"statements": ["The Vell bridge is made of oak.", "The Vell bridge opened in 1911.",
              "The Vell bridge was painted red in 1950.", "The Vell bridge is 40 metres long."]}""";

    private static final String AGAINST_REFERENCE = """
            {"verdicts": [
              {"statement": "The Vell bridge is made of oak.", "reason": "The reference says stone.", "verdict": 0},
              {"statement": "The Vell bridge opened in 1911.", "reason": "Stated.", "verdict": 1},
              {"statement": "The Vell bridge was painted red in 1950.", "reason": "Not in the reference.", "verdict": 0},
              {"statement": "The Vell bridge is 40 metres long.", "reason": "Not in the reference.", "verdict": 0}]}""";

    private static final String REFERENCE_STATEMENTS = """
            {"statements": ["The Vell bridge is made of stone.", "The Vell bridge opened in 1911."]}""";

    private static final String CHUNK_SUPPORT = """
            {"statements": [
              {"statement": 1, "reason": "Chunk 1 says stone.", "chunks": [1]},
              {"statement": 2, "reason": "Chunk 1 gives 1911.", "chunks": [1]},
              {"statement": 3, "reason": "Chunk 1 mentions oak railings.", "chunks": [1]},
              {"statement": 4, "reason": "Chunks 2 and 3 mention red paint in 1950.", "chunks": [2, 3, 7]},
              {"statement": 5, "reason": "Chunk 3 gives 40 metres.", "chunks": [3]}]}""";

    private static NoiseSensitivity metric(ScriptedChatModel model, boolean relevant) {
        return new NoiseSensitivity(new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults()), relevant);
    }

    private static ScriptedChatModel fullScript() {
        return new ScriptedChatModel()
                .reply(RESPONSE_STATEMENTS, new TokenUsage(100, 30))
                .reply(AGAINST_REFERENCE, new TokenUsage(200, 80))
                .reply(REFERENCE_STATEMENTS, new TokenUsage(90, 20))
                .reply(CHUNK_SUPPORT, new TokenUsage(300, 70));
    }

    @Test
    void should_count_incorrect_statements_supported_by_a_relevant_chunk_when_mode_is_relevant() {
        // given
        ScriptedChatModel model = fullScript();

        // when
        MetricResult result = metric(model, true).score(SAMPLE);

        // then: chunk 1 supports the reference, so it is relevant; only "oak" is incorrect and from chunk 1
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(0.25);
        assertThat(result.reason()).isEqualTo("1 of 4 response statements are incorrect and supported by a relevant"
                + " chunk: 'The Vell bridge is made of oak.'");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(4, 690, 200));
        assertThat(result.details()).containsEntry("relevant_chunks", List.of(1)).containsEntry("reference_statements", 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result.details().get("statements");
        assertThat(rows).extracting(r -> r.get("correct")).containsExactly(false, true, false, false);
        assertThat(rows).extracting(r -> r.get("supporting_chunks"))
                .containsExactly(List.of(1), List.of(), List.of(2, 3), List.of(3));
        assertThat(rows).extracting(r -> r.get("counted")).containsExactly(true, false, false, false);
    }

    @Test
    void should_send_the_reference_as_context_and_only_incorrect_statements_to_the_chunk_call() {
        // given
        ScriptedChatModel model = fullScript();

        // when
        metric(model, true).score(SAMPLE);

        // then
        assertThat(model.requests()).hasSize(4);
        assertThat(model.userText(0)).contains("ANSWER: " + SAMPLE.answer());
        assertThat(model.userText(1)).contains("CONTEXT:\nThe Vell bridge is made of stone and opened in 1911.")
                .contains("4. The Vell bridge is 40 metres long.");
        assertThat(model.userText(2)).contains("ANSWER: The Vell bridge is made of stone and opened in 1911.");
        assertThat(model.userText(3))
                .contains("[1] The Vell bridge, built of stone, opened in 1911; its railings are oak.\n"
                        + "[2] The Marr footbridge was painted red in 1950.\n[3] Calder's old ferry")
                .contains("1. The Vell bridge is made of stone.\n2. The Vell bridge opened in 1911.\n"
                        + "3. The Vell bridge is made of oak.\n4. The Vell bridge was painted red in 1950.\n"
                        + "5. The Vell bridge is 40 metres long.")
                .doesNotContain("5. The Vell bridge opened in 1911.");
    }

    @Test
    void should_count_incorrect_statements_supported_only_by_irrelevant_chunks_when_mode_is_irrelevant() {
        // given
        ScriptedChatModel model = fullScript();

        // when
        MetricResult result = metric(model, false).score(SAMPLE);

        // then: "painted red" (chunks 2, 3; chunk 7 does not exist) and "40 metres" (chunk 3)
        assertThat(result.metricId()).isEqualTo("noise_sensitivity_irrelevant");
        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.reason()).isEqualTo("2 of 4 response statements are incorrect and supported by only"
                + " irrelevant chunks: 'The Vell bridge was painted red in 1950.', 'The Vell bridge is 40 metres long.'");
    }

    @Test
    void should_score_zero_after_two_calls_when_the_reference_supports_every_statement() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"statements\": [\"The Vell bridge opened in 1911.\"]}")
                .reply("{\"verdicts\": [{\"statement\": \"The Vell bridge opened in 1911.\", \"reason\": \"r\", \"verdict\": 1}]}");

        // when
        MetricResult result = metric(model, true).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).isEqualTo("the reference supports the only response statement");
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void should_be_not_applicable_when_the_response_makes_no_statements() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"statements\": []}");

        // when
        MetricResult result = metric(model, true).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.score()).isNull();
        assertThat(result.reason()).isEqualTo("the response makes no factual statements");
        assertThat(result.usage().calls()).isEqualTo(1);
    }

    @Test
    void should_be_not_applicable_without_calls_when_no_context_was_retrieved() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();
        EvaluatedSample noContext = new EvaluatedSample("n2", SAMPLE.question(), SAMPLE.answer(), List.of(),
                SAMPLE.reference());

        // when
        MetricResult result = metric(model, false).score(noContext);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).isEqualTo("no contexts were retrieved, so none can have misled the response");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void should_be_error_when_the_verdicts_against_the_reference_do_not_match_the_statements() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(RESPONSE_STATEMENTS)
                .reply("{\"verdicts\": [{\"statement\": \"The Vell bridge is made of oak.\", \"reason\": \"r\", \"verdict\": 0}]}")
                .reply("{\"verdicts\": [{\"statement\": \"The Vell bridge is made of oak.\", \"reason\": \"r\", \"verdict\": 0}]}");

        // when
        MetricResult result = metric(model, true).score(SAMPLE);

        // then: asked again once, then an error quoting the reply
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("judge reply could not be used after 1 repair request: the list"
                + " \"verdicts\" has 1 verdict, but STATEMENTS lists 4: give exactly one verdict for each, in order;"
                + " reply began: {\"verdicts\": [");
        assertThat(result.usage().calls()).isEqualTo(3);
    }

    @Test
    void should_be_error_naming_the_statements_the_chunk_call_left_out() {
        String partial = "{\"statements\": [{\"statement\": 1, \"reason\": \"r\", \"chunks\": [1]},"
                + " {\"statement\": 2, \"reason\": \"r\", \"chunks\": [1]},"
                + " {\"statement\": 4, \"reason\": \"r\", \"chunks\": []}]}";
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(RESPONSE_STATEMENTS).reply(AGAINST_REFERENCE).reply(REFERENCE_STATEMENTS)
                .reply(partial).reply(partial);

        // when
        MetricResult result = metric(model, true).score(SAMPLE);

        // then: asked to repair, then an error
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("judge reply could not be used after 1 repair request: "
                + "the judge gave no chunk verdicts for statements 3 and 5 of 5");
        assertThat(result.usage().calls()).isEqualTo(5);
    }

    @Test
    void should_score_after_one_repair_when_the_chunk_reply_is_malformed_once() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(RESPONSE_STATEMENTS).reply(AGAINST_REFERENCE).reply(REFERENCE_STATEMENTS)
                .reply("Chunks 1 and 2 support the statements.")
                .reply(CHUNK_SUPPORT);

        // when
        MetricResult result = metric(model, true).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(0.25);
        assertThat(result.usage().calls()).isEqualTo(5);
    }

    @Test
    void should_be_error_with_usage_when_the_chunk_reply_stays_malformed_after_repair() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(RESPONSE_STATEMENTS).reply(AGAINST_REFERENCE).reply(REFERENCE_STATEMENTS)
                .reply("Chunks 1 and 2 support the statements.")
                .reply("{\"statements\": [{\"statement\": 1, \"chunks\": [1");

        // when
        MetricResult result = metric(model, false).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.score()).isNull();
        assertThat(result.reason()).startsWith("judge reply could not be read after 1 repair request");
        assertThat(result.usage().calls()).isEqualTo(5);
    }

    @Test
    void should_be_skipped_without_calls_when_the_reference_is_missing() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();

        // when
        MetricResult result = metric(model, true).score(
                new EvaluatedSample("n3", SAMPLE.question(), SAMPLE.answer(), SAMPLE.contexts(), null));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.reason()).isEqualTo("missing reference");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void should_declare_ids_and_required_fields() {
        assertThat(metric(new ScriptedChatModel(), true).id()).isEqualTo("noise_sensitivity_relevant");
        assertThat(metric(new ScriptedChatModel(), false).requires()).containsExactlyInAnyOrder(
                SampleField.QUESTION, SampleField.ANSWER, SampleField.CONTEXTS, SampleField.REFERENCE);
        assertThat(MetricCatalog.higherIsBetter("noise_sensitivity_relevant")).isFalse();
        assertThat(MetricCatalog.higherIsBetter("noise_sensitivity_irrelevant")).isFalse();
    }

    @TempDir
    Path cacheDir;

    @Test
    void should_make_no_new_call_for_the_second_mode_when_the_judge_cache_is_on() {
        // given
        ScriptedChatModel model = fullScript();
        JudgeRuntime runtime = JudgeRuntime.builder()
                .cache(new JudgeCache(cacheDir, CacheMode.READ_WRITE), "scripted|model|local").build();
        ChatModelJudge judge = new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults(), runtime);

        // when
        MetricResult relevant = new NoiseSensitivity(judge, true).score(SAMPLE);
        MetricResult irrelevant = new NoiseSensitivity(judge, false).score(SAMPLE);

        // then
        assertThat(model.requests()).hasSize(4);
        assertThat(relevant.score()).isEqualTo(0.25);
        assertThat(irrelevant.score()).isEqualTo(0.5);
    }
}
