package dev.llmeval.cli;

import dev.llmeval.app.Compare;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code llmeval compare}: parses its options and hands them to {@link Compare}. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compare two saved report.json files per metric (samples paired by id, a bootstrap 95%% CI), "
                + "and fail when a metric dropped more than --max-drop. Nothing is rerun.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no metric dropped more than allowed",
            "1:a metric dropped more than allowed",
            "2:usage error",
            "3:a report cannot be read"
        })
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE.json", description = "The baseline report (e.g. from main).")
    Path base;

    @Parameters(index = "1", paramLabel = "HEAD.json", description = "The report to check.")
    Path head;

    @Option(names = "--max-drop", paramLabel = "METRIC=DELTA",
            description = "Allowed drop of the metric's mean: absolute (0.05) or relative (5%%). Repeatable.")
    List<String> maxDrops = new ArrayList<>();

    @Option(names = "--significant-only",
            description = "Fail only when the whole confidence interval is below the allowed drop.")
    boolean significantOnly;

    @Override
    public Integer call() {
        return Compare.run(spec.commandLine().getOut(), base, head, maxDrops, significantOnly).code();
    }
}
