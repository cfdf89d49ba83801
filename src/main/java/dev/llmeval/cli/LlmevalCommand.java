package dev.llmeval.cli;

import dev.llmeval.ExitStatus;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: groups the subcommands; alone, it is a usage error (exit 2). */
@Command(
        name = "llmeval",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Evaluate a RAG pipeline against a golden set with RAGAS metrics, and gate on thresholds.",
        subcommands = {RunCommand.class, CompareCommand.class, ReportCommand.class, MetricsCommand.class,
            ImportCommand.class, ReviewCommand.class, AutoComplete.GenerateCompletion.class})
final class LlmevalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("llmeval: a command is needed: "
                + String.join(", ", spec.subcommands().keySet()));
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitStatus.USAGE.code();
    }
}
