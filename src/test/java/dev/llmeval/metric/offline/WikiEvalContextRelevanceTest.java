package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.SentenceSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Pairwise accuracy of the offline context_relevance on WikiEval as in the RAGAS paper (GPT-3.5
 * RAGAS: 0.70): the page's introduction (v1) should score above the same introduction padded with
 * less relevant sentences (v2). The thresholds were chosen on questions 00-24; 25-49 are held out.
 */
class WikiEvalContextRelevanceTest {

    private static final Path DATA = Path.of("..", "shared", "datasets", "wikieval", "wikieval_contexts.jsonl");
    private static final int TUNED_ON = 25;

    @Test
    void should_rank_the_ideal_context_above_the_padded_one_when_scoring_wikieval() throws Exception {
        // given
        Assumptions.assumeTrue(Files.exists(DATA), "WikiEval contexts not found at " + DATA.toAbsolutePath());
        Pairs pairs = Pairs.load(DATA);
        Metric metric = OfflineMetrics.create(new AllMiniLmL6V2EmbeddingModel(), List.of("context_relevance")).get(0);
        List<EvaluatedSample> ideal = pairs.samples("v1");
        List<EvaluatedSample> padded = pairs.samples("v2");

        // when
        int n = ideal.size();
        double[] v1 = new double[n];
        double[] v2 = new double[n];
        int right = 0;
        int rightTuned = 0;
        int ties = 0;
        int fewerSentences = 0;
        for (int i = 0; i < n; i++) {
            v1[i] = value(metric.score(ideal.get(i)));
            v2[i] = value(metric.score(padded.get(i)));
            if (v1[i] > v2[i]) {
                right++;
                rightTuned += i < TUNED_ON ? 1 : 0;
            }
            ties += v1[i] == v2[i] ? 1 : 0;
            fewerSentences += sentences(ideal.get(i)) < sentences(padded.get(i)) ? 1 : 0;
        }
        double accuracy = (double) right / n;

        // then
        Pairs.report("wikieval-context-relevance", String.format(Locale.ROOT,
                "WikiEval contexts (%d questions, %s)%n"
                        + "context_relevance v1 > v2: %.2f (RAGAS paper, GPT-3.5: 0.70); ties %d%n"
                        + "  questions 00-%02d (thresholds chosen here): %.2f; questions %02d-%02d (held out): %.2f%n"
                        + "mean score v1 %.3f, v2 %.3f%n"
                        + "baseline 'fewer sentences is better', v1 > v2: %.2f (v2 is v1 plus padding in every pair)",
                n, OfflineMetrics.method(), accuracy, ties, TUNED_ON - 1, (double) rightTuned / TUNED_ON,
                TUNED_ON, n - 1, (double) (right - rightTuned) / (n - TUNED_ON),
                mean(v1), mean(v2), (double) fewerSentences / n));
        assertThat(n).isEqualTo(50);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.85);
    }

    private static double value(MetricResult r) {
        return r.score() == null ? -1 : r.score();
    }

    private static int sentences(EvaluatedSample s) {
        return s.contexts().stream().mapToInt(c -> SentenceSplitter.split(c).size()).sum();
    }

    private static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }
}
