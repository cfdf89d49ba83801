package dev.llmeval.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Settings read from an {@code llmeval.yaml}; every field is {@code null} (or empty) when the
 * file does not set it, so that flags can fill or override it.
 *
 * @param source the file these settings came from, or {@code null} when there was none
 */
public record EvalConfig(
        Path source,
        String judgeKind,
        String judgeModel,
        String judgeBaseUrl,
        List<String> metrics,
        Map<String, Double> thresholds) {

    public static final EvalConfig EMPTY = new EvalConfig(null, null, null, null, List.of(), Map.of());

    public EvalConfig {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }
}
