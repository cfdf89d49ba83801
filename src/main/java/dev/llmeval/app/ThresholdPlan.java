package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.gate.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Merges thresholds from llmeval.yaml and {@code --threshold} flags; flags win. */
final class ThresholdPlan {

    private ThresholdPlan() {}

    /** @param known the ids a threshold may name: the catalogue's and the custom criteria's */
    static Thresholds merge(Map<String, Double> fromConfig, String configName, List<String> fromFlags,
            MetricPlan plan, List<String> known) {
        return merge(fromConfig, metric -> configName, fromFlags, plan, known);
    }

    /**
     * @param where per metric id of {@code fromConfig}, where its threshold is ({@code file:line})
     * @param known the ids a threshold may name: the catalogue's and the custom criteria's
     */
    static Thresholds merge(Map<String, Double> fromConfig, Function<String, String> where, List<String> fromFlags,
            MetricPlan plan, List<String> known) {
        List<String> configSpecs = new ArrayList<>();
        fromConfig.forEach((metric, min) -> {
            if (!known.contains(metric)) {
                throw new LlmevalException(ExitStatus.INVALID_INPUT, where.apply(metric) + ": 'thresholds." + metric
                        + "': unknown metric (known: " + String.join(", ", known) + ")");
            }
            if (plan.ids().contains(metric)) {
                configSpecs.add(metric + "=" + min);
            }
        });
        Thresholds config = Thresholds.parse(configSpecs, ExitStatus.INVALID_INPUT);
        Thresholds flags = Thresholds.parse(fromFlags, ExitStatus.USAGE);
        for (String metric : flags.minimums().keySet()) {
            if (!plan.ids().contains(metric)) {
                throw new LlmevalException(ExitStatus.USAGE, "--threshold " + metric + "=...: "
                        + (known.contains(metric) ? "this run does not score " + metric
                                : "unknown metric '" + metric + "'")
                        + " (scored: " + String.join(", ", plan.ids()) + ")");
            }
        }
        return config.merge(flags);
    }
}
