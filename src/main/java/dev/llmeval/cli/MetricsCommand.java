package dev.llmeval.cli;

import dev.llmeval.app.MetricListing;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmeval metrics}: parses its options and hands them to {@link MetricListing}. */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List every metric: the built-in ones and the custom criteria of llmeval.yaml, with the "
                + "fields each requires, which judge scores it (an LLM, also the offline judge, or none needed), "
                + "judge calls per sample and which way is better.")
final class MetricsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for machines instead of a table.")
    boolean json;

    @Option(names = "--wide", description = "A table with every column, each metric on one line (wider than 100"
            + " columns), with its summary.")
    boolean wide;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file with the criteria; default: ./llmeval.yaml if present.")
    Path config;

    private final Path workingDir;

    MetricsCommand(Path workingDir) {
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() {
        return MetricListing.run(spec.commandLine().getOut(), resolve(config), workingDir, json, wide).code();
    }

    /** Relative paths are relative to the working directory; kept as typed when that is the JVM's own. */
    private Path resolve(Path path) {
        if (path == null || path.isAbsolute() || workingDir.equals(Path.of("").toAbsolutePath())) {
            return path;
        }
        return workingDir.resolve(path).normalize();
    }
}
