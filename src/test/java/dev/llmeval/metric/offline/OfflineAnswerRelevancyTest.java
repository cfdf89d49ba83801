package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineAnswerRelevancyTest {

    private static final Metric RELEVANCY =
            new OfflineAnswerRelevancy(new Embedder(new AllMiniLmL6V2EmbeddingModel()));

    private static final String QUESTION =
            "Where is Mount Brown located and what is its elevation?";

    private static MetricResult score(String answer) {
        return RELEVANCY.score(new EvaluatedSample("s", QUESTION, answer, List.of(), null));
    }

    @Test
    void should_score_zero_when_the_answer_is_evasive() {
        // when
        MetricResult result = score("I'm sorry, I don't know. I cannot provide that information.");

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).startsWith("noncommittal answer");
    }

    @Test
    void should_score_an_echo_lower_when_compared_with_a_real_answer() {
        // when
        double echo = score("Mount Brown is located somewhere and it has an elevation.").score();
        double real = score("Mount Brown is located in Liberty County, Montana. "
                + "It has an elevation of 6,958 feet.").score();

        // then
        assertThat(real).isGreaterThan(0.5);
        assertThat(echo).isLessThan(real);
    }

    @Test
    void should_score_lower_when_part_of_the_question_is_unanswered() {
        // when
        double partial = score("Mount Brown is located in Liberty County, Montana.").score();
        double complete = score("Mount Brown is located in Liberty County, Montana. "
                + "It has an elevation of 6,958 feet.").score();

        // then
        assertThat(partial).isLessThan(complete);
        assertThat((java.util.List<?>) score("Mount Brown is located in Liberty County, Montana.")
                .details().get("aspects")).hasSize(2);
    }

    @Test
    void should_penalise_a_partly_noncommittal_answer() {
        // when
        double hedged = score("Mount Brown is located in Liberty County, Montana. "
                + "I do not have information about its elevation.").score();
        double plain = score("Mount Brown is located in Liberty County, Montana.").score();

        // then
        assertThat(hedged).isLessThan(plain);
    }

    @Test
    void should_be_not_applicable_when_the_answer_is_empty() {
        assertThat(score(" ").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }
}
