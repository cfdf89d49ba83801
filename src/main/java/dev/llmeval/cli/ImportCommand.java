package dev.llmeval.cli;

import dev.llmeval.app.ImportRequest;
import dev.llmeval.app.TraceImport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmeval import}: parses its options and hands them to {@link TraceImport}. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Read production traces (OTLP JSON, Langfuse or LangSmith exports), sample them, redact personal data "
                    + "and write golden-set candidates into the review queue (docs/production.md).",
            "Nothing is written before it is redacted; traces without captured content are counted, not queued."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported", "2:usage error", "3:unreadable export or invalid config"})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "otlp|langfuse|langsmith",
            description = "The export's format: otlp (OpenTelemetry Collector file exporter: GenAI or OpenInference "
                    + "conventions), langfuse (API pages, JSON/JSONL/CSV exports) or langsmith (runs as JSON).")
    String source;

    @Option(names = "--input", required = true, paramLabel = "FILE_OR_DIR",
            description = "An export file, or a folder of .json, .jsonl, .ndjson and .csv files.")
    Path input;

    @Option(names = "--sample-rate", paramLabel = "R",
            description = "Keep the traces whose hash(salt, trace id) is below R, 0..1 (default: import.sample-rate, else 1).")
    Double sampleRate;

    @Option(names = "--salt", paramLabel = "S",
            description = "Mixed into the hash (default: import.salt, else 'llmeval'): the same rate and salt keep the "
                    + "same traces on every run and machine.")
    String salt;

    @Option(names = "--out", paramLabel = "QUEUE_DIR", description = "The review queue folder (default: review-queue).")
    Path out;

    @Option(names = "--stratify-by", paramLabel = "ATTRIBUTE",
            description = "Stratify by a trace attribute, e.g. route, language or tenant.")
    String stratifyBy;

    @Option(names = "--per-stratum", paramLabel = "N", description = "At most N rate-sampled traces per stratum.")
    Integer perStratum;

    @Option(names = "--max-items", paramLabel = "N", description = "At most N rate-sampled traces in this import.")
    Integer maxItems;

    @Option(names = "--always-cap", paramLabel = "N",
            description = "At most N traces kept by the always-include rules (errors, negative feedback, low online "
                    + "scores, refusals); default 100.")
    Integer alwaysCap;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file; default: ./llmeval.yaml if present.")
    Path config;

    private final Path workingDir;

    ImportCommand(Path workingDir) {
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() {
        return new TraceImport(spec.commandLine().getOut(), workingDir).run(new ImportRequest(source,
                Paths.resolve(workingDir, input), sampleRate, salt, Paths.resolve(workingDir, out),
                Paths.resolve(workingDir, config), stratifyBy, perStratum, maxItems, alwaysCap)).code();
    }
}
