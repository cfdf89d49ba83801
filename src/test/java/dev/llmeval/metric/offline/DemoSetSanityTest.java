package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sanity check on the bundled demo set (product documentation, a different domain from the
 * WikiEval/HaluEval benchmarks): good answers score high, the planted failures score low.
 */
class DemoSetSanityTest {

    private static final Path DEMO = Path.of("golden-sets", "demo.jsonl");

    private record Row(String kind, double faithfulness, double relevancy, double recall) {}

    private static final List<Row> ROWS = new ArrayList<>();

    @BeforeAll
    static void score() throws Exception {
        List<Metric> metrics = OfflineMetrics.create(new AllMiniLmL6V2EmbeddingModel(),
                List.of("faithfulness", "answer_relevancy", "context_recall"));
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(DEMO)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            List<String> contexts = new ArrayList<>();
            n.path("retrieved_contexts").forEach(c -> contexts.add(c.asText()));
            EvaluatedSample s = new EvaluatedSample(n.get("id").asText(), n.get("user_input").asText(),
                    n.get("response").asText(), contexts, n.get("reference").asText());
            ROWS.add(new Row(n.path("metadata").path("kind").asText(),
                    metrics.get(0).score(s).score(), metrics.get(1).score(s).score(),
                    metrics.get(2).score(s).score()));
        }
        Map<String, String> means = new LinkedHashMap<>();
        for (String kind : List.of("good", "unfaithful", "evasive", "off_topic", "noisy_retrieval")) {
            means.put(kind, String.format(Locale.ROOT, "faithfulness %.2f, relevancy %.2f, recall %.2f",
                    mean(kind, Row::faithfulness), mean(kind, Row::relevancy), mean(kind, Row::recall)));
        }
        System.out.println("demo set: " + means + String.format(Locale.ROOT,
                ", overall faithfulness %.2f", ROWS.stream().mapToDouble(Row::faithfulness).average().orElse(0)));
    }

    private static double mean(String kind, java.util.function.ToDoubleFunction<Row> f) {
        return ROWS.stream().filter(r -> r.kind().equals(kind)).mapToDouble(f).average().orElseThrow();
    }

    @Test
    void should_find_good_answers_faithful_when_scoring_the_demo_set() {
        assertThat(ROWS).hasSize(20);
        assertThat(mean("good", Row::faithfulness)).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void should_score_each_unfaithful_answer_clearly_lower_when_scoring_the_demo_set() {
        assertThat(ROWS.stream().filter(r -> r.kind().equals("unfaithful")))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.faithfulness()).isLessThan(0.7));
    }

    @Test
    void should_score_evasive_and_off_topic_answers_less_relevant_when_scoring_the_demo_set() {
        double good = mean("good", Row::relevancy);
        assertThat(mean("evasive", Row::relevancy)).isEqualTo(0.0);
        assertThat(mean("off_topic", Row::relevancy)).isLessThan(good - 0.2);
    }

    @Test
    void should_recall_the_good_references_when_scoring_the_demo_set() {
        assertThat(mean("good", Row::recall)).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void should_pass_the_readme_gate_but_not_a_perfect_one_when_scoring_the_demo_set() {
        double overall = ROWS.stream().mapToDouble(Row::faithfulness).average().orElseThrow();
        assertThat(overall).isGreaterThanOrEqualTo(0.75).isLessThan(0.99);
    }
}
