package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdContextOverlapTest {

    private final IdContextOverlap precision = new IdContextOverlap(true);
    private final IdContextOverlap recall = new IdContextOverlap(false);

    @Test
    void should_score_the_share_of_retrieved_ids_that_are_reference_ids() {
        // when: 2 of the 4 distinct retrieved ids are relevant ("d1" repeated counts once)
        MetricResult result = precision.score(Samples.ids(List.of("d1", "d7", "d1", "d3", "d9"), List.of("d1", "d3", "d4")));

        // then
        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.reason()).isEqualTo("2 of 4 retrieved ids are reference ids; not relevant: d7, d9");
        assertThat(result.details()).containsEntry("matched", List.of("d1", "d3"))
                .containsEntry("not_relevant", List.of("d7", "d9"));
    }

    @Test
    void should_score_the_share_of_reference_ids_that_were_retrieved() {
        // when: 2 of 3 reference ids retrieved
        MetricResult result = recall.score(Samples.ids(List.of("d1", "d7", "d3"), List.of("d1", "d3", "d4")));

        // then
        assertThat(result.score()).isEqualTo(2.0 / 3);
        assertThat(result.reason()).isEqualTo("2 of 3 reference ids were retrieved; missed: d4");
    }

    @Test
    void should_name_at_most_five_missed_ids_in_the_reason_and_all_in_the_details() {
        // when
        MetricResult result = recall.score(Samples.ids(List.of("x"), List.of("a", "b", "c", "d", "e", "f", "g")));

        // then
        assertThat(result.score()).isZero();
        assertThat(result.reason()).isEqualTo("0 of 7 reference ids were retrieved; missed: a, b, c, d, e and 2 more");
        assertThat(result.details()).containsEntry("missed", List.of("a", "b", "c", "d", "e", "f", "g"));
    }

    @Test
    void should_compare_ids_exactly_as_strings() {
        assertThat(precision.score(Samples.ids(List.of("Doc-1", "7"), List.of("doc-1", "7"))).score()).isEqualTo(0.5);
    }

    @Test
    void should_be_not_applicable_when_the_denominator_is_empty() {
        // when
        MetricResult noRetrieved = precision.score(Samples.ids(List.of(), List.of("d1")));
        MetricResult noReference = recall.score(Samples.ids(List.of("d1"), List.of()));

        // then
        assertThat(noRetrieved.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(noRetrieved.reason()).isEqualTo("no context id was retrieved");
        assertThat(noReference.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(noReference.reason()).isEqualTo("the sample has no reference context ids");
    }

    @Test
    void should_score_0_when_the_other_list_is_empty() {
        assertThat(precision.score(Samples.ids(List.of("d1"), List.of())).score()).isZero();
        assertThat(recall.score(Samples.ids(List.of(), List.of("d1"))).score()).isZero();
    }

    @Test
    void should_skip_a_sample_without_ids_and_take_no_options() {
        assertThat(precision.score(Samples.ids(null, List.of("d1"))).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThatThrownBy(() -> IdContextOverlap.from(true, MetricOptions.of("id_context_precision", "", Map.of("threshold", 1))))
                .hasMessageContaining("unknown option for id_context_precision");
    }
}
