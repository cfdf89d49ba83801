package dev.llmeval.report;

import dev.llmeval.gate.GateDecision;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Summaries;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.JudgeUsage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run produced: the model behind report.json, the HTML report and the console
 * summary. Build it with {@link #assemble}.
 *
 * @param metrics metric id to its summary, in the order the metrics were requested
 */
public record RunReport(
        ToolInfo tool,
        RunInfo run,
        Map<String, MetricReport> metrics,
        List<SampleReport> samples,
        GateReport gate) {

    public static final String TOOL_NAME = "llmeval";

    public RunReport {
        metrics = Ordered.copy(metrics);
        samples = List.copyOf(samples);
    }

    /**
     * Assembles the report of a finished run. Metrics come in the requested order (then any
     * summary that was not requested); a requested metric without a summary shows no scores.
     * The run's usage is the sum of the metrics' usage.
     */
    public static RunReport assemble(
            RunContext context,
            List<SampleReport> samples,
            List<MetricSummary> summaries,
            Thresholds thresholds,
            GateDecision decision) {
        Map<String, MetricSummary> byId = new LinkedHashMap<>();
        context.metricsRequested().forEach(id -> byId.put(id, Summaries.of(id, List.of())));
        summaries.forEach(s -> byId.put(s.metricId(), s));

        Map<String, MetricReport> metrics = new LinkedHashMap<>();
        JudgeUsage usage = JudgeUsage.NONE;
        for (MetricSummary s : byId.values()) {
            Double threshold = thresholds.minimum(s.metricId()).orElse(null);
            Boolean passed = threshold == null ? null : !decision.failed(s.metricId());
            metrics.put(s.metricId(), new MetricReport(
                    s.mean(), s.scored(), s.notApplicable(), s.skipped(), s.errors(),
                    threshold, passed, s.usage(),
                    context.accounting().costByMetric().getOrDefault(s.metricId(), 0.0)));
            usage = usage.plus(s.usage());
        }
        RunInfo run = new RunInfo(
                iso(context.started()),
                iso(context.finished()),
                Duration.between(context.started(), context.finished()).toMillis(),
                context.judge(),
                new EmbeddingsInfo(context.embeddingsModel()),
                context.dataset(),
                context.metricsRequested(),
                context.promptHashes(),
                usage,
                context.stopped(),
                context.accounting());
        return new RunReport(
                new ToolInfo(TOOL_NAME, context.toolVersion()), run, metrics, samples,
                GateReport.of(decision));
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
