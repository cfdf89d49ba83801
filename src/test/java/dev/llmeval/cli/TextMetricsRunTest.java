package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** String- and id-based metrics scored end to end by the offline judge; every expected value is worked out by hand. */
class TextMetricsRunTest {

    private static final String GOLDEN = """
            {"id": "same", "user_input": "What is the capital of France?", "response": "Paris is the capital of France.", "reference": "Paris is the capital of France.", "retrieved_context_ids": ["d1", "d2"], "reference_context_ids": ["d1"]}
            {"id": "reworded", "user_input": "What is the capital of France?", "response": "The capital is Paris.", "reference": "Paris is the capital of France.", "retrieved_context_ids": ["d3"], "reference_context_ids": ["d1"]}
            {"id": "japanese", "user_input": "日本の首都は?", "response": "東京は日本の首都です。", "reference": "日本の首都は東京です。", "retrieved_context_ids": [], "reference_context_ids": ["d2"]}
            """;

    @TempDir
    Path dir;

    @Test
    void should_score_string_and_id_metrics_offline_with_the_exact_values() throws IOException {
        // given
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), GOLDEN);

        // when
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString(),
                "--metrics", "exact_match,bleu,rouge_l,id_context_precision", "--out", dir.resolve("out").toString(),
                "--quiet");

        // then
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertThat(report.at("/run/judge/kind").asText()).isEqualTo("offline");

        // exact_match: only the first response is the reference, character for character
        assertThat(scores(report, "exact_match")).containsExactly(1.0, 0.0, 0.0);
        assertThat(report.at("/metrics/exact_match/mean").asDouble()).isCloseTo(1.0 / 3, within(1e-9));

        // bleu: "The capital is Paris ." against "Paris is the capital of France ." has precisions 4/5 and,
        // smoothed, 1/8, 1/12, 1/16, with BP = exp(1 − 7/5) (sacreBLEU: 10.13); the Japanese pair has
        // precisions 11/11, 7/10, 4/9, 2/8 (sacreBLEU on the characters: 52.81)
        double[] bleu = scores(report, "bleu");
        assertThat(bleu[0]).isEqualTo(1.0);
        assertThat(bleu[1]).isCloseTo(Math.exp(-0.4) * Math.pow(4.0 / 5 / 8 / 12 / 16, 0.25), within(1e-9));
        assertThat(bleu[2]).isCloseTo(Math.pow(7.0 / 90, 0.25), within(1e-9));

        // rouge_l: LCS "the capital" of 4 and 6 words gives F = 0.4; 日本の首都です is 7 of 10 characters each way
        double[] rouge = scores(report, "rouge_l");
        assertThat(rouge[0]).isEqualTo(1.0);
        assertThat(rouge[1]).isCloseTo(0.4, within(1e-9));
        assertThat(rouge[2]).isCloseTo(0.7, within(1e-9));
        assertThat(report.at("/metrics/rouge_l/mean").asDouble()).isCloseTo(0.7, within(1e-9));

        // id_context_precision: 1 of 2, then 0 of 1; no retrieved id in the third sample: not applicable
        JsonNode third = report.at("/samples/2/scores/id_context_precision");
        assertThat(third.path("outcome").asText()).isEqualTo("not_applicable");
        assertThat(third.path("reason").asText()).isEqualTo("no context id was retrieved");
        assertThat(report.at("/samples/0/scores/id_context_precision/score").asDouble()).isEqualTo(0.5);
        assertThat(report.at("/samples/1/scores/id_context_precision/score").asDouble()).isZero();
        assertThat(report.at("/metrics/id_context_precision/mean").asDouble()).isEqualTo(0.25);
        assertThat(report.at("/metrics/id_context_precision/scored").asInt()).isEqualTo(2);
    }

    @Test
    void should_apply_metric_options_from_llmeval_yaml() throws IOException {
        // given
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), """
                {"id": "s1", "user_input": "Capital?", "response": "  PARIS ", "reference": "Paris"}
                """);
        Files.writeString(dir.resolve("llmeval.yaml"), """
                metrics: [exact_match, rouge_l]
                metric-options:
                  exact_match: {ignore-case: true, ignore-whitespace: true}
                  rouge_l: {mode: precision}
                """);

        // when
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString(),
                "--out", dir.resolve("out").toString(), "--quiet");

        // then
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertThat(report.at("/samples/0/scores/exact_match/score").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/samples/0/scores/exact_match/reason").asText()).endsWith("(ignoring case and whitespace)");
        assertThat(report.at("/samples/0/scores/rouge_l/details/mode").asText()).isEqualTo("precision");
    }

    @Test
    void should_exit_3_naming_file_line_and_option_when_a_text_metric_option_is_bad() throws IOException {
        // given
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), """
                {"id": "s1", "user_input": "Capital?", "response": "Paris", "reference": "Paris"}
                """);
        Files.writeString(dir.resolve("llmeval.yaml"), """
                metrics: [string_similarity]
                metric-options:
                  string_similarity:
                    measure: cosine
                """);

        // when
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString());

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("llmeval.yaml:4: metric-options.string_similarity.measure: expected one of "
                + "levenshtein, hamming, jaro, jaro_winkler, got 'cosine'");
    }

    private static double[] scores(JsonNode report, String metric) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            JsonNode score = report.at("/samples/" + i + "/scores/" + metric);
            assertThat(score.path("outcome").asText()).as(metric + " sample " + i).isEqualTo("scored");
            out[i] = score.path("score").asDouble();
        }
        return out;
    }
}
