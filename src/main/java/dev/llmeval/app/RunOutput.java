package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.dataset.Dataset;
import dev.llmeval.dataset.GoldenSample;
import dev.llmeval.gate.Gate;
import dev.llmeval.gate.GateDecision;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Summaries;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.report.Accounting;
import dev.llmeval.report.ConsoleSummary;
import dev.llmeval.report.DatasetInfo;
import dev.llmeval.report.HtmlReport;
import dev.llmeval.report.JsonReport;
import dev.llmeval.report.JudgeInfo;
import dev.llmeval.report.RunContext;
import dev.llmeval.report.RunReport;
import dev.llmeval.report.SampleReport;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The gate decision and the report of a scored run, and where they are written. */
record RunOutput(RunReport report) {

    static RunOutput build(String version, Instant started, Instant finished, JudgeSetup judge,
            String embeddingsModel, Dataset dataset, List<String> metricIds,
            List<Map<String, MetricResult>> results, Thresholds thresholds, String stopped, Accounting accounting) {
        List<SampleReport> samples = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            GoldenSample s = dataset.samples().get(i);
            samples.add(new SampleReport(s.id(), s.line(), s.userInput(), s.retrievedContexts(), s.response(),
                    s.reference(), s.metadata(), results.get(i)));
        }
        List<MetricSummary> summaries = new ArrayList<>();
        for (String id : metricIds) {
            summaries.add(Summaries.of(id, results.stream().map(r -> r.get(id)).toList()));
        }
        GateDecision decision = Gate.decide(summaries, thresholds);
        RunContext context = new RunContext(version, started, finished,
                new JudgeInfo(judge.kind(), judge.model(), judge.method(), judge.baseUrl()), embeddingsModel,
                new DatasetInfo(dataset.path().toString(), dataset.sha256(),
                        dataset.format().name().toLowerCase(Locale.ROOT), dataset.samples().size()),
                metricIds, judge.promptHashes(), stopped, accounting);
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
