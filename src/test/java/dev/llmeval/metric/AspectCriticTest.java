package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AspectCriticTest {

    private static final EvaluatedSample SAMPLE = new EvaluatedSample("s1",
            "My order arrived broken.",
            "Oh great, another complaint. Fill in the returns form.",
            List.of("Broken items can be returned with the returns form."),
            "Apologise and point to the returns form.");

    private static final String POLITE = "Is the response polite and free of sarcasm?";

    private static AspectCritic critic(ScriptedChatModel model, int votes, List<SampleField> uses) {
        return new AspectCritic(new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults()),
                Criterion.aspect("politeness", POLITE, votes, uses), 0.5);
    }

    @Test
    void should_score_one_with_the_judges_reason_when_the_verdict_is_yes() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"reason\": \"Courteous throughout.\", \"verdict\": 1}", new TokenUsage(300, 12));

        // when
        MetricResult result = critic(model, 1, null).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.reason()).isEqualTo("yes: Courteous throughout.");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(1, 300, 12));
        assertThat(model.requests()).hasSize(1);
        assertThat(model.requests().get(0).temperature()).isZero();
        String sample = model.userText(0).substring(model.userText(0).indexOf("Now the real sample."));
        assertThat(model.userText(0)).contains(POLITE);
        assertThat(sample)
                .contains("USER INPUT:\nMy order arrived broken.")
                .contains("RESPONSE:\nOh great, another complaint. Fill in the returns form.")
                .doesNotContain("RETRIEVED CONTEXTS").doesNotContain("REFERENCE ANSWER")
                .doesNotContain("Independent assessment");
    }

    @Test
    void should_score_zero_when_the_verdict_is_no() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"reason\": \"'Oh great, another complaint' is sarcastic.\", \"verdict\": \"no\"}");

        // when
        MetricResult result = critic(model, 1, null).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).isEqualTo("no: 'Oh great, another complaint' is sarcastic.");
    }

    @Test
    void should_make_three_distinct_calls_and_take_the_majority_when_votes_split_two_to_one() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"reason\": \"Sarcastic opening.\", \"verdict\": 0}", new TokenUsage(300, 10))
                .reply("{\"reason\": \"Gives the form, no insult.\", \"verdict\": 1}", new TokenUsage(300, 10))
                .reply("{\"reason\": \"Mocks the customer.\", \"verdict\": 0}", new TokenUsage(300, 10));

        // when
        MetricResult result = critic(model, 3, null).score(SAMPLE);

        // then
        assertThat(model.requests()).hasSize(3);
        assertThat(List.of(model.userText(0), model.userText(1), model.userText(2))).doesNotHaveDuplicates();
        assertThat(model.userText(1)).contains("Independent assessment 2 of 3");
        assertThat(model.requests()).extracting(ChatRequest::temperature).containsOnly(0.5);
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).isEqualTo("no (2 of 3 votes): Sarcastic opening.");
        assertThat(result.usage()).isEqualTo(new JudgeUsage(3, 900, 30));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> votes = (List<Map<String, Object>>) result.details().get("votes");
        assertThat(votes).extracting(v -> v.get("verdict")).containsExactly(false, true, false);
    }

    @Test
    void should_show_the_contexts_and_reference_when_the_criterion_uses_them() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("{\"reason\": \"ok\", \"verdict\": 1}");

        // when
        critic(model, 1, List.of(SampleField.ANSWER, SampleField.CONTEXTS, SampleField.REFERENCE)).score(SAMPLE);

        // then
        String sample = model.userText(0).substring(model.userText(0).indexOf("Now the real sample."));
        assertThat(sample)
                .contains("RETRIEVED CONTEXTS:\n[1] Broken items can be returned with the returns form.")
                .contains("REFERENCE ANSWER:\nApologise and point to the returns form.")
                .doesNotContain("USER INPUT:");
    }

    @Test
    void should_be_an_error_naming_the_vote_when_a_vote_stays_unreadable_after_repair() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("{\"reason\": \"fine\", \"verdict\": 1}")
                .reply("Polite enough, I think.")
                .reply("Still polite.");

        // when
        MetricResult result = critic(model, 3, null).score(SAMPLE);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("vote 2 of 3: judge reply could not be read after 1 repair request");
        assertThat(result.usage().calls()).isEqualTo(3);
        assertThat(model.requests()).hasSize(3);
    }

    @Test
    void should_skip_without_calls_when_the_sample_lacks_a_field_it_uses() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();
        EvaluatedSample noReference = new EvaluatedSample("s2", "q", "a", List.of(), null);

        // when
        MetricResult result = critic(model, 1, List.of(SampleField.ANSWER, SampleField.REFERENCE)).score(noReference);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.reason()).isEqualTo("missing reference");
        assertThat(model.requests()).isEmpty();
    }
}
