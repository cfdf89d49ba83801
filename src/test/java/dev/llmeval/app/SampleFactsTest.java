package dev.llmeval.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.dataset.GoldenSample;
import dev.llmeval.metric.SampleField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleFactsTest {

    private static GoldenSample sample(String question, String response, List<String> contexts, String reference) {
        return new GoldenSample("id", 1, question, contexts, response, reference, null, null, List.of("c1"), Map.of());
    }

    @Test
    void should_note_each_samples_fields_as_the_metrics_see_them_and_whether_any_has_a_reference() {
        // given
        SampleFacts facts = new SampleFacts();

        // when: 100 samples (past the first array), the 51st with a blank question and a reference
        for (int i = 0; i < 100; i++) {
            facts.accept(i == 50 ? sample(" ", "A", null, "R") : sample("Q" + i, null, List.of(), "  "));
        }

        // then
        assertThat(facts.size()).isEqualTo(100);
        assertThat(facts.has(0, SampleField.QUESTION)).isTrue();
        assertThat(facts.has(0, SampleField.ANSWER)).isFalse();
        assertThat(facts.has(0, SampleField.CONTEXTS)).as("an empty list counts as present").isTrue();
        assertThat(facts.has(0, SampleField.REFERENCE)).as("a blank reference is absent").isFalse();
        assertThat(facts.has(0, SampleField.REFERENCE_CONTEXT_IDS)).isTrue();
        assertThat(facts.has(0, SampleField.RETRIEVED_CONTEXT_IDS)).isFalse();
        assertThat(facts.has(50, SampleField.QUESTION)).as("a blank question is absent").isFalse();
        assertThat(facts.has(50, SampleField.ANSWER)).isTrue();
        assertThat(facts.has(50, SampleField.CONTEXTS)).isFalse();
        assertThat(facts.has(50, SampleField.REFERENCE)).isTrue();
        assertThat(facts.has(99, SampleField.QUESTION)).isTrue();
        assertThat(facts.anyReference()).isTrue();
    }

    @Test
    void should_tell_no_reference_when_every_reference_is_missing_or_blank() {
        // given
        SampleFacts facts = new SampleFacts();

        // when
        facts.accept(sample("Q", "A", List.of("c"), null));
        facts.accept(sample("Q", "A", List.of("c"), " "));

        // then
        assertThat(facts.anyReference()).isFalse();
    }
}
