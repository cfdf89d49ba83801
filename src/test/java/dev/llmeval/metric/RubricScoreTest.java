package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RubricScoreTest {

    private static final EvaluatedSample SAMPLE = new EvaluatedSample("s1",
            "How do I rotate my API key?", "Open the console, go to Keys and click Rotate.", List.of(), null);

    private static final TreeMap<Integer, String> SCALE = new TreeMap<>(java.util.Map.of(
            1, "Does not help at all.",
            2, "Points in the right direction only.",
            3, "Helps, with gaps the user must fill.",
            4, "Helps fully with minor omissions.",
            5, "Complete and immediately usable."));

    private static RubricScore rubric(ScriptedChatModel model) {
        return new RubricScore(new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults()),
                Criterion.rubric("helpfulness", "How much does the response help the user?", SCALE, null));
    }

    @Test
    void should_score_three_quarters_when_the_judge_grades_four() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"feedback\": \"Right steps; does not say the old key stops working.\", \"score\": 4}",
                        new TokenUsage(400, 20));

        // when
        MetricResult result = rubric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(0.75);
        assertThat(result.reason()).isEqualTo("4 of 5: Right steps; does not say the old key stops working.");
        assertThat(result.details()).containsEntry("grade", 4)
                .containsEntry("description", "Helps fully with minor omissions.");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(1, 400, 20));
        assertThat(model.userText(0))
                .contains("How much does the response help the user?")
                .contains("1: Does not help at all.\n2: Points in the right direction only.")
                .contains("5: Complete and immediately usable.")
                .contains("RESPONSE:\nOpen the console, go to Keys and click Rotate.");
    }

    @Test
    void should_repair_an_out_of_range_grade_and_score_the_repaired_one() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"feedback\": \"Excellent.\", \"score\": 7}")
                .reply("{\"feedback\": \"Excellent.\", \"score\": 5}");

        // when
        MetricResult result = rubric(model).score(SAMPLE);

        // then
        assertThat(model.requests()).hasSize(2);
        assertThat(model.userText(1)).contains("\"score\" must be from 1 to 5, got 7");
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.usage().calls()).isEqualTo(2);
    }

    @Test
    void should_be_an_error_when_the_grade_stays_out_of_range_after_repair() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"feedback\": \"Terrible.\", \"score\": 0}")
                .reply("{\"feedback\": \"Terrible.\", \"score\": 0}");

        // when
        MetricResult result = rubric(model).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.score()).isNull();
        assertThat(result.reason()).contains("after 1 repair request").contains("\"score\" must be from 1 to 5, got 0");
        assertThat(result.usage().calls()).isEqualTo(2);
    }

    @Test
    void should_repair_a_grade_that_is_not_a_whole_number() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"feedback\": \"Between 3 and 4.\", \"score\": 3.5}")
                .reply("{\"feedback\": \"Between 3 and 4, so 3.\", \"score\": \"3\"}");

        // when
        MetricResult result = rubric(model).score(SAMPLE);

        // then
        assertThat(model.userText(1)).contains("\"score\" must be a whole number from 1 to 5, got 3.5");
        assertThat(result.score()).isEqualTo(0.5);
    }
}
