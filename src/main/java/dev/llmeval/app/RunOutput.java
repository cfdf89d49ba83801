package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.dataset.Dataset;
import dev.llmeval.gate.Gate;
import dev.llmeval.gate.GateDecision;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.report.Accounting;
import dev.llmeval.report.ConsoleSummary;
import dev.llmeval.report.DatasetInfo;
import dev.llmeval.report.HtmlReport;
import dev.llmeval.report.JsonReport;
import dev.llmeval.report.JudgeInfo;
import dev.llmeval.report.RunContext;
import dev.llmeval.report.RunReport;
import dev.llmeval.report.SampleReport;
import dev.llmeval.report.TargetSummary;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The gate decision and the report of a scored run, and where they are written. */
record RunOutput(RunReport report) {

    /**
     * @param samples every sample's report in dataset order, read when the reports are written
     * @param summaries one per metric, in metric order
     */
    static RunOutput build(String version, Instant started, Instant finished, JudgeSetup judge,
            String embeddingsModel, Dataset dataset, List<String> metricIds, Iterable<SampleReport> samples,
            List<MetricSummary> summaries, Thresholds thresholds, String stopped, Accounting accounting,
            TargetSummary target) {
        GateDecision decision = Gate.decide(summaries, thresholds);
        RunContext context = new RunContext(version, started, finished,
                new JudgeInfo(judge.kind(), judge.model(), judge.method(), judge.baseUrl()), embeddingsModel,
                new DatasetInfo(dataset.path().toString(), dataset.sha256(),
                        dataset.format().name().toLowerCase(Locale.ROOT), dataset.samples().size()),
                metricIds, judge.promptHashes(), stopped, accounting, target);
        return new RunOutput(RunReport.assemble(context, samples, summaries, thresholds, decision));
    }

    boolean passed() {
        return report.gate().passed();
    }

    String console() {
        return ConsoleSummary.render(report);
    }

    /** Writes report.json and report.html into {@code dir}; returns their paths. */
    List<Path> write(Path dir) {
        Path json = dir.resolve("report.json");
        Path html = dir.resolve("report.html");
        try {
            JsonReport.write(report, json);
            HtmlReport.write(report, html);
        } catch (UncheckedIOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, "cannot write the report: " + e.getMessage(), e);
        }
        return List.of(json, html);
    }
}
