package dev.llmeval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaselineTest {

    private static final String REPORT = """
            {
              "tool": {"name": "llmeval", "version": "0.1.0"},
              "run": {"metrics_requested": ["faithfulness", "context_recall"]},
              "metrics": {
                "faithfulness": {"mean": 0.75, "scored": 2, "not_applicable": 1, "skipped": 0, "errors": 0},
                "context_recall": {"mean": null, "scored": 0, "not_applicable": 0, "skipped": 2, "errors": 1}
              },
              "samples": [
                {"id": "q1", "line": 1, "scores": {
                  "faithfulness": {"score": 1.0, "outcome": "scored", "reason": "", "details": {}},
                  "context_recall": {"score": null, "outcome": "skipped", "reason": "no reference"}}},
                {"id": "q2", "line": 2, "scores": {
                  "faithfulness": {"score": null, "outcome": "not_applicable", "reason": ""},
                  "context_recall": {"score": null, "outcome": "error", "reason": "judge failed"}}},
                {"id": "q3", "line": 3, "scores": {
                  "faithfulness": {"score": 0.5, "outcome": "scored", "reason": ""},
                  "context_recall": {"score": null, "outcome": "skipped", "reason": "no reference"}}}
              ],
              "gate": {"passed": true, "failures": []}
            }
            """;

    @TempDir
    Path dir;

    @Test
    void should_read_scored_samples_and_means_when_the_report_is_valid() throws IOException {
        // given
        Path report = write("report.json", REPORT);

        // when
        Baseline baseline = Baseline.read(report);

        // then
        assertThat(baseline.scores().keySet()).containsExactly("faithfulness", "context_recall");
        assertThat(baseline.scores("faithfulness")).containsExactly(entry("q1", 1.0), entry("q3", 0.5));
        assertThat(baseline.scores("context_recall")).isEmpty();
        assertThat(baseline.scores("answer_relevancy")).isEmpty();
        assertThat(baseline.means()).containsExactly(entry("faithfulness", 0.75));
        assertThat(baseline.mean("faithfulness")).contains(0.75);
        assertThat(baseline.mean("context_recall")).isEmpty();
        assertThat(baseline.metrics()).containsExactly("faithfulness", "context_recall");
    }

    @Test
    void should_fail_with_the_file_name_when_the_file_is_missing() {
        // given
        Path missing = dir.resolve("nope.json");

        // when / then
        assertThatThrownBy(() -> Baseline.read(missing))
                .isInstanceOfSatisfying(LlmevalException.class,
                        e -> assertThat(e.status()).isEqualTo(ExitStatus.INVALID_INPUT))
                .hasMessage(missing + ": no such file");
    }

    @Test
    void should_fail_when_the_path_is_a_directory() {
        assertThatThrownBy(() -> Baseline.read(dir))
                .isInstanceOf(LlmevalException.class)
                .hasMessage(dir + ": is a directory, not a report.json");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"tool": {"name": "llmeval"}, "metrics": {                                  | not valid JSON at line
            {"tool": {"name": "llmeval"}, "metrics": {}, "samples": []} trailing        | not valid JSON at line
            {"tool": {"name": "llmeval"}, "tool": {}, "metrics": {}, "samples": []}     | not valid JSON at line
            [1, 2]                                                                      | not an llmeval report (expected a JSON object)
            {"tool": {"name": "ragas"}, "metrics": {}, "samples": []}                   | not an llmeval report (no "tool": {"name": "llmeval"})
            {"metrics": {}, "samples": []}                                              | not an llmeval report (no "tool": {"name": "llmeval"})
            {"tool": {"name": "llmeval"}, "samples": []}                                | not an llmeval report ("metrics" is not an object)
            {"tool": {"name": "llmeval"}, "metrics": {}, "samples": {}}                 | not an llmeval report ("samples" is not an array)
            {"tool": {"name": "llmeval"}, "metrics": {"f": {"mean": "x"}}, "samples": []} | metrics.f.mean is not a number
            {"tool": {"name": "llmeval"}, "metrics": {"f": {"mean": 1.5}}, "samples": []} | metrics.f.mean is 1.5, not in [0, 1]
            {"tool": {"name": "llmeval"}, "metrics": {}, "samples": [{"scores": {}}]}   | samples[0].id is missing or not a string
            {"tool": {"name": "llmeval"}, "metrics": {}, "samples": [{"id": "a"}, {"id": "a"}]} | samples[1]: duplicate sample id 'a'
            {"tool": {"name": "llmeval"}, "metrics": {}, "samples": [{"id": "a", "scores": {"f": {"score": 1}}}]} | samples[0].scores.f.outcome is missing or not a string
            {"tool": {"name": "llmeval"}, "metrics": {}, "samples": [{"id": "a", "scores": {"f": {"outcome": "scored", "score": null}}}]} | samples[0].scores.f: a scored outcome needs a numeric score
            {"tool": {"name": "llmeval"}, "metrics": {}, "samples": [{"id": "a", "scores": {"f": {"outcome": "scored", "score": -0.1}}}]} | samples[0].scores.f.score is -0.1, not in [0, 1]
            """)
    void should_fail_with_one_line_when_the_file_is_not_an_llmeval_report(String json, String problem)
            throws IOException {
        // given
        Path report = write("bad.json", json);

        // when / then
        assertThatThrownBy(() -> Baseline.read(report))
                .isInstanceOfSatisfying(LlmevalException.class,
                        e -> assertThat(e.status()).isEqualTo(ExitStatus.INVALID_INPUT))
                .hasMessageStartingWith(report + ": " + problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void should_fail_when_the_file_is_empty() throws IOException {
        // given
        Path report = write("empty.json", "");

        // when / then
        assertThatThrownBy(() -> Baseline.read(report))
                .isInstanceOf(LlmevalException.class)
                .hasMessage(report + ": not valid JSON (the file is empty)");
    }

    @Test
    void should_compute_means_from_the_scores_when_built_with_of() {
        // given
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        scores.put("faithfulness", Map.of("a", 0.5, "b", 1.0));
        scores.put("context_recall", Map.of());

        // when
        Baseline baseline = Baseline.of(scores);

        // then
        assertThat(baseline.means()).containsExactly(entry("faithfulness", 0.75));
        assertThat(baseline.scores("context_recall")).isEmpty();
        assertThatThrownBy(() -> baseline.scores().put("x", Map.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void should_reject_a_score_outside_the_unit_interval_when_built_in_code() {
        assertThatThrownBy(() -> Baseline.of(Map.of("f", Map.of("a", 1.5))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Path write(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return path;
    }
}
