package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextPrecisionTest {

    private static final EvaluatedSample SAMPLE = new EvaluatedSample("s1",
            "How tall is the Brindle Tower?",
            "It is about 200 m tall.",
            List.of("Brindle Tower rises 212 metres.", "The ferry runs hourly.", "The tower was finished in 1998."),
            "The Brindle Tower is 212 metres tall and opened in 1998.");

    private static ContextPrecision metric(ScriptedChatModel model, boolean useReference, boolean perChunk) {
        return new ContextPrecision(
                new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults()), useReference, perChunk);
    }

    @Test
    void should_score_average_precision_in_rank_order_when_verdicts_come_out_of_order() throws Exception {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("""
                {"verdicts": [
                  {"chunk": 3, "reason": "Gives the opening year.", "useful": 1},
                  {"chunk": 1, "reason": "Gives the height.", "useful": 1},
                  {"chunk": 2, "reason": "About the ferry.", "useful": 0}
                ]}""", new TokenUsage(400, 70));

        // when
        MetricResult result = metric(model, true, false).score(SAMPLE);

        // then: useful [1, 0, 1] → (1 + 2/3) / 2
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.metricId()).isEqualTo("context_precision");
        assertThat(result.score()).isCloseTo((1.0 + 2.0 / 3) / 2, within(1e-12));
        assertThat(result.reason()).isEqualTo("chunk 2 of 3 not useful");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(1, 400, 70));
        assertThat(model.userText(0))
                .contains("QUESTION: How tall is the Brindle Tower?")
                .contains("ANSWER: The Brindle Tower is 212 metres tall and opened in 1998.")
                .contains("[1] Brindle Tower rises 212 metres.\n[2] The ferry runs hourly.\n"
                        + "[3] The tower was finished in 1998.");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> chunks = (List<Map<String, Object>>) result.details().get("chunks");
        assertThat(chunks).extracting(c -> c.get("rank")).containsExactly(1, 2, 3);
        assertThat(chunks).extracting(c -> c.get("useful")).containsExactly(true, false, true);
        assertThat(chunks.get(1)).containsEntry("reason", "About the ferry.");
        assertThat(new ObjectMapper().writeValueAsString(result)).contains("\"rank\":2");
    }

    @Test
    void should_judge_against_the_answer_when_measuring_utilization() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply(
                "[{\"chunk\": 1, \"reason\": \"r\", \"useful\": 0}, {\"chunk\": 2, \"reason\": \"r\", \"useful\": 1},"
                        + " {\"chunk\": 3, \"reason\": \"r\", \"useful\": 0}]");
        ContextPrecision metric = metric(model, false, false);

        // when
        MetricResult result = metric.score(SAMPLE);

        // then: useful [0, 1, 0] → P@2 = 1/2
        assertThat(metric.id()).isEqualTo("context_utilization");
        assertThat(metric.requires())
                .containsExactlyInAnyOrder(SampleField.QUESTION, SampleField.CONTEXTS, SampleField.ANSWER);
        assertThat(result.metricId()).isEqualTo("context_utilization");
        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.reason()).isEqualTo("chunks 1 and 3 of 3 not useful");
        assertThat(model.userText(0)).contains("ANSWER: It is about 200 m tall.");
    }

    @Test
    void should_match_verdicts_by_position_when_chunk_numbers_are_missing() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("""
                {"verdicts": [{"reason": "a", "useful": 1}, {"reason": "b", "useful": 1}, {"reason": "c", "useful": 1}]}""");

        // when
        MetricResult result = metric(model, true, false).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.reason()).isEqualTo("all 3 chunks are useful");
    }

    @Test
    void should_be_error_naming_the_chunk_when_a_verdict_is_missing() {
        // given
        String reply = """
                {"verdicts": [{"chunk": 1, "reason": "a", "useful": 1}, {"chunk": 2, "reason": "b", "useful": 0},
                              {"chunk": 7, "reason": "no such chunk", "useful": 1}]}""";
        ScriptedChatModel model = new ScriptedChatModel().reply(reply, new TokenUsage(300, 50))
                .reply(reply, new TokenUsage(400, 50));

        // when
        MetricResult result = metric(model, true, false).score(SAMPLE);

        // then: asked again once, then an error quoting the reply
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("judge reply could not be used after 1 repair request: no verdict for"
                + " chunk 3 of the 3 CHUNKS: give one for each; reply began: {\"verdicts\": [{\"chunk\": 1,");
        assertThat(model.userText(1)).startsWith("Your reply could not be used: no verdict for chunk 3 of the 3 CHUNKS");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(2, 700, 100));
    }

    @Test
    void should_score_when_the_repair_request_fills_in_the_missing_chunk() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"verdicts\": [{\"chunk\": 1, \"reason\": \"a\", \"useful\": 1}]}")
                .reply("{\"verdicts\": [{\"chunk\": 1, \"reason\": \"a\", \"useful\": 1},"
                        + " {\"chunk\": 2, \"reason\": \"b\", \"useful\": 0}, {\"chunk\": 3, \"reason\": \"c\", \"useful\": 0}]}");

        // when
        MetricResult result = metric(model, true, false).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.usage().calls()).isEqualTo(2);
    }

    @Test
    void should_call_once_per_chunk_when_per_chunk_mode_is_on() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"reason\": \"ferry\", \"useful\": 0}", new TokenUsage(100, 10))
                .reply("```json\n{\"reason\": \"height\", \"useful\": 1}\n```", new TokenUsage(110, 11))
                .reply("{\"reason\": \"year\", \"useful\": \"yes\"}", new TokenUsage(120, 12));
        EvaluatedSample reordered = new EvaluatedSample("s2", SAMPLE.question(), SAMPLE.answer(),
                List.of("The ferry runs hourly.", "Brindle Tower rises 212 metres.", "The tower was finished in 1998."),
                SAMPLE.reference());

        // when
        MetricResult result = metric(model, true, true).score(reordered);

        // then: useful [0, 1, 1] → (1/2 + 2/3) / 2
        assertThat(result.score()).isCloseTo((0.5 + 2.0 / 3) / 2, within(1e-12));
        assertThat(result.usage()).isEqualTo(new JudgeUsage(3, 330, 33));
        assertThat(model.requests()).hasSize(3);
        assertThat(model.userText(1)).contains("CHUNK: Brindle Tower rises 212 metres.");
        assertThat(model.requests().get(0).responseFormat().type().name()).isEqualTo("JSON");
    }

    @Test
    void should_be_error_with_usage_so_far_when_a_per_chunk_call_stays_unreadable() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"reason\": \"r\", \"useful\": 1}", new TokenUsage(100, 10))
                .reply("Verdict: 1", new TokenUsage(100, 2))
                .reply("useful", new TokenUsage(120, 1));

        // when
        MetricResult result = metric(model, true, true).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("judge reply could not be read after 1 repair request")
                .endsWith("reply began: useful");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(3, 320, 13));
    }

    @Test
    void should_be_not_applicable_without_calls_when_no_context_was_retrieved() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();
        EvaluatedSample empty = new EvaluatedSample("s3", "q", "a", List.of(), "r");

        // when
        MetricResult result = metric(model, true, false).score(empty);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).isEqualTo("no contexts were retrieved");
        assertThat(model.requests()).isEmpty();
    }
}
