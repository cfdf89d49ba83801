package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineContextEntityRecallTest {

    private final OfflineContextEntityRecall metric = new OfflineContextEntityRecall();

    @Test
    void should_take_names_and_numbers_of_the_reference_as_its_entities() {
        assertThat(OfflineContextEntityRecall.entities(
                "Gigi Lee Chang founded Plum Organics in 2007. She raised $1,200,000 from the NHS and Forbes."))
                .containsExactly("Gigi Lee Chang", "Plum Organics", "2007", "NHS", "Forbes", "1,200,000");
    }

    @Test
    void should_score_the_share_of_reference_names_and_numbers_found_in_the_contexts() {
        // given: 2007 and NHS are not in the contexts
        EvaluatedSample sample = new EvaluatedSample("e1", "q", "a",
                List.of("GIGI LEE CHANG founded Plum-Organics.", "Forbes reported $1,200,000."),
                "Gigi Lee Chang founded Plum Organics in 2007. She raised $1,200,000 from the NHS and Forbes.");

        // when
        MetricResult result = metric.score(sample);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(4.0 / 6);
        assertThat(result.reason()).isEqualTo("2 of 6 entities of the reference not in the contexts: '2007', 'NHS'");
        assertThat(result.details()).containsKeys("method", "entities");
    }

    @Test
    void should_be_not_applicable_when_the_reference_has_no_capitalised_name_or_number() {
        // when
        MetricResult result = metric.score(new EvaluatedSample("e2", "q", "a", List.of("ctx"),
                "it is made of stone and opened long ago."));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).isEqualTo("the reference names no entities");
    }
}
