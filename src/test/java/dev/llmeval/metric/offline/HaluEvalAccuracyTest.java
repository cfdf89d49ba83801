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

/** Pairwise faithfulness accuracy on 1,000 HaluEval QA pairs (lexical word share: 0.845). */
class HaluEvalAccuracyTest {

    private static final Path DATA =
            Path.of("..", "shared", "datasets", "halueval_qa", "halueval_qa_1000.jsonl");

    @Test
    void should_rank_faithful_answers_higher_when_scoring_halueval() throws Exception {
        // given
        Assumptions.assumeTrue(Files.exists(DATA), "HaluEval not found at " + DATA.toAbsolutePath());
        Pairs pairs = Pairs.load(DATA);
        Metric faithfulness = OfflineMetrics.create(new AllMiniLmL6V2EmbeddingModel(),
                List.of("faithfulness")).get(0);

        // when
        double accuracy = pairs.accuracy(faithfulness, "faithful", "hallucinated");

        // then
        Pairs.report("halueval", String.format(Locale.ROOT,
                "HaluEval QA (%d questions, %s)%n"
                        + "faithfulness faithful > hallucinated: %.3f (lexical word share 0.845)",
                pairs.questions(), OfflineMetrics.method(), accuracy));
        assertThat(accuracy).isGreaterThanOrEqualTo(0.83);
    }
}
