package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.metric.MetricCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which metrics a run scores, and whether the user named them (then a sample lacking a field a
 * metric needs is an error) or took the defaults (then that sample × metric is skipped). The
 * defaults are the four RAGAS metrics plus every custom criterion of llmeval.yaml.
 */
record MetricPlan(List<String> ids, boolean explicit) {

    static final List<String> KNOWN = MetricCatalog.ids();

    MetricPlan {
        ids = List.copyOf(ids);
    }

    /**
     * @param fromFlags {@code --metrics}, or null
     * @param fromConfig {@code metrics:} of llmeval.yaml, possibly empty
     * @param configName the config file's name for messages
     * @param anyReference whether any sample has a reference (else context_utilization replaces
     *     context_precision among the defaults)
     * @param criteria the ids of the custom criteria: known, and scored by default
     */
    static MetricPlan choose(List<String> fromFlags, List<String> fromConfig, String configName,
            boolean anyReference, List<String> criteria) {
        List<String> known = known(criteria);
        if (fromFlags != null && !fromFlags.isEmpty()) {
            return new MetricPlan(validated(fromFlags, "--metrics", ExitStatus.USAGE, known), true);
        }
        if (!fromConfig.isEmpty()) {
            return new MetricPlan(
                    validated(fromConfig, configName + ": 'metrics'", ExitStatus.INVALID_INPUT, known), true);
        }
        String precision = anyReference ? "context_precision" : "context_utilization";
        List<String> ids = new ArrayList<>(List.of("faithfulness", "answer_relevancy", precision, "context_recall"));
        ids.addAll(criteria);
        return new MetricPlan(ids, false);
    }

    /** The catalogue's ids followed by the criteria's. */
    static List<String> known(List<String> criteria) {
        List<String> known = new ArrayList<>(KNOWN);
        known.addAll(criteria);
        return List.copyOf(known);
    }

    private static List<String> validated(List<String> names, String where, ExitStatus status, List<String> known) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String name : names) {
            String id = name.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!known.contains(id)) {
                throw new LlmevalException(status,
                        where + ": unknown metric '" + id + "' (known: " + String.join(", ", known) + ")");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new LlmevalException(status, where + ": no metric named");
        }
        return new ArrayList<>(ids);
    }
}
