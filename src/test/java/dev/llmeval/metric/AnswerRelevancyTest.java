package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.FixedEmbeddingModel;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerRelevancyTest {

    private static final String QUESTION = "When does the museum open?";
    private static final EvaluatedSample SAMPLE = new EvaluatedSample(
            "s1", QUESTION, "The museum opens at 9 am on weekdays.", List.of(), null);

    private static final String QUESTIONS = """
            {"questions": [
              {"question": "When does the museum open?", "noncommittal": 0},
              {"question": "What time does the museum open on weekdays?", "noncommittal": 0},
              {"question": "Is the museum open at night?", "noncommittal": 0}
            ]}""";

    private static FixedEmbeddingModel embeddings() {
        return new FixedEmbeddingModel()
                .vector(QUESTION, 1, 0)
                .vector("What time does the museum open on weekdays?", 0.6f, 0.8f)
                .vector("Is the museum open at night?", -1, 0)
                .vector("What causes it?", 0.8f, 0.6f)
                .vector("Why?", 1, 0);
    }

    private static AnswerRelevancy metric(ScriptedChatModel model, FixedEmbeddingModel embeddings) {
        return new AnswerRelevancy(
                new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults()), embeddings, 3);
    }

    @Test
    void should_score_mean_clipped_similarity_when_questions_are_committal() throws Exception {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply(QUESTIONS, new TokenUsage(120, 60));
        FixedEmbeddingModel embeddings = embeddings();

        // when
        MetricResult result = metric(model, embeddings).score(SAMPLE);

        // then: cosines 1, 0.6 and -1 (clipped to 0)
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isCloseTo((1.0 + 0.6 + 0.0) / 3, within(1e-6));
        assertThat(result.reason()).isEqualTo("3 generated questions, mean similarity to the question 0.53; "
                + "least similar (-1.00): 'Is the museum open at night?'");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(1, 120, 60));
        assertThat(model.userText(0)).contains("ANSWER: The museum opens at 9 am on weekdays.").contains("Write 3 ");
        assertThat(embeddings.batches()).containsExactly(List.of(QUESTION, "When does the museum open?",
                "What time does the museum open on weekdays?", "Is the museum open at night?"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> details = (List<Map<String, Object>>) result.details().get("questions");
        assertThat(details).extracting(d -> d.get("noncommittal")).containsExactly(false, false, false);
        assertThat((Double) details.get(1).get("similarity")).isCloseTo(0.6, within(1e-6));
        assertThat(new ObjectMapper().writeValueAsString(result)).contains("\"similarity\"");
    }

    @Test
    void should_score_zero_when_every_question_is_noncommittal() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply(
                "[{\"question\": \"What causes it?\", \"noncommittal\": 1}, {\"question\": \"Why?\", \"noncommittal\": true}]");
        EvaluatedSample evasive = new EvaluatedSample("s2", QUESTION, "I'm not sure, it depends.", List.of(), null);

        // when
        MetricResult result = metric(model, embeddings()).score(evasive);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason())
                .isEqualTo("the answer is noncommittal: all 2 generated questions were flagged evasive");
    }

    @Test
    void should_keep_the_similarity_when_only_some_questions_are_noncommittal() {
        // given: cosines 0.8 and 1
        ScriptedChatModel model = new ScriptedChatModel().reply(
                "{\"questions\": [{\"question\": \"What causes it?\", \"noncommittal\": 1}, {\"question\": \"Why?\", \"noncommittal\": 0}]}");

        // when
        MetricResult result = metric(model, embeddings()).score(SAMPLE);

        // then
        assertThat(result.score()).isCloseTo(0.9, within(1e-6));
        assertThat(result.reason()).contains("1 flagged noncommittal");
    }

    @Test
    void should_ask_again_then_be_error_with_the_reply_when_no_question_is_generated_for_an_answer() {
        // given: the answer has text, so a reply without questions is unusable, also after the repair
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"questions\": []}").reply("{\"questions\": []}");
        FixedEmbeddingModel embeddings = embeddings();

        // when
        MetricResult result = metric(model, embeddings).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).isEqualTo("judge reply could not be used after 1 repair request: the list"
                + " \"questions\" is empty, but the ANSWER has text: write the questions it answers; reply began:"
                + " {\"questions\": []}");
        assertThat(model.userText(1)).startsWith("Your reply could not be used: the list \"questions\" is empty");
        assertThat(result.usage().calls()).isEqualTo(2);
        assertThat(embeddings.batches()).isEmpty();
    }

    @Test
    void should_score_the_repaired_reply_when_the_first_has_no_questions() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"questions\": []}")
                .reply("{\"questions\": [{\"question\": \"What time does the museum open on weekdays?\","
                        + " \"noncommittal\": 0}]}");

        // when
        MetricResult result = metric(model, embeddings()).score(SAMPLE);

        // then
        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isCloseTo(0.6, within(1e-6));
        assertThat(result.usage().calls()).isEqualTo(2);
    }

    @Test
    void should_be_error_with_usage_when_the_embedding_model_fails() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply(
                "{\"questions\": [{\"question\": \"Unknown to the embedder?\", \"noncommittal\": 0}]}",
                new TokenUsage(90, 20));

        // when
        MetricResult result = metric(model, embeddings()).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("embedding failed: IllegalArgumentException: no vector scripted");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(1, 90, 20));
    }

    @Test
    void should_be_error_when_questions_stay_unreadable_after_repair() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("What is it?").reply("Sorry, here: {\"questions\": [");

        // when
        MetricResult result = metric(model, embeddings()).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).contains("could not be read after 1 repair request: the JSON is cut off");
        assertThat(result.usage().calls()).isEqualTo(2);
    }

    @Test
    void should_declare_id_and_required_fields() {
        AnswerRelevancy metric = metric(new ScriptedChatModel(), embeddings());
        assertThat(metric.id()).isEqualTo("answer_relevancy");
        assertThat(metric.requires()).containsExactlyInAnyOrder(SampleField.QUESTION, SampleField.ANSWER);
    }
}
