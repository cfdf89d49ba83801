package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.Utf16;
import dev.llmeval.dataset.Dataset;
import dev.llmeval.gate.Gate;
import dev.llmeval.gate.GateDecision;
import dev.llmeval.gate.GateFailure;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.report.Accounting;
import dev.llmeval.report.BaselineReport;
import dev.llmeval.report.ConsoleSummary;
import dev.llmeval.report.DatasetInfo;
import dev.llmeval.report.HtmlReport;
import dev.llmeval.report.JsonReport;
import dev.llmeval.report.JudgeInfo;
import dev.llmeval.report.JunitReport;
import dev.llmeval.report.MarkdownReport;
import dev.llmeval.report.RunContext;
import dev.llmeval.report.RunReport;
import dev.llmeval.report.SampleReport;
import dev.llmeval.report.TargetSummary;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The gate decision and the report of a scored run, and where they are written. */
record RunOutput(RunReport report) {

    /**
     * @param samples every sample's report in dataset order, read when the reports are written
     * @param summaries one per metric, in metric order
     * @param moreFailures failures of the baseline and pass-rate gates, beside the thresholds'
     * @param perSample whether {@code --pass-rate} gates the thresholds per sample instead of on
     *     the means: then the means are not gated, the pass-rate failures are among {@code moreFailures}
     */
    static RunOutput build(String version, Instant started, Instant finished, JudgeSetup judge,
            String embeddingsModel, Dataset dataset, List<String> metricIds, Iterable<SampleReport> samples,
            List<MetricSummary> summaries, Thresholds thresholds, String stopped, Accounting accounting,
            TargetSummary target, List<GateFailure> moreFailures, boolean perSample, BaselineReport baseline,
            Integer datasetVersion) {
        GateDecision means = perSample ? new GateDecision(true, List.of()) : Gate.decide(summaries, thresholds);
        List<GateFailure> failures = new java.util.ArrayList<>(means.failures());
        failures.addAll(moreFailures);
        GateDecision decision = new GateDecision(failures.isEmpty(), failures);
        RunContext context = new RunContext(version, started, finished,
                new JudgeInfo(judge.kind(), judge.model(), judge.method(), judge.baseUrl()), embeddingsModel,
                new DatasetInfo(dataset.path().toString(), dataset.sha256(),
                        dataset.format().name().toLowerCase(Locale.ROOT), dataset.size(), datasetVersion),
                metricIds, judge.promptHashes(), stopped, accounting, target, baseline);
        return new RunOutput(RunReport.assemble(context, samples, summaries, thresholds, decision));
    }

    boolean passed() {
        return report.gate().passed();
    }

    /** @param baselineChanges what changed since the baseline run, printed after the comparison with it */
    String console(List<String> baselineChanges) {
        return ConsoleSummary.render(report, baselineChanges);
    }

    /** Writes report.json and report.html into {@code dir}; returns their paths. */
    /** The report formats of {@code --format}, and the file each is written to. */
    static final Map<String, String> FORMATS = Map.of(
            "json", "report.json", "html", "report.html", "junit", "junit.xml", "markdown", "summary.md");

    /** Checks {@code --format} names; the default is json and html. */
    static List<String> formats(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of("json", "html");
        }
        List<String> formats = new java.util.ArrayList<>();
        for (String name : requested) {
            String format = name.strip().toLowerCase(Locale.ROOT);
            if (!FORMATS.containsKey(format)) {
                throw new LlmevalException(ExitStatus.USAGE,
                        "--format: unknown report format '" + name + "' (known: json, html, junit, markdown)");
            }
            if (!formats.contains(format)) {
                formats.add(format);
            }
        }
        return formats;
    }

    /**
     * Writes the reports into {@code dir}; when the Markdown summary is among them and
     * {@code stepSummary} (the value of {@code $GITHUB_STEP_SUMMARY}) is set, it is also appended
     * to that file.
     *
     * @return the files written
     */
    List<Path> write(Path dir, List<String> formats, String stepSummary) {
        List<Path> written = new java.util.ArrayList<>();
        try {
            for (String format : formats) {
                Path file = dir.resolve(FORMATS.get(format));
                switch (format) {
                    case "json" -> JsonReport.write(report, file);
                    case "html" -> HtmlReport.write(report, file);
                    case "junit" -> JunitReport.write(report, file);
                    default -> MarkdownReport.write(report, file);
                }
                written.add(file);
            }
            if (formats.contains("markdown") && stepSummary != null && !stepSummary.isBlank()) {
                java.nio.file.Files.write(Path.of(stepSummary), Utf16.utf8(MarkdownReport.render(report) + "\n"),
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (UncheckedIOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, "cannot write the report: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT,
                    "cannot append to $GITHUB_STEP_SUMMARY (" + stepSummary + "): " + e.getMessage(), e);
        }
        return written;
    }
}
