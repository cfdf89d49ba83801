package dev.llmeval.app;

import dev.llmeval.Plural;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.Usd;
import dev.llmeval.config.ConfigFile;
import dev.llmeval.config.EvalConfig;
import dev.llmeval.dataset.ColumnMaps;
import dev.llmeval.dataset.Dataset;
import dev.llmeval.dataset.DatasetFormat;
import dev.llmeval.dataset.DatasetReader;
import dev.llmeval.dataset.GoldenSample;
import dev.llmeval.gate.Comparison;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.judge.BudgetExceededException;
import dev.llmeval.judge.CacheMode;
import dev.llmeval.judge.JudgeCache;
import dev.llmeval.judge.JudgeException;
import dev.llmeval.judge.RunMeter;
import dev.llmeval.metric.Criterion;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.NeedsLlmJudge;
import dev.llmeval.metric.SampleField;
import dev.llmeval.provider.Providers;
import dev.llmeval.report.BaselineRun;
import dev.llmeval.report.OutDirLock;
import dev.llmeval.review.GoldenSetMeta;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code llmeval run} without picocli: load the golden set, check it, score every sample × metric,
 * gate on the thresholds and write the reports.
 */
public final class Evaluation {

    /** {@code --dataset -}: the golden set is read from standard input. */
    public static final Path STDIN = Path.of("-");

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final Path workingDir;
    private final Supplier<InputStream> stdin;

    public Evaluation(PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir,
            Supplier<InputStream> stdin) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.workingDir = workingDir;
        this.stdin = stdin;
    }

    public ExitStatus run(RunRequest request) {
        Instant started = Instant.now();
        // what is being done: not with --quiet; warnings and errors always go to err
        PrintWriter info = request.quiet() ? new PrintWriter(Writer.nullWriter()) : err;
        EvalConfig config = ConfigFile.load(request.config(), workingDir);
        DatasetFormat format = request.format() == null ? null : DatasetFormat.parse(request.format());
        SampleFacts facts = new SampleFacts();
        Map<String, String> columns = ColumnMaps.parse(request.columnMap());
        Character delimiter = DatasetFormat.csvDelimiter(request.csvDelimiter());
        boolean fromStdin = STDIN.equals(request.dataset());
        String source = fromStdin ? "stdin" : request.dataset().toString();
        Consumer<GoldenSample> read = facts.andThen(sample -> sample.warnings().forEach(w -> err.println(
                "llmeval: warning: " + source + ":" + sample.line() + ": sample '" + sample.id() + "': " + w)));
        Dataset dataset = fromStdin
                ? DatasetReader.readStdin(stdin.get(), format, columns, delimiter, read)
                : DatasetReader.read(request.dataset(), format, columns, delimiter, read);
        List<Criterion> criteria = CriteriaSetup.of(config);
        List<String> criterionIds = CriteriaSetup.ids(criteria);
        MetricPlan plan = MetricPlan.choose(request.metrics(), config.metrics(), config.at("metrics"),
                facts.anyReference(), criterionIds);
        Thresholds thresholds = ThresholdPlan.merge(config.thresholds(), metric -> config.at("thresholds." + metric),
                request.thresholds(), plan, MetricPlan.known(criterionIds));
        RunSettings settings = RunSettings.resolve(request, config, workingDir);
        TrustPolicy trust = TrustPolicy.of(request.trust(), config, env);
        trust.checkModels(settings, request.judge().baseUrl() != null, env);
        trust.checkTarget(TargetStep.kind(request.target(), config.target()), request.target(), config.target());
        List<String> formats = RunOutput.formats(request.reportFormats());
        BaselineGate extraGate = BaselineGate.create(request.gate(), thresholds, plan.ids(),
                MetricPlan.known(criterionIds));

        int jobs = dataset.size() * plan.ids().size();
        RunControl control = new RunControl(
                settings.maxErrors() != null ? settings.maxErrors() : RunControl.defaultMaxErrors(jobs));
        RunMeter meter = new RunMeter();
        JudgeCache cache = settings.offline() || settings.cacheMode() == CacheMode.OFF ? JudgeCache.off()
                : new JudgeCache(settings.cacheDir(), settings.cacheMode());
        EmbeddingsSetup embeddings = request.dryRun() ? EmbeddingsSetup.estimate(settings)
                : EmbeddingsSetup.create(settings, cache, meter, env);
        JudgeSetup judge = settings.offline()
                ? JudgeSetup.offline(plan.ids(), embeddings.model(), config.metricOptions(), criteria)
                : request.dryRun()
                        ? JudgeSetup.estimate(settings, request.promptsDir(), plan.ids(), embeddings.model(),
                                config.metricOptions(), criteria)
                        : JudgeSetup.llm(settings, request.promptsDir(), plan.ids(), env, embeddings.model(), control,
                                meter, cache, config.metricOptions(), criteria, err);
        String targetKind = TargetStep.kind(request.target(), config.target());
        boolean dataTarget = targetKind.equals(TargetStep.DATASET);
        Map<Integer, Map<String, MetricResult>> preset = FieldCheck.check(dataset, facts, judge.metrics(),
                plan.explicit(), dataTarget ? Set.of()
                        // what a target may return; a sample it returns no ids for is skipped by the id metrics
                        : Set.of(SampleField.ANSWER, SampleField.CONTEXTS, SampleField.RETRIEVED_CONTEXT_IDS));
        FieldCheck.requireScorable(thresholds, preset, judge.metrics(), dataset.size());

        if (request.dryRun()) {
            printFieldNotices(dataset, preset, judge.metrics());
            if (!dataTarget) {
                err.println("llmeval: dry run: the " + targetKind + " target is not called; the estimate uses each "
                        + "reference (or question) as a stand-in answer and context");
            }
            try (Stream<GoldenSample> golden = dataset.stream()) {
                Stream<EvaluatedSample> samples = golden.map(Evaluation::toEvaluated);
                DryRun.print(out, settings, judge, settings.offline() ? null : Providers.describe(settings.judge()),
                        dataset.size(), (dataTarget ? samples : samples.map(Evaluation::standIn)).iterator(), preset);
            }
            return ExitStatus.PASSED;
        }
        OutDirLock lock = OutDirLock.acquire(request.out());
        if (lock.tookOverFrom() != null) {
            err.println("llmeval: " + request.out() + " was locked by a run that is no longer running ("
                    + lock.tookOverFrom() + "); taking it over");
        }
        try {
            TargetStep step = null;
            if (!dataTarget) {
                step = TargetStep.run(targetKind, request.target(), config.target(), workingDir, dataset, env,
                        embeddings.model(), () -> settings.offline() ? null : Providers.chatModel(settings.judge(), env), err,
                        info);
                step.skipFailed(preset, judge.metrics());
                int maxTargetErrors = TargetStep.maxErrors(request.target(), config.target(), dataset.size());
                if (step.errors() > maxTargetErrors) {
                    control.stopForTarget("more than " + maxTargetErrors + " target errors (--max-target-errors)");
                }
                info.println("llmeval: target answered " + (step.summary().calls() - step.errors()) + " of "
                        + Plural.of(step.summary().calls(), "question") + " (latency p50 " + step.summary().p50Ms() + " ms, p95 "
                        + step.summary().p95Ms() + " ms)");
            }
            printFieldNotices(dataset, preset, judge.metrics());
            info.println("llmeval: scoring " + Plural.of(dataset.size(), "sample") + " x "
                    + Plural.of(plan.ids().size(), "metric") + " with "
                    + (settings.offline() ? "the offline judge (" + judge.method() + ")" : judge.method()));
            List<String> needLlm = judge.metrics().stream().filter(NeedsLlmJudge.class::isInstance).map(Metric::id).toList();
            if (!needLlm.isEmpty()) {
                err.println("llmeval: the offline judge cannot score " + String.join(", ", needLlm) + " (needs an LLM judge):"
                        + " every sample of it is skipped; set --judge or judge.provider in llmeval.yaml to score it");
            }
            err.flush();
            if (judge.guard() != null && control.stopReason() == null) {
                try (Stream<GoldenSample> golden = dataset.stream()) {
                    Preflight.check(answered(step, golden).map(Evaluation::toEvaluated).iterator(), judge.metrics(),
                            preset, judge.guard());
                }
            }
            try (Interruption interruption = Interruption.watch(control);
                    Progress progress = Progress.create(request.quiet(), System.console() != null, err, dataset.size(),
                            () -> settings.offline() ? control.errors() + " errors (offline judge: no calls)"
                                    : AccountingBuilder.status(meter, settings.prices(), control.errors()),
                            control::stopReason);
                    RunResults results = RunResults.create(step == null ? null : step.calls(), plan.ids())
                            .feeding(extraGate);
                    Stream<GoldenSample> golden = dataset.stream()) {
                new Scorer(judge.metrics(), threads(settings), progress, control)
                        .score(answered(step, golden).iterator(), Evaluation::toEvaluated, preset, results);
                List<MetricSummary> summaries = results.summaries();
                List<Comparison> comparisons = extraGate.comparisons();
                RunOutput output = RunOutput.build(ToolVersion.get(), started, Instant.now(), judge, embeddings.name(),
                        dataset, plan.ids(), results.samples(), summaries, thresholds, control.stopReason(),
                        AccountingBuilder.of(meter, settings.prices(), judge.model(), summaries),
                        step == null ? null : step.summary(), extraGate.failures(comparisons, thresholds),
                        extraGate.perSample(), request.gate().baseline() == null ? null
                                : extraGate.report(request.gate().baseline().toString(), comparisons),
                        GoldenSetMeta.versionOf(dataset.path(), dataset.sha256()));
                List<Path> written = output.write(request.out(), formats, env.get("GITHUB_STEP_SUMMARY"));
                results.close();
                progress.close();
                List<String> changes = List.of();
                if (request.gate().baseline() != null) {
                    BaselineRun before = BaselineRun.read(request.gate().baseline());
                    if (before != null) {
                        changes = before.changes(output.report().run().dataset(), output.report().run().prompts());
                    }
                }
                out.print(output.console(changes));
                out.println("reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
                out.flush();
                interruption.reportWritten();
                return exitStatus(output, judge, control, results.firstError(), meter.costUsd(settings.prices()));
            }
        } finally {
            lock.close();
        }
    }

    /** Before scoring: the keys kept only as metadata, and what the default metrics will skip. */
    private void printFieldNotices(Dataset dataset, Map<Integer, Map<String, MetricResult>> preset,
            List<Metric> metrics) {
        if (!dataset.extraFields().isEmpty()) {
            err.println("llmeval: kept as metadata, not scored (not golden-set fields): "
                    + String.join(", ", dataset.extraFields()));
        }
        for (String line : FieldCheck.skippedSummary(preset, metrics, dataset.size())) {
            err.println("llmeval: " + line);
        }
    }

    /** The offline judge is CPU-bound: no more threads than cores. */
    private static int threads(RunSettings settings) {
        return settings.offline()
                ? Math.max(1, Math.min(settings.concurrency(), Runtime.getRuntime().availableProcessors()))
                : settings.concurrency();
    }

    /** @param spent what the judge spent over the whole run, as the summary shows it */
    private static ExitStatus exitStatus(RunOutput output, JudgeSetup judge, RunControl control,
            String firstError, BigDecimal spent) {
        JudgeException fatal = judge.guard() == null ? null : judge.guard().fatalFailure();
        if (fatal instanceof BudgetExceededException budget) {
            throw new LlmevalException(ExitStatus.JUDGE_FAILED, "run stopped early (partial report written): "
                    + budget.getMessage() + "; spent " + Usd.format(spent) + " of " + Usd.format(budget.budgetUsd()));
        }
        if (fatal != null) {
            throw new LlmevalException(ExitStatus.JUDGE_FAILED, "run stopped early (partial report written): "
                    + GuardedJudge.stopReason(fatal));
        }
        if (control.stopReason() != null) {
            throw new LlmevalException(control.stopStatus(),
                    "run stopped early (partial report written): " + control.stopReason() + "; first error: "
                            + firstError);
        }
        if (judge.guard() != null && judge.guard().answered() == 0 && judge.guard().failed() > 0) {
            throw new LlmevalException(ExitStatus.JUDGE_FAILED,
                    "every judge call failed; first error: " + firstError);
        }
        return output.passed() ? ExitStatus.PASSED : ExitStatus.GATE_FAILED;
    }

    /** For a dry run with a target: the reference (or question) stands in for the unknown answer. */
    private static EvaluatedSample standIn(EvaluatedSample s) {
        String text = s.reference() != null ? s.reference() : s.question();
        return s.withAnswer(text, List.of(text));
    }

    /** The golden samples as scored: with the target's answers when a target was asked. */
    private static Stream<GoldenSample> answered(TargetStep step, Stream<GoldenSample> golden) {
        return step == null ? golden : step.answered(golden);
    }

    static EvaluatedSample toEvaluated(GoldenSample s) {
        return new EvaluatedSample(s.id(), s.userInput(), s.response(), s.retrievedContexts(), s.reference(),
                s.referenceContexts(), s.retrievedContextIds(), s.referenceContextIds());
    }
}
