package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoGoldenSetTest {

    private static final Path DEMO = Path.of("golden-sets", "demo.jsonl");

    @Test
    void should_hold_between_15_and_25_samples_with_unique_ids() {
        // when
        Dataset dataset = Fixtures.read(DEMO);

        // then
        assertThat(dataset.format()).isEqualTo(DatasetFormat.JSONL);
        assertThat(dataset.samples()).hasSizeBetween(15, 25);
        assertThat(dataset.samples()).extracting(GoldenSample::id).doesNotHaveDuplicates();
        assertThat(dataset.samples()).extracting(GoldenSample::id).allMatch(id -> id.matches("[a-z]+-\\d{2}"));
    }

    @Test
    void should_give_every_sample_question_contexts_response_and_reference() {
        // when
        Dataset dataset = Fixtures.read(DEMO);

        // then
        assertThat(dataset.samples()).allSatisfy(sample -> {
            assertThat(sample.userInput()).isNotBlank();
            assertThat(sample.retrievedContexts()).hasSizeBetween(2, 4).allSatisfy(c -> assertThat(c).isNotBlank());
            assertThat(sample.response()).isNotBlank();
            assertThat(sample.reference()).isNotBlank();
            assertThat(sample.metadata()).containsKeys("topic", "kind");
        });
    }

    @Test
    void should_mix_good_and_deliberately_bad_samples() {
        // when
        Dataset dataset = Fixtures.read(DEMO);

        // then
        Map<Object, Long> kinds = dataset.samples().stream()
                .collect(Collectors.groupingBy(s -> s.metadata().get("kind"), Collectors.counting()));
        assertThat(kinds.keySet()).isEqualTo(Set.of("good", "unfaithful", "evasive", "off_topic", "noisy_retrieval"));
        assertThat(kinds.get("good")).isBetween(10L, 14L);
        assertThat(kinds.get("unfaithful")).isEqualTo(3L);
        assertThat(kinds.get("evasive") + kinds.get("off_topic")).isEqualTo(2L);
        assertThat(kinds.get("noisy_retrieval")).isEqualTo(3L);
    }

    @Test
    void should_locate_samples_by_line_in_the_demo_file() {
        // when
        Dataset dataset = Fixtures.read(DEMO);

        // then
        GoldenSample seventh = dataset.samples().get(6);
        assertThat(seventh.line()).isEqualTo(7);
        assertThat(dataset.location(seventh)).isEqualTo(DEMO + ":7");
        assertThat(dataset.sha256()).matches("[0-9a-f]{64}");
    }
}
