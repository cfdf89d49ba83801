package dev.llmeval.cli;

import dev.llmeval.app.Compare;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code llmeval compare}: parses its options and hands them to {@link Compare}. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compare two saved report.json files per metric (samples paired by id, a bootstrap 95%% CI), "
                + "and fail when a metric dropped more than --max-drop. Nothing is rerun.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE.json", description = "The baseline report (e.g. from main).")
    Path base;

    @Parameters(index = "1", paramLabel = "HEAD.json", description = "The report to check.")
    Path head;

    @Mixin
    MaxDropOptions drops = new MaxDropOptions();

    @Override
    public Integer call() {
        return Compare.run(spec.commandLine().getOut(), base, head, drops.maxDrops, drops.significantOnly).code();
    }
}
