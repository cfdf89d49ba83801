package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.config.ConfigFile;
import dev.llmeval.config.EvalConfig;
import dev.llmeval.dataset.ColumnMaps;
import dev.llmeval.dataset.Dataset;
import dev.llmeval.dataset.DatasetFormat;
import dev.llmeval.dataset.DatasetReader;
import dev.llmeval.dataset.GoldenSample;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code llmeval run} without picocli: load the golden set, check it, score every sample × metric,
 * gate on the thresholds and write the reports.
 */
public final class Evaluation {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final Path workingDir;

    public Evaluation(PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.workingDir = workingDir;
    }

    public ExitStatus run(RunRequest request) {
        Instant started = Instant.now();
        EvalConfig config = ConfigFile.load(request.config(), workingDir);
        String configName = config.source() == null ? ConfigFile.DEFAULT_NAME : config.source().toString();
        DatasetFormat format = request.format() == null ? null : DatasetFormat.parse(request.format());
        Dataset dataset = DatasetReader.read(request.dataset(), format, ColumnMaps.parse(request.columnMap()));
        MetricPlan plan = MetricPlan.choose(request.metrics(), config.metrics(), configName, dataset.samples());
        Thresholds thresholds = ThresholdPlan.merge(config.thresholds(), configName, request.thresholds(), plan);

        String kind = firstOf(request.judge(), config.judgeKind(), JudgeSetup.OFFLINE);
        String baseUrl = firstOf(request.judgeBaseUrl(), config.judgeBaseUrl(), null);
        int jobs = dataset.samples().size() * plan.ids().size();
        RunControl control = new RunControl(
                request.maxErrors() != null ? request.maxErrors() : RunControl.defaultMaxErrors(jobs));
        EmbeddingsSetup embeddings = EmbeddingsSetup.create(request.embeddings(), request.embeddingModel(), kind,
                baseUrl, request.judgeTimeoutSeconds(), env);
        JudgeSetup judge = JudgeSetup.create(kind, firstOf(request.judgeModel(), config.judgeModel(), null),
                baseUrl, request.judgeTimeoutSeconds(), request.promptsDir(), plan.ids(), env, embeddings.model(),
                control);
        List<EvaluatedSample> samples = dataset.samples().stream().map(Evaluation::toEvaluated).toList();
        Map<Integer, Map<String, MetricResult>> skipped =
                FieldCheck.check(dataset, samples, judge.metrics(), plan.explicit());

        err.println("llmeval: scoring " + samples.size() + " samples x " + plan.ids().size() + " metrics with "
                + (judge.guard() == null ? "the offline judge (" + judge.method() + ")" : judge.method()));
        err.flush();
        List<Map<String, MetricResult>> results;
        try (Interruption interruption = Interruption.watch(control);
                Progress progress = Progress.create(request.quiet(), System.console() != null, err, samples.size(),
                        () -> status(judge))) {
            results = new Scorer(judge.metrics(), request.concurrency(), progress, control).score(samples, skipped);
            Instant finished = Instant.now();
            RunOutput output = RunOutput.build(ToolVersion.get(), started, finished, judge, embeddings.name(),
                    dataset, plan.ids(), results, thresholds, control.stopReason());
            List<Path> written = output.write(request.out());
            progress.close();
            out.print(output.console());
            out.println("reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
            out.flush();
            interruption.reportWritten();
            return exitStatus(output, judge, control, results);
        }
    }

    private static ExitStatus exitStatus(RunOutput output, JudgeSetup judge, RunControl control,
            List<Map<String, MetricResult>> results) {
        if (judge.guard() != null && judge.guard().fatalFailure() != null) {
            throw new LlmevalException(ExitStatus.JUDGE_FAILED,
                    "judge failed, run stopped (partial report written): " + judge.guard().fatalFailure().getMessage());
        }
        if (control.stopReason() != null) {
            throw new LlmevalException(ExitStatus.JUDGE_FAILED,
                    "run stopped early (partial report written): " + control.stopReason() + "; first error: "
                            + firstError(results));
        }
        if (judge.guard() != null && judge.guard().answered() == 0 && judge.guard().failed() > 0) {
            throw new LlmevalException(ExitStatus.JUDGE_FAILED,
                    "every judge call failed; first error: " + firstError(results));
        }
        return output.passed() ? ExitStatus.PASSED : ExitStatus.GATE_FAILED;
    }

    private static String status(JudgeSetup judge) {
        if (judge.guard() == null) {
            return "offline judge";
        }
        return judge.guard().answered() + " judge answers, " + judge.guard().failed() + " failures";
    }

    private static EvaluatedSample toEvaluated(GoldenSample s) {
        return new EvaluatedSample(s.id(), s.userInput(), s.response(), s.retrievedContexts(), s.reference());
    }

    private static String firstError(List<Map<String, MetricResult>> results) {
        return results.stream().flatMap(m -> m.values().stream())
                .filter(r -> r.outcome() == Outcome.ERROR).map(MetricResult::reason).findFirst().orElse("none");
    }

    private static String firstOf(String flag, String config, String fallback) {
        return flag != null ? flag : config != null ? config : fallback;
    }
}
