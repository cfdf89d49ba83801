package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.llmeval.metric.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Pairwise accuracy on WikiEval as in the RAGAS paper (GPT-3.5 RAGAS: 0.95 and 0.78). */
class WikiEvalAccuracyTest {

    private static final Path DATA = Path.of("..", "shared", "datasets", "wikieval", "wikieval.jsonl");

    @Test
    void should_rank_better_answers_higher_when_scoring_wikieval() throws Exception {
        // given
        Assumptions.assumeTrue(Files.exists(DATA), "WikiEval not found at " + DATA.toAbsolutePath());
        Pairs pairs = Pairs.load(DATA);
        List<Metric> metrics = OfflineMetrics.create(new AllMiniLmL6V2EmbeddingModel(),
                List.of("faithfulness", "answer_relevancy", "context_recall"));

        // when
        double faithfulness = pairs.accuracy(metrics.get(0), "good", "ungrounded");
        double relevancy = pairs.accuracy(metrics.get(1), "good", "poor");
        double lengthOnly = pairs.lengthAccuracy("good", "poor");
        int lengthFails = pairs.countWhereLengthFails("good", "poor");
        double relevancyWhereLengthFails = pairs.accuracyWhereLengthFails(metrics.get(1), "good", "poor");
        double recall = pairs.samples("good").stream()
                .mapToDouble(s -> metrics.get(2).score(s).score()).average().orElse(0);

        // then
        Pairs.report("wikieval", String.format(Locale.ROOT,
                "WikiEval (%d questions, %s)%n"
                        + "faithfulness good > ungrounded: %.2f (RAGAS paper 0.95)%n"
                        + "answer_relevancy good > poor: %.2f (RAGAS paper 0.78)%n"
                        + "answer length alone, good > poor: %.2f%n"
                        + "answer_relevancy on the %d pairs where the poor answer is not shorter: %.2f"
                        + " (length alone: 0.00)%n"
                        + "mean context_recall of the good answers (as reference) vs their context: %.2f",
                pairs.questions(), OfflineMetrics.method(), faithfulness, relevancy, lengthOnly,
                lengthFails, relevancyWhereLengthFails, recall));
        assertThat(faithfulness).isGreaterThanOrEqualTo(0.90);
        assertThat(relevancy).isGreaterThanOrEqualTo(0.75);
    }
}
