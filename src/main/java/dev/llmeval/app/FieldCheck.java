package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.dataset.Dataset;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.SampleField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks, before any judge call, that each sample has the fields its metrics need. A missing
 * question or response is an error; a missing field of a metric the user named is an error; a
 * missing field of a default metric skips that sample × metric.
 */
final class FieldCheck {

    private FieldCheck() {}

    /**
     * @param supplied fields that the RAG system under test will supply (response, contexts)
     * @return the skipped results, by sample index and then metric id
     */
    static Map<Integer, Map<String, MetricResult>> check(Dataset dataset, SampleFacts samples,
            List<Metric> metrics, boolean explicit, Set<SampleField> supplied) {
        List<String> problems = new ArrayList<>();
        Map<Integer, Map<String, MetricResult>> skipped = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            for (Metric metric : metrics) {
                for (SampleField field : metric.requires()) {
                    if (samples.has(i, field) || supplied.contains(field)) {
                        continue;
                    }
                    if (explicit || field == SampleField.QUESTION || field == SampleField.ANSWER) {
                        problems.add(dataset.location(i) + ": field '" + field.columnName() + "' is missing"
                                + why(field, metric.id(), explicit));
                    } else {
                        skipped.computeIfAbsent(i, k -> new HashMap<>()).putIfAbsent(metric.id(),
                                MetricResult.skipped(metric.id(), "the sample has no '" + field.columnName() + "'"));
                    }
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more missing fields)";
            throw new LlmevalException(ExitStatus.INVALID_INPUT, problems.get(0) + more);
        }
        return skipped;
    }

    private static String why(SampleField field, String metricId, boolean explicit) {
        return switch (field) {
            case QUESTION -> "; every metric needs the question";
            case ANSWER -> "; " + metricId + " scores the response stored in the golden set";
            default -> "; " + metricId + " needs it" + (explicit ? " (requested explicitly)" : "");
        };
    }
}
