package dev.llmeval.metric;

import static dev.llmeval.metric.SampleField.ANSWER;
import static dev.llmeval.metric.SampleField.CONTEXTS;
import static dev.llmeval.metric.SampleField.QUESTION;
import static dev.llmeval.metric.SampleField.REFERENCE;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every built-in metric, in the order {@code llmeval metrics} and the docs list them. */
public final class MetricCatalog {

    private static final List<MetricInfo> ALL = List.of(
            new MetricInfo(Faithfulness.ID, Set.of(QUESTION, ANSWER, CONTEXTS), true, "2", true,
                    "share of the response's statements that the retrieved contexts support"),
            new MetricInfo(AnswerRelevancy.ID, Set.of(QUESTION, ANSWER), true, "1", true,
                    "how well questions generated from the response match the question (embeddings)"),
            new MetricInfo(ContextPrecision.PRECISION_ID, Set.of(QUESTION, CONTEXTS, REFERENCE), true, "1 (K per chunk)",
                    true, "mean precision@k of the retrieved chunks useful for the reference"),
            new MetricInfo(ContextPrecision.UTILIZATION_ID, Set.of(QUESTION, ANSWER, CONTEXTS), true,
                    "1 (K per chunk)", true, "context precision judged against the response instead of a reference"),
            new MetricInfo(ContextRecall.ID, Set.of(QUESTION, CONTEXTS, REFERENCE), true, "1", true,
                    "share of the reference's statements that the retrieved contexts support"));

    private MetricCatalog() {}

    public static List<MetricInfo> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(MetricInfo::id).toList();
    }

    public static Optional<MetricInfo> find(String id) {
        return ALL.stream().filter(info -> info.id().equals(id)).findFirst();
    }

    /** False only for a known metric where lower scores are better; unknown ids count as higher-is-better. */
    public static boolean higherIsBetter(String id) {
        return find(id).map(MetricInfo::higherIsBetter).orElse(true);
    }
}
