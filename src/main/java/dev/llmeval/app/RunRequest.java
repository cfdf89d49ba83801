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
        String csvDelimiter,
        List<String> columnMap,
        List<String> metrics,
        List<String> thresholds,
        JudgeFlags judge,
        LimitFlags limits,
        CacheFlags cache,
        TargetFlags target,
        GateFlags gate,
        TrustFlags trust,
        boolean dryRun,
        boolean quiet,
        Path promptsDir,
        Path config,
        Path out,
        List<String> reportFormats) {

    public RunRequest {
        columnMap = columnMap == null ? List.of() : List.copyOf(columnMap);
        metrics = metrics == null ? null : List.copyOf(metrics);
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        reportFormats = reportFormats == null ? List.of() : List.copyOf(reportFormats);
        judge = judge == null ? new JudgeFlags(null, null, null, null, null, null, false) : judge;
        limits = limits == null ? new LimitFlags(null, null, null, null) : limits;
        cache = cache == null ? new CacheFlags(null, false, false) : cache;
        target = target == null ? TargetFlags.NONE : target;
        gate = gate == null ? new GateFlags(null, List.of(), false, null) : gate;
        trust = trust == null ? new TrustFlags(List.of(), false) : trust;
    }

    /** {@code --allow-host} (repeatable) and {@code --allow-config-commands}. */
    public record TrustFlags(List<String> allowHosts, boolean allowConfigCommands) {
        public TrustFlags {
            allowHosts = allowHosts == null ? List.of() : List.copyOf(allowHosts);
        }
    }

    /** {@code --judge*}, {@code --embeddings*} and {@code --per-chunk}. */
    public record JudgeFlags(String provider, String model, String baseUrl, Integer timeoutSeconds,
            String embeddings, String embeddingModel, boolean perChunk) {}

    /** {@code --concurrency}, {@code --rpm}, {@code --max-errors}, {@code --max-cost}. */
    public record LimitFlags(Integer concurrency, Integer rpm, Integer maxErrors, Double maxCost) {}

    /** {@code --target*}, {@code --docs}, {@code --save-responses}, {@code --max-target-errors}. */
    public record TargetFlags(String kind, String url, String method, String body, String answer, String contexts,
            String contextIds, List<String> headers, String command, String className, String classpath, Path docs,
            Integer timeoutSeconds, Integer concurrency, Integer maxErrors, Path saveResponses) {

        public static final TargetFlags NONE =
                new TargetFlags(null, null, null, null, null, null, null, List.of(), null, null, null, null, null, null,
                        null, null);

        public TargetFlags {
            headers = headers == null ? List.of() : List.copyOf(headers);
        }
    }

    /** {@code --baseline}, {@code --max-drop}, {@code --significant-only}, {@code --pass-rate}. */
    public record GateFlags(Path baseline, List<String> maxDrops, boolean significantOnly, Double passRate) {
        public GateFlags {
            maxDrops = maxDrops == null ? List.of() : List.copyOf(maxDrops);
        }
    }

    /** {@code --cache-dir}, {@code --no-cache}, {@code --cache-only}. */
    public record CacheFlags(Path dir, boolean off, boolean only) {}
}
