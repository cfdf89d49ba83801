package dev.llmeval.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user asked {@code llmeval run} for, as parsed from flags; {@code null} means "not
 * given", so that {@code llmeval.yaml} or the defaults apply.
 */
public record RunRequest(
        Path dataset,
        String format,
        List<String> columnMap,
        List<String> metrics,
        List<String> thresholds,
        String judge,
        String judgeModel,
        String judgeBaseUrl,
        int judgeTimeoutSeconds,
        String embeddings,
        String embeddingModel,
        int concurrency,
        Integer maxErrors,
        boolean quiet,
        Path promptsDir,
        Path config,
        Path out) {

    public RunRequest {
        columnMap = columnMap == null ? List.of() : List.copyOf(columnMap);
        metrics = metrics == null ? null : List.copyOf(metrics);
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    }
}
