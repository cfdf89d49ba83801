package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.metric.MetricCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which metrics a run scores, and whether the user named them (then a sample lacking a field a
 * metric needs is an error) or took the defaults (then that sample × metric is skipped).
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
     */
    static MetricPlan choose(List<String> fromFlags, List<String> fromConfig, String configName,
            boolean anyReference) {
        if (fromFlags != null && !fromFlags.isEmpty()) {
            return new MetricPlan(validated(fromFlags, "--metrics", ExitStatus.USAGE), true);
        }
        if (!fromConfig.isEmpty()) {
            return new MetricPlan(validated(fromConfig, configName + ": 'metrics'", ExitStatus.INVALID_INPUT), true);
        }
        String precision = anyReference ? "context_precision" : "context_utilization";
        return new MetricPlan(List.of("faithfulness", "answer_relevancy", precision, "context_recall"), false);
    }

    private static List<String> validated(List<String> names, String where, ExitStatus status) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String name : names) {
            String id = name.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!KNOWN.contains(id)) {
                throw new LlmevalException(status,
                        where + ": unknown metric '" + id + "' (known: " + String.join(", ", KNOWN) + ")");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new LlmevalException(status, where + ": no metric named");
        }
        return new ArrayList<>(ids);
    }
}
