package dev.llmeval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.llmeval.gate.GateDecision;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Summaries;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.JudgeUsage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run produced: the model behind report.json, the HTML report and the console
 * summary. Build it with {@link #assemble}.
 *
 * @param metrics metric id to its summary, in the order the metrics were requested
 * @param samples every sample in dataset order; re-iterable, and read lazily when it is a
 *     {@link SampleFile}, so a report need not hold its samples in memory. A {@code List} is
 *     copied.
 */
public record RunReport(
        ToolInfo tool,
        RunInfo run,
        Map<String, MetricReport> metrics,
        @JsonSerialize(using = SamplesSerializer.class) Iterable<SampleReport> samples,
        GateReport gate) {

    public static final String TOOL_NAME = "llmeval";

    public RunReport {
        metrics = Ordered.copy(metrics);
        Objects.requireNonNull(samples, "samples == null");
        if (samples instanceof Collection<SampleReport> collection) {
            samples = List.copyOf(collection);
        }
    }

    /**
     * Assembles the report of a finished run. Metrics come in the requested order (then any
     * summary that was not requested); a requested metric without a summary shows no scores.
     * The run's usage is the sum of the metrics' usage.
     */
    public static RunReport assemble(
            RunContext context,
            Iterable<SampleReport> samples,
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
                context.accounting(),
                context.target(),
                context.baseline());
        return new RunReport(
                new ToolInfo(TOOL_NAME, context.toolVersion()), run, metrics, samples,
                GateReport.of(decision));
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Writes the samples as a JSON array one at a time, never holding them all. */
    static final class SamplesSerializer extends StdSerializer<Iterable<SampleReport>> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("unchecked")
        SamplesSerializer() {
            super((Class<Iterable<SampleReport>>) (Class<?>) Iterable.class);
        }

        @Override
        public void serialize(Iterable<SampleReport> samples, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartArray(samples);
            for (SampleReport sample : samples) {
                provider.defaultSerializeValue(sample, gen);
            }
            gen.writeEndArray();
        }
    }
}
