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

class ContextRelevanceTest {

    /** 5 sentences: 3 in the first chunk, 2 in the second. */
    private static final EvaluatedSample SAMPLE = new EvaluatedSample("r1", "When did the Sorrel Line open?", null,
            List.of("The Sorrel Line is a tram route in Marden. It opened on 4 June 2021. The route has fourteen stops.",
                    "Marden also runs a night bus.\nHistory"),
            null);

    private static ContextRelevance metric(ScriptedChatModel model) {
        return new ContextRelevance(new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults()));
    }

    @Test
    void should_score_needed_sentences_over_all_context_sentences() {
        // given: a verbatim copy and a copy with changed case and punctuation
        ScriptedChatModel model = new ScriptedChatModel().reply("""
                {"sentences": ["It opened on 4 June 2021.", "the sorrel line is a tram route in marden"]}""",
                new TokenUsage(120, 25));

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(2.0 / 5);
        assertThat(result.reason()).isEqualTo("2 of 5 context sentences are needed to answer the question");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(1, 120, 25));
        assertThat(result.details()).containsEntry("context_sentences", 5).containsEntry("needed", List.of(1, 2));
        assertThat(model.userText(0)).contains("QUESTION: When did the Sorrel Line open?")
                .contains("CONTEXT:\nThe Sorrel Line is a tram route in Marden. It opened on 4 June 2021."
                        + " The route has fourteen stops.\nMarden also runs a night bus.\nHistory");
    }

    @Test
    void should_count_a_sentence_once_and_ignore_sentences_not_in_the_context() {
        // given: one sentence twice, two merged into one item, one invented
        ScriptedChatModel model = new ScriptedChatModel().reply("""
                {"sentences": ["It opened on 4 June 2021.", "It opened on 4 June 2021.",
                               "The Sorrel Line is a tram route in Marden. It opened on 4 June 2021.",
                               "The Sorrel Line cost 300 million pounds."]}""");

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(2.0 / 5);
        assertThat(result.reason()).isEqualTo("2 of 5 context sentences are needed to answer the question;"
                + " 1 sentence the judge gave is not in the context: 'The Sorrel Line cost 300 million pounds.'");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result.details().get("copied");
        assertThat(rows).extracting(r -> r.get("rule")).containsExactly("same", "same", "merged", "unmatched");
    }

    @Test
    void should_score_zero_when_the_judge_finds_nothing_needed() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"sentences\": []}");

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).isEqualTo("none of the 5 context sentences is needed to answer the question");
    }

    @Test
    void should_score_one_when_every_sentence_is_needed() {
        // given
        EvaluatedSample one = new EvaluatedSample("r2", "When did the Sorrel Line open?", null,
                List.of("The Sorrel Line opened on 4 June 2021."), null);
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"sentences\": [\"The Sorrel Line opened on 4 June 2021.\"]}");

        // when
        MetricResult result = metric(model).score(one);

        // then
        assertThat(result.score()).isEqualTo(1.0);
    }

    @Test
    void should_be_not_applicable_without_a_call_when_the_contexts_have_no_sentences() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();

        // when
        MetricResult result = metric(model).score(
                new EvaluatedSample("r3", "When?", null, List.of("  ", "---"), null));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).isEqualTo("the retrieved contexts have no sentences");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void should_score_after_one_repair_when_the_reply_is_malformed_once() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("The needed sentence is the second one.")
                .reply("{\"sentences\": [\"It opened on 4 June 2021.\"]}");

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(1.0 / 5);
        assertThat(result.usage().calls()).isEqualTo(2);
    }

    @Test
    void should_be_error_when_the_reply_stays_malformed_after_repair() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("The needed sentence is the second one.")
                .reply("{\"sentences\": [\"It opened");

        // when
        MetricResult result = metric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("judge reply could not be read after 1 repair request");
        assertThat(result.usage().calls()).isEqualTo(2);
    }

    @Test
    void should_count_chinese_sentences_ended_by_the_ideographic_full_stop() {
        // given: 3 sentences with no space after 。; the judge copies the one needed
        EvaluatedSample chinese = new EvaluatedSample("zh", "中国的首都是哪里？", null,
                List.of("北京是中国的首都。上海是最大的城市。广州在南方。"), null);
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"sentences\": [\"北京是中国的首都。\"]}");

        // when
        MetricResult result = metric(model).score(chinese);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(1.0 / 3);
        assertThat(result.details()).containsEntry("context_sentences", 3).containsEntry("needed", List.of(1));
    }

    @Test
    void should_declare_id_and_required_fields() {
        ContextRelevance metric = metric(new ScriptedChatModel());
        assertThat(metric.id()).isEqualTo("context_relevance");
        assertThat(metric.requires()).containsExactlyInAnyOrder(SampleField.QUESTION, SampleField.CONTEXTS);
    }
}
