package dev.llmeval.cli;

import dev.llmeval.app.Evaluation;
import dev.llmeval.app.RunRequest;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmeval run}: parses options and hands them to {@link Evaluation}. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Score a golden set with RAGAS metrics, gate on thresholds and write report.json and report.html.",
            "With no judge configured the embedded offline judge scores the run (no network, no key)."
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "PATH",
            description = "Golden set: .jsonl, .json or .csv (RAGAS or legacy field names); - reads standard input.")
    Path dataset;

    @Option(names = "--dataset-format", paramLabel = "jsonl|json|csv",
            description = "Dataset format; default: from the file extension.")
    String format;

    @Option(names = "--csv-delimiter", paramLabel = "CHAR",
            description = "CSV cell delimiter: , or ; or tab or another character; default: told from the header "
                    + "(comma, semicolon or tab).")
    String csvDelimiter;

    @Option(names = "--column-map", paramLabel = "RAGAS=COLUMN", split = ",",
            description = "Read a RAGAS field from another column, e.g. user_input=query. Repeatable.")
    List<String> columnMap = new ArrayList<>();

    @Option(names = "--metrics", paramLabel = "METRIC", split = ",",
            description = "Metrics to score, by id (`llmeval metrics` lists them all, with the fields each needs). "
                    + "Default: faithfulness, answer_relevancy, context_precision (context_utilization when no "
                    + "sample has a reference), context_recall, and any criteria defined in llmeval.yaml.")
    List<String> metrics;

    @Option(names = "--threshold", paramLabel = "METRIC=MIN",
            description = "Fail (exit 1) when the metric's mean over scored samples is below MIN (above it for a "
                    + "lower-is-better metric such as noise_sensitivity_relevant). Repeatable; overrides thresholds "
                    + "from llmeval.yaml.")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--judge", paramLabel = "PROVIDER",
            description = "Who judges: offline (default: the embedded offline judge, no network), openai, "
                    + "openai-compatible, azure-openai, anthropic, ollama or gemini.")
    String judge;

    @Option(names = "--judge-model", paramLabel = "NAME",
            description = "Judge model (deployment for azure-openai); default per provider, e.g. gpt-4o-mini.")
    String judgeModel;

    @Option(names = "--judge-base-url", paramLabel = "URL",
            description = "Server URL, e.g. http://localhost:8000/v1 for an OpenAI-compatible server. Keys come "
                    + "from environment variables only: see docs/configuration.md.")
    String judgeBaseUrl;

    @Option(names = "--judge-timeout", paramLabel = "SECONDS", description = "Timeout of one judge call (default: 60).")
    Integer judgeTimeoutSeconds;

    @Option(names = "--embeddings", paramLabel = "PROVIDER",
            description = "Embeddings for answer relevancy: local (default: in-process all-MiniLM-L6-v2), openai, "
                    + "azure-openai or ollama (needs an LLM judge).")
    String embeddings;

    @Option(names = "--embedding-model", paramLabel = "NAME", description = "Embedding model (default per provider).")
    String embeddingModel;

    @Option(names = "--per-chunk",
            description = "Context precision with one judge call per chunk, as RAGAS does (default: all chunks in one call).")
    boolean perChunk;

    @Option(names = "--concurrency", paramLabel = "N", description = "Judge calls in flight at once (default: 8).")
    Integer concurrency;

    @Option(names = "--rpm", paramLabel = "N", description = "At most N judge requests per minute (default: no limit).")
    Integer rpm;

    @Option(names = "--max-errors", paramLabel = "N",
            description = "Stop the run (exit 5, partial report) when more than N sample x metric results are "
                    + "errors (default: 10%% of the jobs, at least 5).")
    Integer maxErrors;

    @Option(names = "--max-cost", paramLabel = "USD",
            description = "Judge budget: a call is sent only when its estimated cost still fits; the first that "
                    + "does not stops the run (exit 5, partial report).")
    Double maxCost;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Judge cache folder (default: .llmeval/cache).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the judge cache.")
    boolean noCache;

    @Option(names = "--cache-only", description = "Answer every judge call from the cache; a miss is an error (no call).")
    boolean cacheOnly;

    @Option(names = "--target", paramLabel = "KIND",
            description = "The RAG system to ask for answers: dataset (default: score the responses in the golden set), "
                    + "http, command, java or builtin (docs/targets.md).")
    String target;

    @Option(names = "--target-url", paramLabel = "URL", description = "http: the endpoint to call.")
    String targetUrl;

    @Option(names = "--target-method", paramLabel = "POST|GET", description = "http: the method (default: POST).")
    String targetMethod;

    @Option(names = "--target-body", paramLabel = "TEMPLATE",
            description = "http: the JSON body, with {{user_input}}, {{id}}, {{reference}}, {{metadata.KEY}} "
                    + "(default: {\"question\": \"{{user_input}}\"}).")
    String targetBody;

    @Option(names = "--target-answer", paramLabel = "POINTER", description = "http: JSON Pointer of the answer (default: /answer).")
    String targetAnswer;

    @Option(names = "--target-contexts", paramLabel = "POINTER",
            description = "http: JSON Pointer of the retrieved contexts, * for list items (default: /contexts).")
    String targetContexts;

    @Option(names = "--target-context-ids", paramLabel = "POINTER", description = "http: JSON Pointer of the context ids.")
    String targetContextIds;

    @Option(names = "--target-header", paramLabel = "'NAME: VALUE'",
            description = "http: a header; ${VAR} in the value is read from the environment. Repeatable.")
    List<String> targetHeaders = new ArrayList<>();

    @Option(names = "--target-command", paramLabel = "COMMAND",
            description = "command: the program to start once, speaking JSON lines on stdin/stdout.")
    String targetCommand;

    @Option(names = "--target-class", paramLabel = "CLASS", description = "java: a class implementing the interface%ndev.llmeval.target.RagTarget.")
    String targetClass;

    @Option(names = "--target-classpath", paramLabel = "PATHS", description = "java: jars and folders to load the class from.")
    String targetClasspath;

    @Option(names = "--docs", paramLabel = "DIR", description = "builtin: the folder of .md/.txt documents to answer from.")
    Path docs;

    @Option(names = "--target-timeout", paramLabel = "SECONDS", description = "Timeout of one target call (default: 60).")
    Integer targetTimeout;

    @Option(names = "--target-concurrency", paramLabel = "N", description = "Target calls in flight at once (default: 4).")
    Integer targetConcurrency;

    @Option(names = "--max-target-errors", paramLabel = "N",
            description = "Stop the run (exit 4, partial report) when more target calls fail (default: 10%% of the samples).")
    Integer maxTargetErrors;

    @Option(names = "--save-responses", paramLabel = "FILE.jsonl",
            description = "Write what the target answered as a golden set, to score again without calling it.")
    Path saveResponses;

    @Option(names = "--allow-host", paramLabel = "HOST",
            description = "A host that may receive the judge's key or a target header's ${VAR} when llmeval.yaml "
                    + "names it (as does LLMEVAL_ALLOWED_HOSTS); URLs given as flags need none. Repeatable.")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--allow-config-commands",
            description = "Run a command target, or load a Java target, that llmeval.yaml names (a config file may "
                    + "come from a pull request).")
    boolean allowConfigCommands;

    @Option(names = "--dry-run",
            description = "Print the judge calls, tokens and cost the run would need, without calling anything.")
    boolean dryRun;

    @Option(names = {"-q", "--quiet"}, description = "No progress output on stderr.")
    boolean quiet;

    @Option(names = "--prompts-dir", paramLabel = "DIR",
            description = "Replace built-in judge prompts with DIR/<metric>/<step>.txt files.")
    Path promptsDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file; default: ./llmeval.yaml if present.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: llmeval-report).")
    Path out;

    @Option(names = "--baseline", paramLabel = "REPORT.json",
            description = "A report.json from main to compare with: samples paired by id, a bootstrap 95%% CI per metric.")
    Path baseline;

    @Mixin
    MaxDropOptions drops = new MaxDropOptions();

    @Option(names = "--pass-rate", paramLabel = "RATE",
            description = "Gate per sample instead of on the mean: at least RATE of the scored samples must reach "
                    + "each --threshold.")
    Double passRate;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Reports to write: json (report.json), html (report.html), junit (junit.xml), "
                    + "markdown (summary.md; also appended to $GITHUB_STEP_SUMMARY when set). Default: json,html.")
    List<String> reportFormats;

    private final Map<String, String> env;
    private final Path workingDir;
    private final Supplier<InputStream> stdin;

    RunCommand(Map<String, String> env, Path workingDir, Supplier<InputStream> stdin) {
        this.env = env;
        this.workingDir = workingDir;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        RunRequest request = new RunRequest(
                Evaluation.STDIN.equals(dataset) ? dataset : resolve(dataset), format, csvDelimiter, columnMap, metrics, thresholds,
                new RunRequest.JudgeFlags(judge, judgeModel, judgeBaseUrl, judgeTimeoutSeconds, embeddings,
                        embeddingModel, perChunk),
                new RunRequest.LimitFlags(concurrency, rpm, maxErrors, maxCost),
                new RunRequest.CacheFlags(resolve(cacheDir), noCache, cacheOnly),
                new RunRequest.TargetFlags(target, targetUrl, targetMethod, targetBody, targetAnswer, targetContexts,
                        targetContextIds, targetHeaders, targetCommand, targetClass, targetClasspath, resolve(docs),
                        targetTimeout, targetConcurrency, maxTargetErrors, resolve(saveResponses)),
                new RunRequest.GateFlags(resolve(baseline), drops.maxDrops, drops.significantOnly, passRate),
                new RunRequest.TrustFlags(allowHosts, allowConfigCommands),
                dryRun, quiet, resolve(promptsDir), resolve(config),
                resolve(out == null ? Path.of("llmeval-report") : out), reportFormats);
        Evaluation evaluation = new Evaluation(spec.commandLine().getOut(), spec.commandLine().getErr(), env, workingDir,
                stdin);
        return evaluation.run(request).code();
    }

    /** Relative paths are relative to the working directory; kept as typed when that is the JVM's own. */
    private Path resolve(Path path) {
        if (path == null || path.isAbsolute() || workingDir.equals(Path.of("").toAbsolutePath())) {
            return path;
        }
        return workingDir.resolve(path).normalize();
    }
}
