package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFileTest {

    private static List<SampleReport> readAll(Iterable<SampleReport> samples) {
        List<SampleReport> list = new ArrayList<>();
        samples.forEach(list::add);
        return list;
    }

    private static SampleReport withEveryOutcome() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("statements", List.of(
                Map.of("statement", "Line one.\nLine two with \"quotes\" and é ✓", "verdict", true),
                Map.of("statement", "Unsupported.", "verdict", false, "weight", 0.25)));
        nested.put("chunks", Map.of("k", List.of(1, 2L, 3.5, "x"), "empty", List.of(), "none", Map.of()));
        nested.put("note", null);
        Map<String, MetricResult> scores = new LinkedHashMap<>();
        scores.put("faithfulness", MetricResult.scored("faithfulness", 0.5, "1 of 2", nested,
                new JudgeUsage(2, 300, 40)));
        scores.put("answer_relevancy", MetricResult.notApplicable("answer_relevancy", "no question",
                Map.of("generated_questions", List.of()), new JudgeUsage(1, 10, 1)));
        scores.put("context_recall", MetricResult.skipped("context_recall", "missing field: reference"));
        scores.put("context_precision", MetricResult.error("context_precision", "judge unreachable",
                new JudgeUsage(1, 5, 0)));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("topic", "geo");
        metadata.put("tags", List.of("a", "b"));
        metadata.put("nested", new LinkedHashMap<>(Map.of("level", 2)));
        return new SampleReport("s-1", 7, "What?\r\nReally?", List.of("ctx 1", "ctx <2>"), "Answer.", null,
                metadata, scores);
    }

    @Test
    void should_read_back_the_sample_with_its_nested_details_and_every_outcome_when_appended(@TempDir Path dir)
            throws IOException {
        // given
        SampleReport sample = withEveryOutcome();

        // when
        List<SampleReport> read;
        try (SampleFile file = SampleFile.create(dir)) {
            file.append(sample);
            read = readAll(file);
        }

        // then
        assertThat(read).hasSize(1);
        SampleReport back = read.get(0);
        assertThat(back.id()).isEqualTo("s-1");
        assertThat(back.line()).isEqualTo(7);
        assertThat(back.userInput()).isEqualTo("What?\r\nReally?");
        assertThat(back.retrievedContexts()).containsExactly("ctx 1", "ctx <2>");
        assertThat(back.response()).isEqualTo("Answer.");
        assertThat(back.reference()).isNull();
        assertThat(back.metadata()).isEqualTo(sample.metadata());
        assertThat(back.scores().keySet())
                .containsExactly("faithfulness", "answer_relevancy", "context_recall", "context_precision");
        assertThat(back.scores().values()).extracting(MetricResult::outcome)
                .containsExactly(Outcome.SCORED, Outcome.NOT_APPLICABLE, Outcome.SKIPPED, Outcome.ERROR);
        assertThat(back.scores().values()).extracting(MetricResult::metricId)
                .containsExactly("faithfulness", "answer_relevancy", "context_recall", "context_precision");
        MetricResult faithfulness = back.scores().get("faithfulness");
        assertThat(faithfulness.score()).isEqualTo(0.5);
        assertThat(faithfulness.reason()).isEqualTo("1 of 2");
        assertThat(faithfulness.usage()).isEqualTo(new JudgeUsage(2, 300, 40));
        assertThat(Json.MAPPER.writeValueAsString(faithfulness.details()))
                .isEqualTo(Json.MAPPER.writeValueAsString(Json.plain(sample.scores().get("faithfulness").details())));
        assertThat(faithfulness.details()).containsKeys("statements", "chunks", "note");
        assertThat(back.scores().get("context_recall"))
                .isEqualTo(MetricResult.skipped("context_recall", "missing field: reference"));
        assertThat(back.scores().get("context_precision").reason()).isEqualTo("judge unreachable");
        assertThat(back.scores().get("context_precision").usage()).isEqualTo(new JudgeUsage(1, 5, 0));
    }

    @Test
    void should_write_the_same_json_when_a_sample_is_read_back() {
        // given
        SampleReport sample = withEveryOutcome();

        // when
        String line = SampleLines.write(sample);

        // then
        assertThat(line).doesNotContain("\n", "\r");
        assertThat(SampleLines.write(SampleLines.read(line))).isEqualTo(line);
    }

    @Test
    void should_map_every_lower_case_label_back_to_its_outcome() {
        for (Outcome outcome : Outcome.values()) {
            assertThat(SampleLines.outcome(outcome.label())).isEqualTo(outcome);
        }
        assertThatThrownBy(() -> SampleLines.outcome("SCORED")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_give_the_samples_in_order_on_every_iteration_when_read_again(@TempDir Path dir) {
        // given
        List<SampleReport> samples = SampleRuns.samples();
        try (SampleFile file = SampleFile.create(dir)) {
            samples.forEach(file::append);

            // when
            List<SampleReport> first = readAll(file);
            List<SampleReport> second = readAll(file);

            // then
            assertThat(file.size()).isEqualTo(3);
            assertThat(first).extracting(SampleReport::id).containsExactly("q1", "q2", "q3");
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void should_write_the_golden_json_and_the_same_html_when_the_samples_come_from_the_file(@TempDir Path dir) {
        // given
        RunReport inMemory = SampleRuns.failingReport();
        try (SampleFile file = SampleFile.create(dir)) {
            inMemory.samples().forEach(file::append);
            RunReport fromFile = new RunReport(inMemory.tool(), inMemory.run(), inMemory.metrics(), file,
                    inMemory.gate());

            // when / then
            assertThat(JsonReport.toJson(fromFile)).isEqualTo(JsonReport.toJson(inMemory));
            assertThat(HtmlReport.render(fromFile)).isEqualTo(HtmlReport.render(inMemory));
            assertThat(ConsoleSummary.render(fromFile)).isEqualTo(ConsoleSummary.render(inMemory));
        }
    }

    @Test
    void should_delete_the_file_when_closed(@TempDir Path dir) throws IOException {
        // given
        SampleFile file = SampleFile.create(dir);
        file.append(SampleRuns.samples().get(0));
        Iterator<SampleReport> it = file.iterator();
        it.next();
        assertThat(it.hasNext()).isFalse();

        // when
        file.close();
        file.close();

        // then
        assertThat(file.path()).doesNotExist();
        try (var listing = Files.list(dir)) {
            assertThat(listing).isEmpty();
        }
        assertThatThrownBy(file::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_iterate_nothing_when_no_sample_was_appended() {
        // given
        try (SampleFile file = SampleFile.create(null)) {
            // when / then
            assertThat(file).isEmpty();
            assertThat(file.path().getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        }
    }
}
