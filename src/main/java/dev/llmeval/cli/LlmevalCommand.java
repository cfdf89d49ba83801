package dev.llmeval.cli;

import picocli.CommandLine.Command;

/** The top-level command: only groups the subcommands. */
@Command(
        name = "llmeval",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Evaluate a RAG pipeline against a golden set with RAGAS metrics, and gate on thresholds.",
        subcommands = {RunCommand.class, CompareCommand.class, ReportCommand.class, MetricsCommand.class,
            ImportCommand.class, ReviewCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all thresholds met",
            "1:a threshold failed",
            "2:usage error",
            "3:invalid dataset or config",
            "4:target failure (unreachable, or more errors than --max-target-errors)",
            "5:judge failure (unreachable, rejected key, too many errors, budget spent)",
            "70:internal error (a bug: please report it)",
            "130:interrupted by Ctrl-C (the partial report is written first)",
            "143:terminated by SIGTERM, e.g. a cancelled CI job (the partial report is written first)"
        })
final class LlmevalCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
